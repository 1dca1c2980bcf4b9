import { Browser } from 'playwright-core';
import { createTestDatabase } from '../support/test-database';
import { SpawnedApp, spawnApp } from '../support/spawn-app';
import { describeBrowser, launchBrowser, screenshot } from '../support/browser';
import { loginInBrowser } from '../support/browser-auth';

const ADMIN = { email: 'admin.shell@kabar.test', password: 'shell-test-password-1' };

describeBrowser('web console shell (Chromium)', () => {
  let app: SpawnedApp;
  let browser: Browser;
  let dropDb: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    dropDb = db.drop;
    app = await spawnApp({
      DATABASE_URL: db.url,
      KABAR_SECRET_KEY: Buffer.alloc(32, 3).toString('base64'),
      KABAR_SEED_DEMO: 'true',
      KABAR_ADMIN_EMAIL: ADMIN.email,
      KABAR_ADMIN_PASSWORD: ADMIN.password,
    });
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await dropDb?.();
  });

  it('opens in Indonesian, switches to English and back', async () => {
    const page = await browser.newPage();
    await loginInBrowser(page, app.baseUrl, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: 'Selamat datang di Kabar' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).count()).toBe(1);
    await screenshot(page, 'shell-home-id');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Welcome to Kabar' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Home' }).count()).toBe(1);
    await screenshot(page, 'shell-home-en');

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Selamat datang di Kabar' }).waitFor();
    await page.close();
  });

  it('shows the unit tree and works on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await loginInBrowser(page, app.baseUrl, ADMIN.email, ADMIN.password);
    await page.goto(app.baseUrl + '/units');
    await page.getByText('32.71.06', { exact: true }).waitFor();
    expect(await page.getByText('32.71.01.1001').count()).toBe(1);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).waitFor();
    await screenshot(page, 'shell-units-phone');
    await page.close();
  });
});
