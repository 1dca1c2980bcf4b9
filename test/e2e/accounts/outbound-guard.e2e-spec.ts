import * as http from 'node:http';
import * as net from 'node:net';
import { SandboxHandle, startSandbox } from '@kabar/sandbox';
import { startTestApp, TestApp } from '../../support/test-app';
import { LoggedIn, TestUser, unitId, userWithRole } from '../../support/users';
import { sandboxOverrides } from '../../support/sandbox-config';

type Caller = TestUser & LoggedIn;
const KEL = '32.71.01.1003';

interface LocalServer {
  url: string;
  port: number;
  requests: number;
  connections: number;
  close(): Promise<void>;
}

async function listen(server: net.Server, s: { port: number; url: string }): Promise<void> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  s.port = (server.address() as net.AddressInfo).port;
  s.url = `http://127.0.0.1:${s.port}`;
}

/** A real local HTTP server that forwards to the sandbox (so it is a working Mastodon) and counts what reaches it. */
async function forwardingServer(sb: SandboxHandle): Promise<LocalServer> {
  const target = new URL(sb.url);
  const s: LocalServer = { url: '', port: 0, requests: 0, connections: 0, close: async () => undefined };
  const server = http.createServer((req, res) => {
    s.requests++;
    const out = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(out);
  });
  server.on('connection', () => s.connections++);
  await listen(server, s);
  s.close = () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  return s;
}

/** A server that rejects every token with a body holding something that must never reach the user. */
async function leakyServer(): Promise<LocalServer> {
  const s: LocalServer = { url: '', port: 0, requests: 0, connections: 0, close: async () => undefined };
  const server = http.createServer((_req, res) => {
    s.requests++;
    res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'db password is hunter2 (internal admin panel)' }));
  });
  await listen(server, s);
  s.close = () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  return s;
}

/** A TCP service that is not HTTP (it greets like SMTP and never answers a request). */
async function nonHttpServer(): Promise<LocalServer> {
  const s: LocalServer = { url: '', port: 0, requests: 0, connections: 0, close: async () => undefined };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    s.connections++;
    sockets.add(socket);
    socket.write('220 mail.internal ESMTP\r\n');
  });
  await listen(server, s);
  s.close = () => new Promise<void>((r) => (sockets.forEach((x) => x.destroy()), server.close(() => r())));
  return s;
}

describe('outbound guard: a Mastodon instance cannot be aimed inward', () => {
  let sb: SandboxHandle;
  let t: TestApp;
  let admin: Caller;
  let unit: string;
  let allowed: LocalServer, refused: LocalServer, leaky: LocalServer, smtp: LocalServer;
  let closedPort: number;

  beforeAll(async () => {
    sb = await startSandbox();
    [allowed, refused, leaky, smtp] = await Promise.all([forwardingServer(sb), forwardingServer(sb), leakyServer(), nonHttpServer()]);
    const closed = await forwardingServer(sb);
    closedPort = closed.port;
    await closed.close();
    const base = sandboxOverrides(sb);
    // the operator allows the sandbox, one forwarding server and the leaky one; nothing else on loopback
    t = await startTestApp({ ...base, outboundAllow: [...(base.outboundAllow ?? []), `127.0.0.1:${allowed.port}`, `127.0.0.1:${leaky.port}`] });
    admin = await userWithRole(t, { role: 'admin', unitCode: KEL, email: 'ssrf.admin@test.kabar' });
    unit = await unitId(t, KEL);
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([allowed, refused, leaky, smtp].map((s) => s?.close()));
    await sb?.close();
  });

  const count = async () => Number((await t.ds.query('SELECT count(*) FROM social_accounts'))[0].count);
  const post = (instanceUrl: string, accessToken: string, externalId: string, lang = 'en') =>
    fetch(`${t.baseUrl}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}`, 'accept-language': lang },
      body: JSON.stringify({ unitId: unit, platform: 'mastodon', externalId, accessToken, instanceUrl }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { message: string; [k: string]: unknown } }));

  it('an instance on a loopback address that is not allowed gets a 400 in the user language, and the server receives nothing', async () => {
    const m = sb.store.createAccount('mastodon', { followers: 77 });
    const before = await count();
    const en = await post(`${refused.url}/mastodon`, m.accessToken, m.externalId, 'en');
    expect(en.status).toBe(400);
    expect(en.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/^This address is not allowed/) });
    const id = await post(`${refused.url}/mastodon`, m.accessToken, m.externalId, 'id');
    expect(id.status).toBe(400);
    expect(id.body.message).toMatch(/^Alamat ini tidak diizinkan/);
    expect(refused.connections).toBe(0);
    expect(refused.requests).toBe(0);
    expect(await count()).toBe(before);
  });

  it('names and address forms that lead to loopback or metadata are refused the same way', async () => {
    const m = sb.store.createAccount('mastodon');
    for (const url of [
      `http://localhost:${refused.port}/mastodon`,
      `http://[::ffff:127.0.0.1]:${refused.port}/mastodon`,
      'http://169.254.169.254/latest/meta-data',
      'http://[fd00:ec2::254]/latest/meta-data',
    ]) {
      const res = await post(url, m.accessToken, m.externalId);
      expect({ url, status: res.status, message: res.body.message }).toEqual({
        url,
        status: 400,
        message: expect.stringMatching(/^This address is not allowed/),
      });
    }
    expect(refused.connections).toBe(0);
  });

  it('an open port, a closed port and a non-HTTP service on a private address get the same answer, and nothing connects', async () => {
    const m = sb.store.createAccount('mastodon');
    const answers = await Promise.all([refused.url, `http://127.0.0.1:${closedPort}`, smtp.url].map((u) => post(`${u}/mastodon`, m.accessToken, m.externalId)));
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(refused.connections + smtp.connections).toBe(0);
  });

  it('with the address allowed in config it works', async () => {
    const m = sb.store.createAccount('mastodon', { followers: 4321 });
    const res = await post(`${allowed.url}/mastodon`, m.accessToken, m.externalId);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ platform: 'mastodon', status: 'active', followers: 4321 });
    expect(allowed.requests).toBeGreaterThan(0);
  });

  it("never passes on another server's answer: a refused token is a sentence of our own", async () => {
    const res = await post(`${leaky.url}/mastodon`, 'tok', 'm-leaky');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^Mastodon refused this token/);
    expect(JSON.stringify(res.body)).not.toMatch(/hunter2|admin panel/);
    expect(leaky.requests).toBe(1);
  });
});
