import { DataSource } from 'typeorm';
import { INestApplication } from '@nestjs/common';
import { dataSourceOptions, READ_DATA_SOURCE } from '@kabar/database';
import { seedDemoUnits } from '@kabar/demo';
import { createApiApp } from '../../apps/api/src/runtime/create-api-app';
import { ALL_ENTITIES } from '@kabar/runtime';
import { AnalyticsFixtures } from '../support/analytics-fixtures';
import { http } from '../support/http';
import { freePort } from '../support/spawn-app';
import { startStreamingReplica, StreamingReplica } from '../support/streaming-replica';
import { testConfig } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import { loginAs, createUserWithRole, unitId } from '../support/users';

const BATU_TULIS = '32.71.01.1001';

/**
 * DATABASE_READ_URL against a REAL streaming replica of the test PostgreSQL: reports and exports are served by
 * the replica (shown by pausing its WAL replay: what the primary wrote since is not in the reports until replay
 * resumes), while writes (a target set by a reviewer) go to the primary.
 */
describe('reports read from a streaming replica (DATABASE_READ_URL)', () => {
  let db: { url: string; drop(): Promise<void> };
  let replica: StreamingReplica;
  let ds: DataSource;
  let app: INestApplication;
  let baseUrl: string;
  let token: string;
  let account: string;
  let kota: string;
  const dbName = () => new URL(db.url).pathname.slice(1);
  const get = (path: string) => http(baseUrl, 'GET', `/api/v1/analytics${path}`, { token });
  const march = () => get(`/followers?scope=account&id=${account}&month=2026-03&granularity=month`);

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url, ALL_ENTITIES));
    await ds.initialize();
    await seedDemoUnits(ds, 'Asia/Jakarta');
    const reviewer = await createUserWithRole({ ds }, { role: 'reviewer', email: 'diskominfo.replika@test.kabar' });
    await ds.query(`INSERT INTO memberships (user_id, unit_id, role) SELECT $1, unit_id, 'admin' FROM memberships WHERE user_id = $1`, [reviewer.id]);
    kota = (await ds.query(`SELECT id FROM units WHERE parent_id IS NULL`))[0].id;
    const f = new AnalyticsFixtures({ ds });
    account = (await f.account(BATU_TULIS, 'instagram')).id;
    await f.snapshots([
      [account, '2026-02-01T05:00:00Z', 1000],
      [account, '2026-02-28T05:00:00Z', 1300],
    ]);
    replica = await startStreamingReplica(process.env.KABAR_TEST_DATABASE_ADMIN_URL!);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const config = testConfig({ port, publicUrl: baseUrl, databaseUrl: db.url, databaseReadUrl: replica.urlFor(db.url) });
    app = await createApiApp(config, db.url, 'error');
    await app.listen(port, '127.0.0.1');
    token = (await loginAs({ baseUrl }, reviewer.email, reviewer.password)).token;
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    await replica?.stop();
    await ds?.destroy();
    await db?.drop();
  });

  it('the report pool is connected to a server in recovery, the rest of the app to the primary', async () => {
    const read = app.get<DataSource>(READ_DATA_SOURCE);
    expect((await read.query(`SELECT pg_is_in_recovery() AS r, current_setting('port') AS port`))[0]).toEqual({ r: true, port: String(replica.port) });
    expect((await ds.query(`SELECT pg_is_in_recovery() AS r`))[0].r).toBe(false);
  });

  it('serves reports and exports from the replica: what the primary wrote is missing while replay is paused, there once it resumes', async () => {
    await replica.caughtUp();
    const feb = await get(`/followers?scope=account&id=${account}&month=2026-02&granularity=month`);
    expect(feb.body.rows).toEqual([expect.objectContaining({ period: '2026-02-01', followers: 1300 })]);

    await replica.pauseReplay();
    await new AnalyticsFixtures({ ds }).snapshots([[account, '2026-03-15T05:00:00Z', 1500]]);
    expect((await ds.query(`SELECT followers_last FROM account_daily WHERE account_id = $1 AND day = '2026-03-15'`, [account]))[0].followers_last).toBe(1500);
    // the primary has March; the reports (JSON and CSV export) do not yet: they come from the paused replica
    expect((await march()).body.rows).toEqual([expect.objectContaining({ period: '2026-03-01', followers: null })]);
    const csv = await http(baseUrl, 'GET', `/api/v1/analytics/followers?scope=account&id=${account}&month=2026-03&granularity=month&format=csv`, { token });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).not.toContain('1500');

    await replica.resumeReplay();
    await replica.caughtUp();
    // replication is asynchronous: the report shows March once the replica has replayed it
    await eventually(async () => (await march()).body.rows[0]?.followers === 1500);
    expect((await march()).body.rows).toEqual([expect.objectContaining({ period: '2026-03-01', followers: 1500 })]);
    const csvAfter = await http(baseUrl, 'GET', `/api/v1/analytics/followers?scope=account&id=${account}&month=2026-03&granularity=month&format=csv`, {
      token,
    });
    expect(String(csvAfter.body)).toContain('1500');
  });

  it('writes go to the primary: a target set while replay is paused is stored, and the report shows it once replayed', async () => {
    await replica.pauseReplay();
    const put = await http(baseUrl, 'PUT', '/api/v1/analytics/targets', {
      token,
      body: { unitId: kota, month: '2026-03', followersTarget: 5000, postsTarget: 40 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ unitId: kota, followersTarget: 5000, postsTarget: 40 });
    expect((await ds.query(`SELECT followers_target FROM unit_targets WHERE unit_id = $1`, [kota]))[0].followers_target).toBe(5000);
    expect(await replica.query(dbName(), `SELECT 1 FROM unit_targets`)).toEqual([]);
    const stale = await get(`/targets?unitId=${kota}&month=2026-03`);
    expect(stale.body.rows[0]).toMatchObject({ followersTarget: null });
    await replica.resumeReplay();
    await replica.caughtUp();
    await eventually(async () => (await get(`/targets?unitId=${kota}&month=2026-03`)).body.rows[0]?.followersTarget === 5000);
    expect((await get(`/targets?unitId=${kota}&month=2026-03`)).body.rows[0]).toMatchObject({ followersTarget: 5000, postsTarget: 40 });
    expect((await http(baseUrl, 'GET', `/api/v1/units/${await unitId({ ds }, BATU_TULIS)}`, { token })).status).toBe(200);
  });
});

/** Asks until `ok` holds (a replica replays asynchronously), at most 15 s. */
async function eventually(ok: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
