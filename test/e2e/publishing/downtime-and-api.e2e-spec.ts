import { Pool } from 'pg';
import { SandboxHandle, startSandbox } from '@kabar/sandbox';
import { http } from '../../support/http';
import { startTestApp, TestApp } from '../../support/test-app';
import { userWithRole } from '../../support/users';
import { SECRET, WorkerProcess, createAccount, ensureUnit, schedulePosts, spawnWorker, statusCounts, waitFor } from './publishing-fixtures';

jest.setTimeout(120_000);

describe('downtime, grace, problems, notifications and retry', () => {
  let t: TestApp;
  let db: Pool;
  let sb: SandboxHandle;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    t = await startTestApp({ secretKey: SECRET });
    db = new Pool({ connectionString: t.databaseUrl, max: 4 });
    sb = await startSandbox();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await db?.end();
    await sb?.close();
    await t?.close();
  });

  it('a worker started after downtime publishes what is within the grace and reports the rest as missed', async () => {
    const admin = await userWithRole(t, { role: 'admin', locale: 'en' });
    const unit = await ensureUnit(db);
    const account = await createAccount(db, sb, unit, 'telegram');
    const now = Date.now();
    const late = await schedulePosts(db, unit, [
      { account, at: new Date(now - 5 * 60_000), text: 'Lima menit terlambat [D1]' },
      { account, at: new Date(now - 25 * 60_000), text: 'Hampir batas [D2]' },
    ]);
    const tooLate = await schedulePosts(db, unit, [{ account, at: new Date(now - 45 * 60_000), text: 'Terlalu terlambat [D3]' }], { authorId: admin.id });

    const w = await spawnWorker(t.databaseUrl, sb);
    workers.push(w);
    await waitFor(
      'late targets published',
      async () =>
        (
          await statusCounts(
            db,
            late.map((x) => x.id),
          )
        ).published === 2,
      60_000,
    );
    expect(
      await statusCounts(
        db,
        tooLate.map((x) => x.id),
      ),
    ).toEqual({ missed: 1 });
    expect(sb.store.posts().map((p) => p.text)).toEqual(expect.arrayContaining([expect.stringContaining('[D1]'), expect.stringContaining('[D2]')]));
    expect(sb.store.posts().some((p) => p.text.includes('[D3]'))).toBe(false);

    // Reported: the city admin's notifications, in their language, and the city-wide problem list.
    const notes = await waitFor(
      'missed notification',
      async () => {
        const r = await http(t.baseUrl, 'GET', '/api/v1/notifications', { token: admin.token, headers: { 'accept-language': 'en' } });
        return r.body.items?.some((n: { kind: string }) => n.kind === 'target_missed') ? r.body : undefined;
      },
      10_000,
    );
    const missed = notes.items.find((n: { kind: string }) => n.kind === 'target_missed');
    expect(missed).toMatchObject({ targetId: tooLate[0].id, postId: tooLate[0].postId, readAt: null });
    expect(missed.message).toContain('was missed');
    expect(notes.unreadCount).toBe(notes.items.length);
    const problems = await http(t.baseUrl, 'GET', '/api/v1/publishing/problems', { token: admin.token });
    expect(problems.status).toBe(200);
    expect(problems.body.items.map((i: { id: string; problem: string }) => [i.id, i.problem])).toEqual([[tooLate[0].id, 'missed']]);
    expect((await http(t.baseUrl, 'GET', '/api/v1/publishing/problems')).status).toBe(401);

    const read = await http(t.baseUrl, 'POST', `/api/v1/notifications/${missed.id}/read`, { token: admin.token });
    expect(read.status).toBe(204);
    expect((await http(t.baseUrl, 'GET', '/api/v1/notifications/unread-count', { token: admin.token })).body).toEqual({ count: notes.unreadCount - 1 });

    // Retry the missed one: reconciled first (nothing there), then published once.
    const retry = await http(t.baseUrl, 'POST', `/api/v1/posts/${tooLate[0].postId}/targets/${tooLate[0].id}/retry`, { token: admin.token });
    expect(retry.status).toBe(200);
    expect(retry.body.status).toBe('scheduled');
    await waitFor('retried target published', async () => (await statusCounts(db, [tooLate[0].id])).published === 1, 30_000);
    expect(sb.store.posts().filter((p) => p.text.includes('[D3]'))).toHaveLength(1);
    const again = await http(t.baseUrl, 'POST', `/api/v1/posts/${tooLate[0].postId}/targets/${tooLate[0].id}/retry`, { token: admin.token });
    expect(again.status).toBe(409);

    const targets = await http(t.baseUrl, 'GET', `/api/v1/posts/${tooLate[0].postId}/targets`, { token: admin.token });
    expect(targets.status).toBe(200);
    const [target] = targets.body.targets;
    expect(target).toMatchObject({ status: 'published', platform: 'telegram', externalId: expect.any(String), externalUrl: expect.stringContaining('http') });
    expect(target.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['published']);
    expect(target.attempts[0].worker).toMatch(/:\d+$/);
  });

  it('rejected: failed at once with the platform reason, the author told; another unit cannot see it', async () => {
    const author = await userWithRole(t, { role: 'admin', unitCode: '32.71.01' });
    const outsider = await userWithRole(t, { role: 'admin', unitCode: '32.71.02' });
    const [{ id: unitId }] = (await db.query(`SELECT id FROM units WHERE code = '32.71.01'`)).rows;
    const account = await createAccount(db, sb, unitId, 'mastodon');
    sb.store.injectFault({
      platform: 'mastodon',
      accountExternalId: account.externalId,
      kind: 'reject',
      message: 'Validation failed: Text character limit of 500 exceeded',
    });
    const [target] = await schedulePosts(db, unitId, [{ account, at: new Date(Date.now() + 200), text: 'Ditolak [R1]' }], { authorId: author.id });
    await waitFor('failed', async () => (await statusCounts(db, [target.id])).failed === 1, 30_000);
    const row = (await db.query(`SELECT last_error_class, last_error_message, attempt_count FROM post_targets WHERE id = $1`, [target.id])).rows[0];
    expect(row).toEqual({ last_error_class: 'rejected', last_error_message: 'Validation failed: Text character limit of 500 exceeded', attempt_count: 1 });
    const notes = await waitFor(
      'failure notification',
      async () =>
        (await http(t.baseUrl, 'GET', '/api/v1/notifications', { token: author.token })).body.items.find((n: { kind: string }) => n.kind === 'target_failed'),
      10_000,
    );
    expect(notes.message).toContain('Validation failed');
    expect((await http(t.baseUrl, 'GET', `/api/v1/posts/${target.postId}/targets`, { token: outsider.token })).status).toBe(404);
    const outsiderProblems = await http(t.baseUrl, 'GET', '/api/v1/publishing/problems', { token: outsider.token });
    expect(outsiderProblems.body.items.find((i: { id: string }) => i.id === target.id)).toBeUndefined();
    await waitFor('post rolled up', async () => (await db.query(`SELECT status FROM posts WHERE id = $1`, [target.postId])).rows[0].status === 'failed', 5_000);
  });
});
