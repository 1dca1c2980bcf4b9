import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, describeEnv, loadConfig } from './env';

describe('configuration', () => {
  it('has a default for everything the embedded start needs', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: './.kabar', defaultTimeZone: 'Asia/Jakarta', publishGraceMs: 30 * 60_000 });
    expect(c.databaseUrl).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be from 1 to 65535/],
    ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL must use postgres/],
    ['KABAR_SECRET_KEY', 'c2hvcnQ=', /KABAR_SECRET_KEY must be 32 bytes/],
    ['KABAR_DEFAULT_TIMEZONE', 'Mars/Olympus', /KABAR_DEFAULT_TIMEZONE must be an IANA time zone/],
    ['KABAR_PUBLISH_GRACE', 'soon', /KABAR_PUBLISH_GRACE must be a duration/],
    ['KABAR_X_API_URL', 'not a url', /KABAR_X_API_URL must be a URL/],
    ['KABAR_OUTBOUND_ALLOW', '10.0.0.0/33', /KABAR_OUTBOUND_ALLOW must list host names, addresses or ranges/],
    ['KABAR_OUTBOUND_ALLOW', 'mastodon.lan,300.1.1.1', /KABAR_OUTBOUND_ALLOW .*"300\.1\.1\.1"/],
    ['KABAR_OUTBOUND_ALLOW', '127.0.0.1:99999', /KABAR_OUTBOUND_ALLOW/],
    ['KABAR_OUTBOUND_ALLOW', 'http://mastodon.lan', /KABAR_OUTBOUND_ALLOW/],
    ['KABAR_MEDIA_QUOTA', 'lots', /KABAR_MEDIA_QUOTA must be a size like 500MB or 2GB/],
    ['KABAR_CLOCK_START', '2099-06-17 10:00', /KABAR_CLOCK_START must be an ISO 8601 instant with its offset/],
  ])('refuses %s=%s with a line naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('reads the media quota as a size: 2 GB by default, 0 for none', () => {
    expect(loadConfig({}).mediaQuotaBytes).toBe(2 * 1024 ** 3);
    expect(loadConfig({ KABAR_MEDIA_QUOTA: '500MB' }).mediaQuotaBytes).toBe(500 * 1024 ** 2);
    expect(loadConfig({ KABAR_MEDIA_QUOTA: '0' }).mediaQuotaBytes).toBe(0);
  });

  it('never echoes a database password in an error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://kabar:rahasia@db/kabar' })).not.toThrow(/rahasia/);
  });

  it('reads per-platform URLs and OAuth clients', () => {
    const c = loadConfig({ KABAR_X_API_URL: 'http://127.0.0.1:9/x/2/', KABAR_X_CLIENT_ID: 'id', KABAR_X_CLIENT_SECRET: 's' });
    expect(c.platformApiUrls.x).toBe('http://127.0.0.1:9/x/2');
    expect(c.platformOAuth.x).toEqual({ clientId: 'id', clientSecret: 's' });
  });

  it('reads the outbound allow list; empty by default (only public addresses)', () => {
    expect(loadConfig({}).outboundAllow).toEqual([]);
    expect(loadConfig({ KABAR_OUTBOUND_ALLOW: ' 127.0.0.1:4000, 10.0.0.0/8 [::1]:8443,fd00::/8,mastodon.lan:443,*.pemkot.lan' }).outboundAllow).toEqual([
      '127.0.0.1:4000',
      '10.0.0.0/8',
      '[::1]:8443',
      'fd00::/8',
      'mastodon.lan:443',
      '*.pemkot.lan',
    ]);
  });

  it('reads KABAR_TRUST_PROXY as a hop count, false, or a list of addresses, CIDRs and presets', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ KABAR_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ KABAR_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ KABAR_TRUST_PROXY: ' 10.0.0.0/8, 192.168.1.7 ,loopback,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      'loopback',
      'fd00::/8',
    ]);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/2', ','])
      expect(() => loadConfig({ KABAR_TRUST_PROXY: bad })).toThrow(/KABAR_TRUST_PROXY must be a hop count, false, or a comma-separated list/);
  });

  it('production: API docs off unless KABAR_API_DOCS=true, and an https public URL (Secure cookies)', () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', KABAR_API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(loadConfig({ KABAR_API_DOCS: 'false' }).apiDocs).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', KABAR_PUBLIC_URL: 'http://kabar.example.go.id' })).toThrow(
      /KABAR_PUBLIC_URL must use https with NODE_ENV=production/,
    );
    expect(loadConfig({ NODE_ENV: 'production', KABAR_PUBLIC_URL: 'https://kabar.example.go.id' }).publicUrl).toBe('https://kabar.example.go.id');
    expect(loadConfig({ NODE_ENV: 'production', KABAR_PUBLIC_URL: 'http://localhost:3000' }).publicUrl).toBe('http://localhost:3000');
  });

  it('reads a test clock, and refuses it in production', () => {
    expect(loadConfig({ KABAR_CLOCK_START: '2099-06-17T10:00:00+07:00' }).clockStart?.toISOString()).toBe('2099-06-17T03:00:00.000Z');
    expect(loadConfig({}).clockStart).toBeUndefined();
    expect(() => loadConfig({ NODE_ENV: 'production', KABAR_CLOCK_START: '2099-06-17T10:00:00Z' })).toThrow(/KABAR_CLOCK_START is for tests only/);
  });

  it('the README lists every variable', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const missing = describeEnv()
      .map((r) => r.name)
      .filter((name) => !readme.includes('`' + name + '`'));
    expect(missing).toEqual([]);
  });
});
