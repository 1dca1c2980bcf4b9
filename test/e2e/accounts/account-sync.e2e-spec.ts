import { SandboxHandle, startSandbox } from '@kabar/sandbox';
import { AccountSyncService, AccountsRepository, CredentialsService } from '@kabar/accounts';
import { PlatformRegistry } from '@kabar/platforms';
import { startTestApp, TestApp } from '../../support/test-app';
import { http } from '../../support/http';
import { unitId, userWithRole } from '../../support/users';
import { sandboxOverrides } from '../../support/sandbox-config';

describe('account sync: followers, snapshots, and only auth errors ask for a reconnect', () => {
  let sb: SandboxHandle;
  let t: TestApp;
  const ids: Record<string, string> = {};
  // the worker's service, built from the API's providers (the test app runs no worker loops)
  const syncService = () => new AccountSyncService(t.ds, t.config, t.app.get(AccountsRepository), t.app.get(CredentialsService), t.app.get(PlatformRegistry));

  beforeAll(async () => {
    sb = await startSandbox();
    t = await startTestApp({ ...sandboxOverrides(sb), accountSyncIntervalMs: 60_000 });
    const admin = await userWithRole(t, { role: 'admin', unitCode: '32.71.03.1006', email: 'sync.admin@test.kabar' });
    const unit = await unitId(t, '32.71.03.1006');
    for (const name of ['ok', 'down', 'revoked']) {
      const acc = sb.store.createAccount('mastodon', { followers: 1000 });
      const res = await http(t.baseUrl, 'POST', '/api/v1/accounts', {
        token: admin.token,
        body: { unitId: unit, platform: 'mastodon', externalId: acc.externalId, accessToken: acc.accessToken, instanceUrl: sb.apiUrls.mastodon },
      });
      expect(res.status).toBe(201);
      ids[name] = res.body.id;
      if (name === 'revoked') sb.store.revokeToken(acc.accessToken);
      if (name === 'down') sb.store.injectFault({ platform: 'mastodon', accountExternalId: acc.externalId, kind: '5xx', count: 5 });
    }
    await t.ds.query(`UPDATE social_accounts SET last_synced_at = now() - interval '2 hours'`);
  });
  afterAll(async () => {
    await t.close();
    await sb.close();
  });

  it('reads new follower counts, keeps a snapshot, and leaves a 5xx account alone', async () => {
    sb.store.tick();
    const result = await syncService().syncDue();
    expect(result).toEqual({ synced: 1, needsReconnect: 1, failed: 1 });
    const rows: Array<{ id: string; followers: number; status: string; status_reason: string | null }> = await t.ds.query(
      `SELECT id, followers, status, status_reason FROM social_accounts`,
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[ids.ok].followers).toBeGreaterThan(1000);
    expect(byId[ids.ok].status).toBe('active');
    expect(byId[ids.down].status).toBe('active');
    expect(byId[ids.revoked].status).toBe('needs_reconnect');
    expect(byId[ids.revoked].status_reason).toBeTruthy();
    const snaps = await t.ds.query(`SELECT account_id, followers FROM account_snapshots`);
    expect(snaps).toEqual([{ account_id: ids.ok, followers: byId[ids.ok].followers }]);
  });

  it('does not read an account again before its interval', async () => {
    expect(await syncService().syncDue()).toEqual({ synced: 0, needsReconnect: 0, failed: 0 });
  });
});
