import { Browser } from 'playwright-core';
import { Pool } from 'pg';
import { SandboxHandle, startSandbox } from '@kabar/sandbox';
import { describeBrowser, launchBrowser, screenshot } from '../support/browser';
import { loginInBrowser } from '../support/browser-auth';
import { sandboxEnv } from '../support/sandbox-config';
import { SpawnedApp, freePort, spawnApp } from '../support/spawn-app';
import { createTestDatabase } from '../support/test-database';
import { SECRET, createAccount, ensureUnit, schedulePosts } from '../e2e/publishing/publishing-fixtures';

const ADMIN = { email: 'admin.publikasi@kabar.test', password: 'kata-sandi-admin-publikasi-1' };

describeBrowser('publishing in the web console (Chromium)', () => {
  let app: SpawnedApp;
  let browser: Browser;
  let sb: SandboxHandle;
  let db: Pool;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const tdb = await createTestDatabase();
    drop = tdb.drop;
    sb = await startSandbox();
    const port = await freePort();
    app = await spawnApp({
      PORT: String(port),
      KABAR_PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: tdb.url,
      KABAR_SECRET_KEY: SECRET,
      KABAR_SEED_DEMO: 'true',
      KABAR_ADMIN_EMAIL: ADMIN.email,
      KABAR_ADMIN_PASSWORD: ADMIN.password,
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

  it('a post scheduled a few seconds ahead turns published with its link, without reloading', async () => {
    const unit = await ensureUnit(db);
    const account = await createAccount(db, sb, unit, 'telegram');
    const [target] = await schedulePosts(db, unit, [{ account, at: new Date(Date.now() + 10_000), text: 'Car free day Jalan Sudirman hari Minggu [B1]' }]);

    const page = await browser.newPage();
    await loginInBrowser(page, app.baseUrl, ADMIN.email, ADMIN.password);
    await page.goto(`${app.baseUrl}/posts/detail?id=${target.postId}`);
    await page.getByRole('heading', { name: 'Penerbitan unggahan' }).waitFor();
    const card = page.getByTestId(`target-${target.id}`);
    await card.getByText('Terjadwal', { exact: true }).waitFor();
    await screenshot(page, 'publishing-post-scheduled');

    // No reload from here on: the page polls.
    const link = card.getByRole('link', { name: 'Lihat di Telegram' });
    await link.waitFor({ timeout: 40_000 });
    expect(await card.getAttribute('data-status')).toBe('published');
    expect(await card.getByTestId('target-status').textContent()).toBe('Terbit');
    const [post] = sb.store.posts();
    expect(await link.getAttribute('href')).toBe(post.url);
    await card.getByText('Percobaan (1)').click();
    await card.getByRole('cell', { name: 'Kirim · Terbit', exact: true }).waitFor();
    await screenshot(page, 'publishing-post-published');
    await page.close();
  }, 90_000);

  it('shows a rejected post in the problem list and the bell, in the reader language', async () => {
    const unit = await ensureUnit(db);
    const account = await createAccount(db, sb, unit, 'mastodon');
    sb.store.injectFault({
      platform: 'mastodon',
      accountExternalId: account.externalId,
      kind: 'reject',
      message: 'Validation failed: Text character limit of 500 exceeded',
    });
    const [{ id: adminId }] = (await db.query(`SELECT id FROM users WHERE email = $1`, [ADMIN.email])).rows;
    const [target] = await schedulePosts(db, unit, [{ account, at: new Date(Date.now() + 500), text: 'Unggahan terlalu panjang [B2]' }], { authorId: adminId });
    const page = await browser.newPage();
    await loginInBrowser(page, app.baseUrl, ADMIN.email, ADMIN.password);
    await page.goto(`${app.baseUrl}/publishing/problems`);
    await page.getByRole('heading', { name: 'Masalah penerbitan' }).waitFor();
    await page.getByText('Ditolak oleh Mastodon: Validation failed: Text character limit of 500 exceeded.').waitFor({ timeout: 30_000 });
    await page.getByTestId('unread-count').waitFor({ timeout: 30_000 });
    await screenshot(page, 'publishing-problems');
    await page.getByRole('link', { name: /^Notifikasi: \d+ belum dibaca$/ }).click();
    await page.getByRole('heading', { name: 'Notifikasi', exact: true }).waitFor();
    await page.getByText(/gagal diterbitkan di mastodon/).waitFor();
    await screenshot(page, 'publishing-notifications');
    await page.getByRole('button', { name: 'Buka unggahan' }).first().click();
    await page.getByTestId(`target-${target.id}`).getByRole('button', { name: 'Coba lagi' }).waitFor();
    await page.close();
  }, 90_000);

  it('an unconfirmed target: the problem list explains it; one is marked published with its link, one sent again from the post page', async () => {
    const unit = await ensureUnit(db);
    const account = await createAccount(db, sb, unit, 'telegram');
    const [a, b] = await schedulePosts(db, unit, [
      { account, at: new Date(Date.now() - 60_000), text: 'Pengumuman posyandu [B3]' },
      { account, at: new Date(Date.now() - 60_000), text: 'Pengumuman kerja bakti [B4]' },
    ]);
    // As the engine leaves them when a lost answer cannot be checked (the first post to a channel).
    await db.query(
      `UPDATE post_targets SET status = 'unconfirmed', unconfirmed_reason = 'telegram_no_earlier_post', unconfirmed_at = now(), needs_reconcile = true,
         check_since = now() - interval '1 minute', check_lost_at = now(), last_error_class = 'unknown_outcome' WHERE id = ANY($1::uuid[])`,
      [[a.id, b.id]],
    );
    await db.query(`UPDATE posts SET status = 'publishing' WHERE id = ANY($1::uuid[])`, [[a.postId, b.postId]]);

    const page = await browser.newPage();
    page.on('dialog', (d) => void d.accept());
    await loginInBrowser(page, app.baseUrl, ADMIN.email, ADMIN.password);
    await page.goto(`${app.baseUrl}/publishing/problems`);
    await page.getByRole('button', { name: 'Belum pasti', exact: true }).click();
    const box = page.getByTestId(`unconfirmed-${a.id}`);
    await box.getByText('Telegram tidak mengonfirmasi apakah unggahan ini tersimpan.', { exact: false }).waitFor();
    await box.getByText('Ini unggahan pertama Kabar di kanal ini', { exact: false }).waitFor();
    await screenshot(page, 'publishing-unconfirmed');
    await box.getByLabel('Tautan unggahan (opsional)').fill('https://t.me/kanal_uji/17');
    await box.getByRole('button', { name: 'Tandai sudah terbit' }).click();
    await box.waitFor({ state: 'detached' });
    const ra = (await db.query(`SELECT status, external_url FROM post_targets WHERE id = $1`, [a.id])).rows[0];
    expect(ra).toEqual({ status: 'published', external_url: 'https://t.me/kanal_uji/17' });

    await page.goto(`${app.baseUrl}/posts/detail?id=${b.postId}`);
    const card = page.getByTestId(`target-${b.id}`);
    await card.getByTestId('target-status').getByText('Belum pasti terbit').waitFor();
    await card.getByRole('button', { name: 'Kirim lagi' }).click();
    await card.getByRole('link', { name: 'Lihat di Telegram' }).waitFor({ timeout: 40_000 });
    expect(sb.store.posts(undefined, account.externalId).filter((p) => p.text.includes('[B4]'))).toHaveLength(1);
    expect(sb.store.posts(undefined, account.externalId).filter((p) => p.text.includes('[B3]'))).toHaveLength(0);
    await page.close();
  }, 90_000);
});
