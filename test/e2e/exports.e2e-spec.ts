import { strFromU8, unzipSync } from 'fflate';
import { AnalyticsFixtures, BATU_TULIS } from '../support/analytics-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { unitId, userWithRole } from '../support/users';

/** Issue #13: text a spreadsheet would run as a formula leaves every export neutralised; numbers stay numbers. */
describe('exports: no formula injection', () => {
  let t: TestApp;
  let token: string;
  let account: { id: string };
  const evil = '=HYPERLINK("http://x")';
  const raw = async (path: string) => {
    const res = await fetch(`${t.baseUrl}/api/v1/analytics${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    token = (await userWithRole(t, { role: 'reviewer' })).token;
    const f = new AnalyticsFixtures(t);
    account = await f.account(BATU_TULIS, 'telegram', { handle: evil, status: 'needs_reconnect', collectionFailures: 2, collectionError: '@SUM(1+1)' });
    await f.account(BATU_TULIS, 'x', { handle: '-2+3', collectionFailures: 1, collectionError: '\tcmd|calc' });
    // followers fall by 10: a negative number, which must stay a number
    await f.snapshots([
      [account.id, '2026-02-01T05:00:00Z', 1000],
      [account.id, '2026-02-02T05:00:00Z', 990],
    ]);
  }, 60_000);
  afterAll(() => t?.close());

  it('CSV: cells starting with =, +, -, @ or a tab get a leading apostrophe; numbers, negative ones included, do not', async () => {
    const unit = await unitId(t, BATU_TULIS);
    const csv = (await raw(`/collection?unitId=${unit}&format=csv`)).body.toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`,'@SUM(1+1),2\r\n`);
    expect(csv).toContain(`,'-2+3,x,`);
    expect(csv).toContain(`,'\tcmd|calc,1\r\n`);
    expect(csv).not.toMatch(/(^|,)"?[=+@\t-]/m);

    const followers = (await raw(`/followers?scope=account&id=${account.id}&from=2026-02-01&to=2026-02-02&format=csv`)).body.toString('utf8');
    expect(followers.split('\r\n')[2]).toBe('2026-02-02,990,-10,-1,1,1');
  });

  it('XLSX: the same text stays as typed, in an inline-string cell marked quotePrefix, never a formula; numbers stay numbers', async () => {
    const unit = await unitId(t, BATU_TULIS);
    const files = unzipSync(new Uint8Array((await raw(`/collection?unitId=${unit}&format=xlsx`)).body));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('s="1" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://x&quot;)</t></is>');
    expect(sheet).toContain('s="1" t="inlineStr"><is><t xml:space="preserve">@SUM(1+1)</t></is>');
    expect(sheet).toMatch(/<c r="H2"><v>2<\/v><\/c>/);
    expect(strFromU8(files['xl/styles.xml'])).toContain('quotePrefix="1"');

    const followers = unzipSync(new Uint8Array((await raw(`/followers?scope=account&id=${account.id}&from=2026-02-01&to=2026-02-02&format=xlsx`)).body));
    expect(strFromU8(followers['xl/worksheets/sheet1.xml'])).toContain('<c r="C3"><v>-10</v></c>');
  });
});
