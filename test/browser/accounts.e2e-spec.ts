import { Browser, Page } from 'playwright-core';
import { SandboxHandle, startSandbox } from '@kabar/sandbox';
import { createTestDatabase } from '../support/test-database';
import { SpawnedApp, freePort, spawnApp } from '../support/spawn-app';
import { describeBrowser, launchBrowser, screenshot } from '../support/browser';
import { sandboxEnv } from '../support/sandbox-config';

const ADMIN = { email: 'kota.admin@test.kabar', password: 'Sandi-yang-panjang-2026' };

async function logIn(page: Page, baseUrl: string) {
  await page.goto(baseUrl + '/accounts');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

describeBrowser('accounts page (Chromium)', () => {
  let sb: SandboxHandle;
  let app: SpawnedApp;
  let browser: Browser;
  let dropDb: () => Promise<void>;

  beforeAll(async () => {
    sb = await startSandbox();
    const db = await createTestDatabase();
    dropDb = db.drop;
    const port = await freePort();
    app = await spawnApp({
      PORT: String(port),
      KABAR_PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: db.url,
      KABAR_SECRET_KEY: Buffer.alloc(32, 5).toString('base64'),
      KABAR_SEED_DEMO: 'true',
      KABAR_ADMIN_EMAIL: ADMIN.email,
      KABAR_ADMIN_PASSWORD: ADMIN.password,
      ...sandboxEnv(sb),
    });
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await dropDb?.();
    await sb?.close();
  });

  it('connects a sandbox X account by OAuth through the accounts page', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, app.baseUrl);
    await page.getByRole('heading', { name: 'Akun media sosial' }).waitFor();
    await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'Batu Tulis (32.71.01.1001)' });
    await page.getByText('Belum ada akun yang terhubung untuk unit ini.').waitFor();
    await page.getByRole('link', { name: 'Hubungkan X' }).click();
    await page.getByRole('status').filter({ hasText: 'Akun berhasil dihubungkan.' }).waitFor({ timeout: 15_000 });
    const row = page.getByRole('row').filter({ hasText: 'X' }).filter({ hasText: 'Terhubung' });
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    await screenshot(page, 'accounts-connected-x');
    expect(sb.store.listAccounts('x')).toHaveLength(1);
    await page.close();
  });

  it('shows a rejected pasted token in Indonesian and keeps the form', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, app.baseUrl);
    await page.getByRole('heading', { name: 'Hubungkan dengan token' }).waitFor();
    await page.getByLabel('Kanal Telegram (@nama atau -100…)').fill('@kanal_uji');
    await page.getByLabel('Token bot').fill('123:salah');
    await page.getByRole('button', { name: 'Hubungkan akun' }).click();
    await page.getByRole('alert').filter({ hasText: 'Telegram menolak token ini' }).waitFor();
    await screenshot(page, 'accounts-token-rejected');
    await page.close();
  });
});
