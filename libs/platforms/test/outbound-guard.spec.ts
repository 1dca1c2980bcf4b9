import * as http from 'node:http';
import * as https from 'node:https';
import { AddressInfo } from 'node:net';
import { defaultPlatformsConfig } from '../src/config';
import { PlatformError } from '../src/errors';
import { AddressClass, classifyAddress, parseIp } from '../src/http/address-class';
import { HttpTransport, PlatformHttp } from '../src/http/http-client';
import { downloadMedia } from '../src/http/media';
import { allowEntryFor, parseAllowEntry, parseAllowList } from '../src/http/outbound-allow';
import { createOutboundClient, guardedAgents, OUTBOUND_REFUSED, OutboundPolicy, OutboundRefusedError, RESPONSE_TOO_LARGE } from '../src/http/outbound-guard';
import { PlatformRegistry } from '../src/registry';
import { PlatformsConfig } from '../src/types';

describe('address classifier', () => {
  it.each<[string, AddressClass]>([
    // IPv4 ranges and their edges
    ['0.0.0.0', 'unspecified'],
    ['0.255.255.255', 'unspecified'],
    ['1.1.1.1', 'public'],
    ['8.8.8.8', 'public'],
    ['9.255.255.255', 'public'],
    ['10.0.0.0', 'private'],
    ['10.255.255.255', 'private'],
    ['11.0.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['100.64.0.0', 'shared'],
    ['100.127.255.255', 'shared'],
    ['100.128.0.0', 'public'],
    ['126.255.255.255', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['169.255.0.1', 'public'],
    ['172.15.255.255', 'public'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.0', 'public'],
    ['192.0.0.170', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['192.88.99.1', 'reserved'],
    ['192.167.255.255', 'public'],
    ['192.168.0.1', 'private'],
    ['192.168.255.255', 'private'],
    ['192.169.0.0', 'public'],
    ['198.18.0.1', 'reserved'],
    ['198.19.255.255', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['223.255.255.255', 'public'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    // IPv6
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fd00:ec2::254', 'private'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['100::1', 'reserved'],
    ['::a00:1', 'reserved'],
    ['64:ff9b:1::1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['2a00:1450:4001:80b::200e', 'public'],
    // IPv4 inside IPv6: judged by the IPv4 address
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:0001', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:100.64.0.1', 'shared'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::169.254.169.254', 'link-local'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::808:808', 'public'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['2002:808:808::1', 'public'],
    // not an address at all
    ['example.com', 'reserved'],
    ['', 'reserved'],
    ['300.1.1.1', 'reserved'],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it('parses literals the way URLs and resolvers write them', () => {
    expect(parseIp('1.2.3.4')).toEqual([1, 2, 3, 4]);
    expect(parseIp('::ffff:1.2.3.4')).toEqual(parseIp('::ffff:102:304'));
    expect(parseIp('[::1]')).toEqual([...new Array(15).fill(0), 1]);
    expect(parseIp('1::')).toEqual([0, 1, ...new Array(14).fill(0)]);
    expect(parseIp('not-an-ip')).toBeNull();
  });
});

describe('allow list', () => {
  it('reads names, addresses and ranges, with or without a port', () => {
    expect(parseAllowList('127.0.0.1:4000, 10.0.0.0/8 [::1]:8443,fd00::/8,mastodon.LAN:443,*.pemkot.lan,::1').map((e) => [e.kind, e.port])).toEqual([
      ['cidr', 4000],
      ['cidr', undefined],
      ['cidr', 8443],
      ['cidr', undefined],
      ['host', 443],
      ['host', undefined],
      ['cidr', undefined],
    ]);
    expect(parseAllowList('')).toEqual([]);
    expect(allowEntryFor('http://127.0.0.1:4567/x/2')).toBe('127.0.0.1:4567');
    expect(allowEntryFor('https://[::1]/')).toBe('[::1]:443');
  });

  it.each(['10.0.0.0/33', '300.1.1.1', '10.1', '127.0.0.1:0', '127.0.0.1:70000', '[127.0.0.1]', 'bad host', 'a..b', '::1/129', 'http://x'])(
    'refuses the malformed entry %s',
    (entry) => {
      expect(() => parseAllowEntry(entry)).toThrow(entry.trim());
    },
  );

  it('lets through exactly what it lists, mapped IPv6 forms included', () => {
    const p = new OutboundPolicy('127.0.0.1:4000,10.0.0.0/8,fd00::/8,mastodon.lan,*.pemkot.lan');
    expect(p.refusal('127.0.0.1', '127.0.0.1', 4000)).toBeNull();
    expect(p.refusal('x', '::ffff:127.0.0.1', 4000)).toBeNull();
    expect(p.refusal('127.0.0.1', '127.0.0.1', 4001)).toBe('loopback');
    expect(p.refusal('127.0.0.2', '127.0.0.2', 4000)).toBe('loopback');
    expect(p.refusal('10.9.8.7', '10.9.8.7', 22)).toBeNull();
    expect(p.refusal('x', '192.168.1.1', 80)).toBe('private');
    expect(p.refusal('x', 'fd00:ec2::254', 80)).toBeNull();
    expect(p.refusal('x', 'fc00::1', 80)).toBe('private');
    expect(p.refusal('mastodon.lan', '192.168.1.5', 443)).toBeNull();
    expect(p.refusal('MASTODON.LAN.', '192.168.1.5', 443)).toBeNull();
    expect(p.refusal('other.lan', '192.168.1.5', 443)).toBe('private');
    expect(p.refusal('a.pemkot.lan', '172.16.0.9', 443)).toBeNull();
    expect(p.refusal('pemkot.lan', '172.16.0.9', 443)).toBe('private');
    expect(p.refusal('evilpemkot.lan', '172.16.0.9', 443)).toBe('private');
    expect(p.refusal('x', '169.254.169.254', 80)).toBe('link-local');
    expect(p.refusal('x', '8.8.8.8', 80)).toBeNull();
    expect(new OutboundPolicy().refusal('x', '127.0.0.1', 4000)).toBe('loopback');
  });

  it('checks the scheme and IP-literal hosts of a URL before any request (Node connects to literals without a lookup)', () => {
    const p = new OutboundPolicy();
    const refused = (url: string) => {
      try {
        p.checkUrl(url);
        return null;
      } catch (e) {
        expect(e).toBeInstanceOf(OutboundRefusedError);
        return (e as OutboundRefusedError).reason;
      }
    };
    expect(refused('http://127.0.0.1:1/')).toBe('loopback');
    expect(refused('http://0x7f.1/')).toBe('loopback');
    expect(refused('http://2130706433/')).toBe('loopback');
    expect(refused('http://0177.0.0.1/')).toBe('loopback');
    expect(refused('http://[::1]:8080/')).toBe('loopback');
    expect(refused('http://[::ffff:127.0.0.1]/')).toBe('loopback');
    expect(refused('http://[::ffff:a9fe:a9fe]/latest/meta-data/')).toBe('link-local');
    expect(refused('http://169.254.169.254/latest/meta-data/')).toBe('link-local');
    expect(refused('http://[fd00:ec2::254]/latest/meta-data/')).toBe('private');
    expect(refused('http://100.100.100.200/')).toBe('shared');
    expect(refused('http://0.0.0.0:3000/')).toBe('unspecified');
    expect(refused('file:///etc/passwd')).toBe('scheme');
    expect(refused('gopher://mastodon.social/')).toBe('scheme');
    expect(refused('https://8.8.8.8/')).toBeNull();
    expect(refused('https://mastodon.social/')).toBeNull(); // names are checked after resolution, at connect time
  });
});

/** A real local HTTP server that counts what reaches it. */
async function countingServer(handler: http.RequestListener = (_req, res) => res.end('{"ok":true}')) {
  let requests = 0;
  let connections = 0;
  const server = http.createServer((req, res) => {
    requests++;
    handler(req, res);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    get connections() {
      return connections;
    },
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

function transport(outbound: PlatformsConfig['outbound']): HttpTransport {
  return new HttpTransport({ ...defaultPlatformsConfig(), timeoutMs: 5000, outbound });
}

describe('outbound guard over real HTTP', () => {
  let target: Awaited<ReturnType<typeof countingServer>>;
  beforeEach(async () => {
    target = await countingServer();
  });
  afterEach(() => target.close());

  it('refuses a loopback literal before connecting: the server sees no connection', async () => {
    const client = createOutboundClient(new OutboundPolicy(), { timeoutMs: 2000 });
    const err = await rejection(client.get(`${target.url}/api/v1/accounts/verify_credentials`));
    expect(err).toBeInstanceOf(OutboundRefusedError);
    expect(err.code).toBe(OUTBOUND_REFUSED);
    expect(target.connections).toBe(0);
  });

  it('refuses a name that resolves to loopback, checked on the address the socket connects to', async () => {
    const client = createOutboundClient(new OutboundPolicy(), { timeoutMs: 2000 });
    const err = await rejection(client.get(`http://localhost:${target.port}/`));
    expect(err.code).toBe(OUTBOUND_REFUSED);
    // DNS rebinding: a public-looking name whose resolver answers loopback at the moment of connecting
    let lookups = 0;
    const rebinding = (_host: string, _opts: object, cb: (e: null, a: string, f: 4) => void) => (lookups++, cb(null, '127.0.0.1', 4));
    const err2 = await rejection(client.get(`http://rebind.example:${target.port}/`, { lookup: rebinding }));
    expect(err2.code).toBe(OUTBOUND_REFUSED);
    expect(lookups).toBe(1);
    expect(target.connections).toBe(0);
  });

  it('refuses when the guard runs below axios too: the http and https agents alone stop literals and names', async () => {
    const { httpAgent, httpsAgent } = guardedAgents(new OutboundPolicy());
    const viaAgent = (get: typeof http.get, agent: http.Agent, host: string) =>
      new Promise<Error>((resolve, reject) => {
        const req = get({ host, port: target.port, path: '/', agent }, () => reject(new Error('answered')));
        req.on('error', resolve);
      });
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      expect(await viaAgent(http.get, httpAgent, host)).toBeInstanceOf(OutboundRefusedError);
      expect(await viaAgent(https.get, httpsAgent, host)).toBeInstanceOf(OutboundRefusedError);
    }
    expect(target.connections).toBe(0);
    httpAgent.destroy();
    httpsAgent.destroy();
  });

  it('lets an allowed address and port through, and no other port', async () => {
    const other = await countingServer();
    try {
      const client = createOutboundClient(new OutboundPolicy([allowEntryFor(target.url)]), { timeoutMs: 2000 });
      expect((await client.get(`${target.url}/`)).data).toEqual({ ok: true });
      expect((await rejection(client.get(`${other.url}/`))).code).toBe(OUTBOUND_REFUSED);
      expect(target.requests).toBe(1);
      expect(other.connections).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('a platform call to a refused address is a definite refusal that says nothing about the port', async () => {
    const t = transport({ allow: [] });
    const call = (url: string) => rejection(new PlatformHttp('mastodon', t, () => null).send(null, { url }, { create: true }));
    const closed = await countingServer();
    const closedPort = closed.port;
    await closed.close();
    const open = (await call(`${target.url}/api/v1/statuses`)) as PlatformError;
    const shut = (await call(`http://127.0.0.1:${closedPort}/api/v1/statuses`)) as PlatformError;
    expect(open).toBeInstanceOf(PlatformError);
    for (const e of [open, shut]) {
      expect(e).toMatchObject({ kind: 'rejected', networkCode: OUTBOUND_REFUSED, platformCode: 'outbound_refused' });
      expect(e.platformMessage).toBe('outbound request refused: 127.0.0.1 is not a public address (loopback)');
    }
    expect(target.connections).toBe(0);
  });

  it('a Mastodon instance on loopback is refused with the token never sent', async () => {
    const registry = new PlatformRegistry({ ...defaultPlatformsConfig(), timeoutMs: 2000 });
    const err = await rejection(
      registry.get('mastodon').accountMetrics({ platform: 'mastodon', externalId: '1', accessToken: 'tok-secret', instanceUrl: target.url }),
    );
    expect(err).toMatchObject({ kind: 'rejected', networkCode: OUTBOUND_REFUSED });
    expect(target.connections).toBe(0);
  });

  it('follows no redirect on a platform call', async () => {
    const inner = await countingServer();
    const redirecting = await countingServer((_req, res) => res.writeHead(302, { location: `${inner.url}/secret` }).end());
    try {
      const t = transport({ allow: [allowEntryFor(redirecting.url), allowEntryFor(inner.url)] });
      const reply = await new PlatformHttp('x', t, () => null).send(null, { url: `${redirecting.url}/2/users/me` });
      expect(reply.status).toBe(302);
      expect(inner.connections).toBe(0);
    } finally {
      await inner.close();
      await redirecting.close();
    }
  });
});

describe('response caps', () => {
  /** Streams up to `total` bytes in 64 KiB chunks and records how many were written before the client hung up. */
  async function endlessServer(total: number) {
    let written = 0;
    let done: () => void;
    const finished = new Promise<void>((r) => (done = r));
    const srv = await countingServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (written < total) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
        done();
      };
      res.on('close', () => done());
      pump();
    });
    return Object.assign(srv, { finished, written: () => written });
  }

  it('a platform answer longer than the cap is refused without reading it to the end', async () => {
    const total = 512 * 1024 * 1024;
    const big = await endlessServer(total);
    try {
      const t = transport({ allow: [allowEntryFor(big.url)], maxResponseBytes: 1024 * 1024 });
      const err = (await rejection(new PlatformHttp('mastodon', t, () => null).send(null, { url: `${big.url}/api/v1/timelines` }))) as PlatformError;
      expect(err).toMatchObject({ kind: 'transient', networkCode: RESPONSE_TOO_LARGE, platformCode: 'response_too_large' });
      await big.finished;
      // the client hung up after about 1 MiB; socket buffers hold a few MiB more at most
      expect(big.written()).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await big.close();
    }
  });

  it('the default cap of platform answers is 10 MiB', () => {
    expect(defaultPlatformsConfig().outbound?.maxResponseBytes).toBe(10 * 1024 * 1024);
  });

  it('a media file larger than the platform limit is refused without reading it to the end', async () => {
    const big = await endlessServer(512 * 1024 * 1024);
    try {
      const t = transport({ allow: [], mediaAllow: [allowEntryFor(big.url)] });
      const err = (await rejection(downloadMedia(t, 'telegram', `${big.url}/media/a.jpg`, 'image/jpeg', 2 * 1024 * 1024))) as PlatformError;
      expect(err).toMatchObject({ kind: 'rejected', platformCode: 'media_too_large' });
      await big.finished;
      expect(big.written()).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await big.close();
    }
  });
});

describe('media downloads', () => {
  it('follow a few redirects, each checked by the guard; Kabar’s own origin is allowed for media only', async () => {
    const inner = await countingServer((_req, res) => res.end('secret'));
    const media = await countingServer((req, res) => {
      if (req.url === '/media/hop.jpg') return void res.writeHead(302, { location: '/media/a.jpg' }).end();
      if (req.url === '/media/loop.jpg') return void res.writeHead(302, { location: '/media/loop.jpg' }).end();
      if (req.url === '/media/inward.jpg') return void res.writeHead(302, { location: `${inner.url}/admin` }).end();
      if (req.url === '/media/metadata.jpg') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.from([0xff, 0xd8, 0xff]));
    });
    try {
      const t = transport({ allow: [], mediaAllow: [allowEntryFor(media.url)] });
      const file = await downloadMedia(t, 'mastodon', `${media.url}/media/hop.jpg`, 'image/jpeg');
      expect(file).toMatchObject({ fileName: 'a.jpg', mimeType: 'image/jpeg' });
      expect([...file.bytes]).toEqual([0xff, 0xd8, 0xff]);
      for (const path of ['inward', 'metadata']) {
        const err = (await rejection(downloadMedia(t, 'mastodon', `${media.url}/media/${path}.jpg`, 'image/jpeg'))) as PlatformError;
        expect(err).toMatchObject({ kind: 'rejected', networkCode: OUTBOUND_REFUSED });
      }
      expect(inner.connections).toBe(0);
      const loop = (await rejection(downloadMedia(t, 'mastodon', `${media.url}/media/loop.jpg`, 'image/jpeg'))) as PlatformError;
      expect(loop).toMatchObject({ kind: 'rejected', platformCode: 'media_download_failed' });
      expect(media.requests).toBe(2 + 2 + 4);
      // the media allowance is not an API allowance
      const api = (await rejection(new PlatformHttp('mastodon', t, () => null).send(null, { url: `${media.url}/api/v1/statuses` }))) as PlatformError;
      expect(api.networkCode).toBe(OUTBOUND_REFUSED);
    } finally {
      await inner.close();
      await media.close();
    }
  });
});
