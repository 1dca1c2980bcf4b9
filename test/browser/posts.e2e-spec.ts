import { Browser, Page } from 'playwright-core';
import { SpawnedApp } from '../support/spawn-app';
import { describeBrowser, screenshot } from '../support/browser';
import { BROWSER_ADMIN, BrowserApp, startBrowserApp } from '../support/browser-app';
import { loginInBrowser } from '../support/browser-auth';

describeBrowser('posts list in the console (Chromium)', () => {
  let ctx: BrowserApp;
  let app: SpawnedApp;
  let browser: Browser;

  beforeAll(async () => {
    ctx = await startBrowserApp();
    ({ app, browser } = ctx);
  }, 90_000);

  afterAll(() => ctx?.close());

  const rows = (page: Page) => page.getByRole('table').locator('tbody tr');

  it('lists the demo drafts, filters by status and text through the address, and opens a post', async () => {
    const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    await loginInBrowser(page, app.baseUrl, BROWSER_ADMIN.email, BROWSER_ADMIN.password);

    await page.getByRole('navigation').getByRole('link', { name: 'Unggahan', exact: true }).click();
    await page.getByRole('heading', { name: 'Unggahan', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/posts');
    await rows(page).first().waitFor();
    const all = await rows(page).count();
    expect(all).toBeGreaterThanOrEqual(5);
    expect(await page.getByRole('columnheader', { name: 'Status' }).count()).toBe(1);
    expect(await page.getByRole('table').getByText('Draf', { exact: true }).count()).toBe(all);
    expect(await page.getByRole('table').getByText('Belum dijadwalkan').count()).toBe(all);
    // drafts can be opened in the composer
    expect(await page.getByRole('link', { name: /^Ubah unggahan:/ }).count()).toBe(all);

    await page.getByLabel('Status').selectOption({ label: 'Draf' });
    await page.waitForURL((u) => u.searchParams.get('status') === 'draft');
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(all);

    await page.getByLabel('Status').selectOption({ label: 'Terbit' });
    await page.getByText('Tidak ada unggahan yang cocok dengan filter ini.').waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Draf' });
    await rows(page).first().waitFor();

    await page.getByLabel('Cari teks unggahan').fill('doclang');
    await page.getByLabel('Cari teks unggahan').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === 'doclang' && u.searchParams.get('status') === 'draft');
    await page.getByText('1 unggahan', { exact: true }).waitFor();
    expect(await rows(page).count()).toBe(1);
    await page.getByRole('link', { name: /^Sarapan khas Bogor: doclang/ }).waitFor();
    await screenshot(page, 'posts-list');

    // the address keeps the filters: a shared link opens the same list
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await other.getByRole('link', { name: /^Sarapan khas Bogor: doclang/ }).waitFor();
    expect(await other.getByLabel('Status').inputValue()).toBe('draft');
    expect(await other.getByLabel('Cari teks unggahan').inputValue()).toBe('doclang');
    await other.close();

    await page.getByRole('link', { name: /^Sarapan khas Bogor: doclang/ }).click();
    await page.waitForURL((u) => u.pathname === '/posts/detail' && !!u.searchParams.get('id'));
    await page.getByRole('heading', { name: 'Penerbitan unggahan' }).waitFor();

    await page.goBack();
    await page.getByRole('link', { name: /^Sarapan khas Bogor: doclang/ }).waitFor();
    await context.close();
  });
});
