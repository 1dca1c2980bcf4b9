import { Browser, Page } from 'playwright-core';
import { SandboxHandle, startSandbox } from '@kabar/sandbox';
import { SpawnedApp } from '../support/spawn-app';
import { describeBrowser, screenshot } from '../support/browser';
import { sandboxEnv } from '../support/sandbox-config';
import { BROWSER_ADMIN, BrowserApp, startBrowserApp } from '../support/browser-app';
import { loginInBrowser } from '../support/browser-auth';

async function logIn(page: Page, baseUrl: string) {
  await loginInBrowser(page, baseUrl, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
  await page.goto(baseUrl + '/accounts');
}

describeBrowser('accounts page (Chromium)', () => {
  let sb: SandboxHandle;
  let ctx: BrowserApp;
  let app: SpawnedApp;
  let browser: Browser;

  beforeAll(async () => {
    sb = await startSandbox();
    ctx = await startBrowserApp(sandboxEnv(sb));
    ({ app, browser } = ctx);
  }, 90_000);

  afterAll(async () => {
    await ctx?.close();
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
