import { startTestApp, TestApp } from '../support/test-app';
import { http } from '../support/http';
import { unitId, userWithRole } from '../support/users';

describe('audit log: every write is recorded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('records writes of contexts that keep no audit entry of their own (posts), with actor, object, unit and request', async () => {
    const admin = await userWithRole(t, { role: 'admin', unitCode: '32.71.01.1001', email: 'audit.writer@test.kabar' });
    const unit = await unitId(t, '32.71.01.1001');
    const res = await http(t.baseUrl, 'POST', '/api/v1/posts', {
      token: admin.token,
      body: { unitId: unit, pillar: 'cerita_wilayah', variants: [{ language: 'id', text: 'Asal-usul nama Batu Tulis' }] },
      headers: { 'x-request-id': 'audit-test-1', 'user-agent': 'kabar-test' },
    });
    expect(res.status).toBe(201);
    const rows = await t.ds.query(
      `SELECT actor_id, action, object_type, object_id, unit_id, request_id, user_agent, details FROM audit_log WHERE object_id = $1`,
      [res.body.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: admin.id, unit_id: unit, request_id: 'audit-test-1', user_agent: 'kabar-test', object_type: 'posts' });
    expect(rows[0].action).toMatch(/^Posts\./);
    expect(JSON.stringify(rows[0].details)).not.toContain('Batu Tulis');
  });

  it('records nothing for a refused write', async () => {
    const admin = await userWithRole(t, { role: 'admin', unitCode: '32.71.01.1002', email: 'audit.refused@test.kabar' });
    const before = Number((await t.ds.query(`SELECT count(*) FROM audit_log WHERE actor_id = $1`, [admin.id]))[0].count);
    const res = await http(t.baseUrl, 'POST', '/api/v1/posts', { token: admin.token, body: { unitId: 'nope' } });
    expect(res.status).toBe(400);
    expect(Number((await t.ds.query(`SELECT count(*) FROM audit_log WHERE actor_id = $1`, [admin.id]))[0].count)).toBe(before);
  });
});
