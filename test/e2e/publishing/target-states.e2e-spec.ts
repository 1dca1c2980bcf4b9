import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kabar/database';
import { SandboxHandle, SandboxPlatform, startSandbox } from '@kabar/sandbox';
import { ClaimsRepository, TargetsRepository } from '@kabar/publishing';
import { createTestDatabase } from '../../support/test-database';
import { FixtureAccount, createAccount, ensureUnit, schedulePosts } from './publishing-fixtures';

/**
 * Every move of a target's publishing state, on a real PostgreSQL, called directly: no worker processes, no
 * sleeps. Times are relative to the database's clock (targets due a second ago; leases ended by an UPDATE).
 */
describe('post target state moves (claims, fencing, unknown outcomes, resolution)', () => {
  let tdb: { url: string; drop(): Promise<void> };
  let ds: DataSource;
  let db: Pool;
  let sb: SandboxHandle;
  let claims: ClaimsRepository;
  let targets: TargetsRepository;
  let unit: string;
  const LEASE = 60_000;
  const GRACE = 30 * 60_000;
  const serial = ['telegram'];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(tdb.url, []));
    await ds.initialize();
    db = new Pool({ connectionString: tdb.url, max: 4 });
    sb = await startSandbox();
    claims = new ClaimsRepository(ds);
    targets = new TargetsRepository(ds);
    unit = await ensureUnit(db);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.end();
    await sb?.close();
    await tdb?.drop();
  });

  let n = 0;
  async function dueTarget(account?: FixtureAccount, platform: SandboxPlatform = 'facebook', at = new Date(Date.now() - 1000)) {
    const acc = account ?? (await createAccount(db, sb, unit, platform));
    const [t] = await schedulePosts(db, unit, [{ account: acc, at, text: `Info layanan [S${++n}]` }]);
    return { ...t, account: acc };
  }
  const row = async (id: string) => (await db.query(`SELECT * FROM post_targets WHERE id = $1`, [id])).rows[0];
  const attempts = async (id: string) => (await db.query(`SELECT * FROM publish_attempts WHERE target_id = $1 ORDER BY id`, [id])).rows;
  async function claimOne(id: string) {
    const c = await claims.claim(id, 'w1', LEASE, GRACE, serial);
    if (!c || !('target' in c)) throw new Error(`not claimed: ${JSON.stringify(c)}`);
    return c.target;
  }

  it('ten claims race for one due target: exactly one wins, with a fresh token and a lease', async () => {
    const t = await dueTarget();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => claims.claim(t.id, `w${i}`, LEASE, GRACE, serial)));
    const won = results.filter((r) => r && 'target' in r);
    expect(won).toHaveLength(1);
    const r = await row(t.id);
    expect(r.status).toBe('publishing');
    expect(r.claim_token).toBeTruthy();
    expect(r.attempt_count).toBe(1);
    expect(new Date(r.lease_until).getTime()).toBeGreaterThan(Date.now());
  });

  it('a send under the claim: attempt recorded, check owed; published with the id; a stale token moves nothing but keeps the id', async () => {
    const t = await dueTarget();
    const c = await claimOne(t.id);
    expect(await claims.startSend(t.id, '00000000-0000-0000-0000-000000000000', 'w1', 'fp')).toBeNull();
    const s = await claims.startSend(t.id, c.claimToken!, 'w1', 'fp');
    expect(s).not.toBeNull();
    let r = await row(t.id);
    expect(r.needs_reconcile).toBe(true);
    expect(r.check_since).toBeTruthy();
    await claims.keepHandles(s!.attemptId, { containerId: 'c-1' });
    // Fenced: another claim now holds the target; the old worker's answer lands on its attempt only.
    await db.query(`UPDATE post_targets SET claim_token = gen_random_uuid() WHERE id = $1`, [t.id]);
    expect(await claims.published(t.id, c.claimToken!, s!.attemptId, { externalId: 'fb_1', url: 'https://fb/1' }, 'published')).toBe('fenced');
    r = await row(t.id);
    expect(r.status).toBe('publishing');
    expect(r.external_id).toBeNull();
    const [a] = await attempts(t.id);
    expect(a).toMatchObject({ external_id: 'fb_1', outcome: 'published', handles: { containerId: 'c-1' } });
    expect((await claims.evidence(t.id)).learnt).toEqual({ externalId: 'fb_1', url: 'https://fb/1' });
  });

  it('published under the right token settles everything; one platform post is never held by two targets', async () => {
    const acc = await createAccount(db, sb, unit, 'x');
    const a = await dueTarget(acc);
    const b = await dueTarget(acc);
    const ca = await claimOne(a.id);
    const cb = await claimOne(b.id);
    const sa = await claims.startSend(a.id, ca.claimToken!, 'w1', 'fp');
    const sbb = await claims.startSend(b.id, cb.claimToken!, 'w1', 'fp');
    expect(await claims.published(a.id, ca.claimToken!, sa!.attemptId, { externalId: 'tw_9', url: 'u' }, 'published')).toBe('ok');
    expect(await claims.published(b.id, cb.claimToken!, sbb!.attemptId, { externalId: 'tw_9', url: 'u' }, 'reconciled')).toBe('conflict');
    const ra = await row(a.id);
    expect(ra).toMatchObject({ status: 'published', external_id: 'tw_9', needs_reconcile: false, claim_token: null, lease_until: null, check_since: null });
    expect((await row(b.id)).status).toBe('publishing');
  });

  it('a lost answer: scheduled for a check however late; never marked missed; a check is not a try', async () => {
    const t = await dueTarget();
    const c = await claimOne(t.id);
    const s = await claims.startSend(t.id, c.claimToken!, 'w1', 'fp');
    await claims.finishAttempt(s!.attemptId, { outcome: 'unknown', errorClass: 'unknown_outcome', message: 'socket hang up' });
    expect(await claims.unknown(t.id, c.claimToken!, new Date(Date.now() - 1000), 'socket hang up')).not.toBeNull();
    let r = await row(t.id);
    expect(r).toMatchObject({ status: 'scheduled', needs_reconcile: true, last_error_class: 'unknown_outcome', claim_token: null });
    expect(r.check_lost_at).toBeTruthy();
    // Hours late (no worker ran): still checked, never missed.
    await db.query(`UPDATE post_targets SET scheduled_at = now() - interval '5 hours', next_attempt_at = now() - interval '4 hours' WHERE id = $1`, [t.id]);
    expect(await targets.markMissed(GRACE, 10, t.id)).toHaveLength(0);
    const c2 = await claimOne(t.id);
    expect(c2.needsReconcile).toBe(true);
    expect(c2.attemptCount).toBe(2);
    const chk = await claims.startCheck(t.id, c2.claimToken!, 'w2');
    await claims.finishAttempt(chk!.attemptId, { outcome: 'pending', message: 'processing' });
    await claims.pending(t.id, c2.claimToken!, new Date(Date.now() - 1000));
    r = await row(t.id);
    expect(r).toMatchObject({ status: 'scheduled', attempt_count: 1, needs_reconcile: true });
    const c3 = await claimOne(t.id);
    expect(await claims.absent(t.id, c3.claimToken!)).toBe(true);
    r = await row(t.id);
    expect(r).toMatchObject({ status: 'publishing', needs_reconcile: false, check_since: null, check_lost_at: null, attempt_count: 1 });
    expect((await attempts(t.id)).map((x) => [x.kind, x.outcome])).toEqual([
      ['send', 'unknown'],
      ['check', 'pending'],
    ]);
  });

  it('unconfirmed, then resolved by a person three ways; resolving anything else is refused', async () => {
    const mk = async () => {
      const t = await dueTarget();
      const c = await claimOne(t.id);
      await claims.startSend(t.id, c.claimToken!, 'w1', 'fp');
      expect(await claims.unconfirmed(t.id, c.claimToken!, 'telegram_no_earlier_post', null)).not.toBeNull();
      return t;
    };
    const a = await mk();
    expect(await row(a.id)).toMatchObject({ status: 'unconfirmed', unconfirmed_reason: 'telegram_no_earlier_post', claim_token: null });
    expect(await targets.resolveSendAgain(a.id)).not.toBeNull();
    expect(await row(a.id)).toMatchObject({ status: 'scheduled', needs_reconcile: false, attempt_count: 0, unconfirmed_reason: null, check_since: null });
    expect(await targets.resolveSendAgain(a.id)).toBeNull();

    const b = await mk();
    expect(await targets.resolveCheckAgain(b.id)).not.toBeNull();
    expect(await row(b.id)).toMatchObject({ status: 'scheduled', needs_reconcile: true });

    const c = await mk();
    expect(await targets.resolvePublished(c.id, 'https://t.me/kanal/12', null)).not.toBeNull();
    expect(await row(c.id)).toMatchObject({ status: 'published', external_url: 'https://t.me/kanal/12', needs_reconcile: false });
    expect(await targets.resolvePublished(c.id, 'https://t.me/kanal/13', null)).toBeNull();
  });

  it('a lease that ran out: requeued due now, the dead try counted, its attempt abandoned, its token fenced out', async () => {
    const t = await dueTarget();
    const c = await claimOne(t.id);
    await claims.startSend(t.id, c.claimToken!, 'w1', 'fp');
    await db.query(`UPDATE post_targets SET lease_until = now() - interval '1 second' WHERE id = $1`, [t.id]);
    const requeued = await targets.requeueExpired(100);
    expect(requeued.map((x) => x.id)).toContain(t.id);
    const r = await row(t.id);
    expect(r).toMatchObject({ status: 'scheduled', needs_reconcile: true, attempt_count: 1, claim_token: null, last_error_class: 'unknown_outcome' });
    expect((await attempts(t.id)).map((x) => x.outcome)).toEqual(['abandoned']);
    expect(await claims.unknown(t.id, c.claimToken!, new Date(), 'late answer')).toBeNull();
    // Renewal only extends live claims.
    const c2 = await claimOne(t.id);
    await db.query(`UPDATE post_targets SET lease_until = now() + interval '1 second' WHERE id = $1`, [t.id]);
    await claims.renew([c2.claimToken!, c.claimToken!], LEASE);
    expect(new Date((await row(t.id)).lease_until).getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(c2.attemptCount).toBe(2);
  });

  it('claimed but never sent (a stopping worker): given back, not counted', async () => {
    const t = await dueTarget();
    const c = await claimOne(t.id);
    await claims.releaseUnsent([c.claimToken!]);
    expect(await row(t.id)).toMatchObject({ status: 'scheduled', attempt_count: 0, claim_token: null });
  });

  it('a serial account (Telegram) takes one target at a time across workers; the other is deferred, not lost', async () => {
    const acc = await createAccount(db, sb, unit, 'telegram');
    const a = await dueTarget(acc);
    const b = await dueTarget(acc);
    const results = await Promise.all([claims.claim(a.id, 'w1', LEASE, GRACE, serial), claims.claim(b.id, 'w2', LEASE, GRACE, serial)]);
    expect(results.filter((r) => r && 'target' in r)).toHaveLength(1);
    expect(results.filter((r) => r && 'busy' in r)).toHaveLength(1);
    const loser = results[0] && 'busy' in results[0] ? a : b;
    const lr = await row(loser.id);
    expect(lr.status).toBe('scheduled');
    expect(new Date(lr.next_attempt_at).getTime()).toBeGreaterThan(Date.now() - 5_000);
    // Another platform's accounts are never serialised.
    const fb = await createAccount(db, sb, unit, 'facebook');
    const [f1, f2] = [await dueTarget(fb), await dueTarget(fb)];
    const both = await Promise.all([claims.claim(f1.id, 'w1', LEASE, GRACE, serial), claims.claim(f2.id, 'w2', LEASE, GRACE, serial)]);
    expect(both.filter((r) => r && 'target' in r)).toHaveLength(2);
  });

  it('evidence for a check: known posts (with the latest before the window) and other unknown targets of the account', async () => {
    const acc = await createAccount(db, sb, unit, 'telegram');
    const old = await dueTarget(acc);
    await db.query(`UPDATE post_targets SET status = 'published', external_id = '41', published_at = now() - interval '3 days' WHERE id = $1`, [old.id]);
    const recent = await dueTarget(acc);
    await db.query(`UPDATE post_targets SET status = 'published', external_id = '42', published_at = now() - interval '1 minute' WHERE id = $1`, [recent.id]);
    const known = await claims.knownPosts(acc.id, new Date());
    expect(known.map((k) => k.externalId)).toEqual(['42', '41']);
    const t = await dueTarget(acc);
    const other = await dueTarget(acc);
    await db.query(`UPDATE post_targets SET status = 'unconfirmed', check_since = now() - interval '30 seconds', check_lost_at = now() WHERE id = $1`, [
      other.id,
    ]);
    expect(await claims.otherUnknown(acc.id, t.id, new Date(Date.now() - 60_000))).toBe(1);
    expect(await claims.otherUnknown(acc.id, t.id, new Date(Date.now() + 60_000))).toBe(0);
    expect(await claims.otherUnknown(acc.id, other.id, new Date(Date.now() - 60_000))).toBe(0);
  });

  it('a Telegram target unconfirmed for want of a later post is checked again once one is published', async () => {
    const acc = await createAccount(db, sb, unit, 'telegram');
    const t = await dueTarget(acc);
    await db.query(
      `UPDATE post_targets SET status = 'unconfirmed', unconfirmed_reason = 'telegram_no_later_post', check_since = now() - interval '6 minutes',
         check_lost_at = now() - interval '5 minutes' WHERE id = $1`,
      [t.id],
    );
    const margin = 45_000;
    expect(await targets.recheckBoundable(['telegram_no_later_post'], margin, 10)).toHaveLength(0);
    const later = await dueTarget(acc);
    await db.query(`UPDATE post_targets SET status = 'published', external_id = '77', published_at = now() - interval '4 minutes 30 seconds' WHERE id = $1`, [
      later.id,
    ]);
    expect(await targets.recheckBoundable(['telegram_no_later_post'], margin, 10)).toHaveLength(0); // too close to the loss
    await db.query(`UPDATE post_targets SET published_at = now() - interval '1 minute' WHERE id = $1`, [later.id]);
    expect((await targets.recheckBoundable(['telegram_no_later_post'], margin, 10)).map((r) => r.id)).toEqual([t.id]);
    expect(await row(t.id)).toMatchObject({ status: 'scheduled', needs_reconcile: true, unconfirmed_reason: null });
  });
});
