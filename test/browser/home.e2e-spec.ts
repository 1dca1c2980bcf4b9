import { Page } from 'playwright-core';
import { describeBrowser, screenshot } from '../support/browser';
import { loginInBrowser } from '../support/browser-auth';
import { AnalyticsBrowserApp, AnalyticsWorld, seedAnalyticsWorld, startAnalyticsBrowserApp } from '../support/browser-analytics-fixtures';

describeBrowser('Home page per role (Chromium)', () => {
  let ctx: AnalyticsBrowserApp;
  let world: AnalyticsWorld;

  beforeAll(async () => {
    ctx = await startAnalyticsBrowserApp();
    world = await seedAnalyticsWorld(ctx.db);
  }, 120_000);

  afterAll(() => ctx?.close());

  async function openHome(user: { email: string; password: string }): Promise<Page> {
    const page = await (await ctx.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' })).newPage();
    page.setDefaultTimeout(15_000);
    await loginInBrowser(page, ctx.app.baseUrl, user.email, user.password);
    await page.getByRole('heading', { name: 'Selamat datang di Kabar' }).waitFor();
    await page.getByTestId('home-accounts').waitFor();
    return page;
  }

  it('a kelurahan admin sees their accounts, the next scheduled post, the failure and the account to reconnect', async () => {
    const page = await openHome(world.kelurahanAdmin);
    const accounts = page.getByTestId('home-accounts');
    const ig = accounts.getByRole('listitem').filter({ hasText: world.handles.aInstagram });
    await ig.getByText('Terhubung', { exact: true }).waitFor();
    expect(await ig.textContent()).toContain('5.000 pengikut');
    const tg = accounts.getByRole('listitem').filter({ hasText: world.handles.aTelegram });
    await tg.getByText('Perlu dihubungkan ulang', { exact: true }).waitFor();
    // only the admin's own kelurahan
    expect(await accounts.getByText(world.handles.bInstagram).count()).toBe(0);

    const scheduled = page.getByTestId('home-scheduled');
    const next = scheduled.getByRole('listitem').filter({ hasText: world.scheduledText });
    await next.waitFor();
    expect(await next.locator('time').textContent()).toMatch(/^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB$/);
    expect(await next.getByRole('link').getAttribute('href')).toMatch(/^\/posts\/detail\?id=/);

    const problems = page.getByTestId('home-problems');
    expect(await problems.getByTestId('home-problem-failed').textContent()).toBe('1 unggahan gagal terbit');
    expect(await problems.getByRole('link', { name: '1 akun perlu dihubungkan ulang' }).getAttribute('href')).toBe('/accounts');
    await page.getByTestId('home-growth').getByTestId('home-followers').filter({ hasText: '5.000' }).waitFor();
    expect(await page.getByTestId('home-review').count()).toBe(0);
    await screenshot(page, 'home-kelurahan-admin');

    await problems.getByRole('link', { name: '1 unggahan gagal terbit' }).click();
    await page.getByRole('heading', { name: 'Masalah penerbitan' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/publishing/problems');
    await page.getByText(world.failedText).waitFor();
    await page.context().close();
  }, 60_000);

  it('a Diskominfo reviewer sees how many posts wait for review, and goes to the queue', async () => {
    expect(world.awaitingReview).toBeGreaterThanOrEqual(2);
    const page = await openHome(world.reviewer);
    const review = page.getByTestId('home-review');
    expect(await review.getByTestId('home-review-count').textContent()).toBe(`${world.awaitingReview} unggahan menunggu tinjauan`);
    // the whole city: every kelurahan's accounts
    await page.getByTestId('home-accounts').getByText(world.handles.bInstagram).waitFor();
    await screenshot(page, 'home-reviewer');
    await review.getByRole('link', { name: 'Buka antrean tinjauan' }).click();
    await page.waitForURL((u) => u.pathname === '/review');
    await page.context().close();
  }, 60_000);
});
