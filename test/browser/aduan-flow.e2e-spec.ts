import { Browser } from 'playwright-core';
import { Pool } from 'pg';
import { SandboxHandle, addComment, sandboxReplies, setCitizensEnabled, startSandbox } from '@kabar/sandbox';
import { describeBrowser, launchBrowser, screenshot } from '../support/browser';
import { loginInBrowser } from '../support/browser-auth';
import { sandboxEnv } from '../support/sandbox-config';
import { SpawnedApp, freePort, spawnApp } from '../support/spawn-app';
import { createTestDatabase } from '../support/test-database';
import { SECRET, createAccount } from '../e2e/publishing/publishing-fixtures';

const ADMIN = { email: 'admin.aduan@kabar.test', password: 'kata-sandi-admin-aduan-1' };
const TEXT = 'pak wali tolong dong, jln di kdg badak deket yasmin macet parah tiap pagi gk ada petugas dishub';

async function until<T>(what: string, read: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Issue 16's whole path on the built product: a citizen mentions a kelurahan's Mastodon account on the sandbox;
 * the worker collects and classifies it and opens a ticket; in the inbox (on a phone) the city's admin routes it to
 * Dishub and answers with the category's template; the answer is on the sandbox platform once, under the mention.
 */
describeBrowser('aduan from the platform to the answer (Chromium, phone-sized)', () => {
  let app: SpawnedApp;
  let browser: Browser;
  let sb: SandboxHandle;
  let db: Pool;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const tdb = await createTestDatabase();
    drop = tdb.drop;
    sb = await startSandbox();
    setCitizensEnabled(sb.store, false); // only the comment this test writes
    const port = await freePort();
    app = await spawnApp({
      PORT: String(port),
      KABAR_PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: tdb.url,
      KABAR_SECRET_KEY: SECRET,
      KABAR_SEED_DEMO: 'true',
      KABAR_ADMIN_EMAIL: ADMIN.email,
      KABAR_ADMIN_PASSWORD: ADMIN.password,
      KABAR_ADUAN_COLLECT_INTERVAL: '4s',
      KABAR_PUBLISH_DISPATCH_INTERVAL: '1s',
      ...sandboxEnv(sb),
    });
    db = new Pool({ connectionString: tdb.url, max: 2 });
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.end();
    await sb?.close();
    await drop?.();
  });

  it('collected and classified, routed to Dishub, answered with a template: the answer is on the platform once', async () => {
    const { rows } = await db.query(`SELECT id FROM units WHERE name = 'Kedung Badak' AND kind = 'kelurahan'`);
    const account = await createAccount(db, sb, rows[0].id, 'mastodon');
    const mention = addComment(sb.store, sb.store.account('mastodon', account.externalId)!, { text: TEXT, authorHandle: 'warga_kdgbadak' });

    const ticket = await until('the ticket', async () => {
      const r = await db.query(
        `SELECT t.id, t.category, c.external_id FROM aduan_tickets t JOIN aduan_comments c ON c.id = t.comment_id WHERE c.account_id = $1`,
        [account.id],
      );
      return r.rows[0] as { id: string; category: string; external_id: string } | undefined;
    });
    expect(ticket.category).toBe('kemacetan');

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await loginInBrowser(page, app.baseUrl, ADMIN.email, ADMIN.password);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Aduan' }).click();
    await page.getByRole('heading', { name: 'Kotak aduan' }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: TEXT });
    await card.waitFor();
    expect(await card.getByText('Kedung Badak', { exact: false }).count()).toBeGreaterThan(0);

    await card.getByRole('button', { name: 'Disposisi ke Dinas Perhubungan' }).click();
    await card.getByText('Didisposisikan', { exact: true }).waitFor();

    await card.getByRole('button', { name: 'Balas' }).click();
    const template = card.getByLabel('Templat');
    await template.locator('option').nth(1).waitFor({ state: 'attached' });
    await template.selectOption({ index: 1 }); // the category's template comes first
    const text = await card.getByLabel('Balasan').inputValue();
    expect(text).toContain('@warga_kdgbadak');
    await card.getByRole('button', { name: 'Kirim balasan' }).click();
    await card.getByText('Terbit', { exact: true }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'aduan-answered-phone');

    // the platform is the judge: one reply, under the citizen's mention, with the template's words
    const replies = sandboxReplies(sb.store, { platform: 'mastodon', account: account.externalId });
    expect(replies).toHaveLength(1);
    expect(replies[0].parentExternalId).toBe(ticket.external_id);
    expect(replies[0].text).toContain('@warga_kdgbadak');
    expect(mention.id).toBeTruthy();
    // the ticket learns of its first answer (the worker's settler, every few seconds)
    await until('the first answer on the ticket', async () => {
      const r = await db.query(`SELECT first_answered_at FROM aduan_tickets WHERE id = $1`, [ticket.id]);
      return r.rows[0]?.first_answered_at ?? undefined;
    });
    await page.close();
  }, 150_000);
});
