import { Browser } from 'playwright-core';
import { SpawnedApp } from '../support/spawn-app';
import { describeBrowser, screenshot } from '../support/browser';
import { BROWSER_ADMIN, BrowserApp, startBrowserApp } from '../support/browser-app';
import { loginInBrowser } from '../support/browser-auth';

const ADMIN = BROWSER_ADMIN;

describeBrowser('web console shell (Chromium)', () => {
  let ctx: BrowserApp;
  let app: SpawnedApp;
  let browser: Browser;

  beforeAll(async () => {
    ctx = await startBrowserApp();
    ({ app, browser } = ctx);
  }, 90_000);

  afterAll(() => ctx?.close());

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
