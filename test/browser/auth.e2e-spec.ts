import { Browser } from 'playwright-core';
import { SpawnedApp } from '../support/spawn-app';
import { describeBrowser, screenshot } from '../support/browser';
import { BROWSER_ADMIN, BrowserApp, startBrowserApp } from '../support/browser-app';
import { loginInBrowser } from '../support/browser-auth';

const ADMIN = BROWSER_ADMIN;

describeBrowser('login, users and logout in the console (Chromium)', () => {
  let ctx: BrowserApp;
  let app: SpawnedApp;
  let browser: Browser;

  beforeAll(async () => {
    ctx = await startBrowserApp();
    ({ app, browser } = ctx);
  }, 90_000);

  afterAll(() => ctx?.close());

  it('never prints the configured admin password', () => {
    expect(app.output()).not.toContain(ADMIN.password);
  });

  it('refuses a wrong password in Indonesian, shows the password on request, logs in and out', async () => {
    const page = await browser.newPage();
    await page.goto(app.baseUrl + '/units');
    await page.getByRole('heading', { name: 'Masuk ke Kabar' }).waitFor();
    await page.getByLabel('Email').fill(ADMIN.email);
    const password = page.getByLabel('Kata sandi', { exact: true });
    await password.fill('bukan-kata-sandinya');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email atau kata sandi salah.' }).waitFor();
    expect(await password.getAttribute('type')).toBe('password');
    await page.getByLabel('Tampilkan kata sandi').check();
    expect(await password.getAttribute('type')).toBe('text');
    await screenshot(page, 'auth-login-wrong-password');

    await password.fill(ADMIN.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    // back on the page asked for: the unit tree, kelurahan collapsed under their kecamatan
    await page.getByText('32.71.01', { exact: true }).waitFor();
    await page.getByText('32.71.01.1001', { exact: true }).waitFor({ state: 'attached' });
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).count()).toBe(1);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Log audit' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByText('Anda sudah keluar.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Masuk ke Kabar' }).waitFor();
    await page.close();
  });

  it('a city admin creates a kelurahan admin and gives them another role', async () => {
    const page = await browser.newPage();
    await loginInBrowser(page, app.baseUrl, ADMIN.email, ADMIN.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('heading', { name: 'Pengguna', level: 1 }).waitFor();
    await page.locator('#new-unit option', { hasText: 'Batu Tulis' }).first().waitFor({ state: 'attached' });

    await page.getByLabel('Email').fill('lurah.batutulis@kabar.test');
    await page.getByLabel('Nama', { exact: true }).fill('Admin Batu Tulis');
    await page.locator('#new-unit').selectOption({ label: 'Batu Tulis (Kelurahan)' });
    await page.locator('#new-role').selectOption('admin');
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await page.getByRole('status').filter({ hasText: 'Tautan hanya ditampilkan sekali' }).waitFor();
    const row = page.getByRole('row', { name: /Admin Batu Tulis/ });
    await row.getByText('Admin — Batu Tulis').waitFor();

    await page.getByRole('button', { name: 'Ubah peran Admin Batu Tulis' }).click();
    const form = page.getByRole('form', { name: 'Tambah peran untuk Admin Batu Tulis' });
    await form.getByLabel('Unit').selectOption({ label: 'Bondongan (Kelurahan)' });
    await form.getByLabel('Peran').selectOption('reviewer');
    await form.getByRole('button', { name: 'Tambah peran' }).click();
    await row.getByText(/Peninjau — Bondongan/).waitFor();
    await screenshot(page, 'auth-users-created');

    await page.getByRole('navigation').getByRole('link', { name: 'Log audit' }).click();
    await page.getByText('user.create', { exact: true }).waitFor();
    expect(await page.getByText('membership.create', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'auth-audit-log');
    await page.close();
  });
});
