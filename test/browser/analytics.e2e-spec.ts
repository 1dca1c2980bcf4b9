import * as fs from 'fs';
import * as path from 'path';
import { BrowserContext, Page } from 'playwright-core';
import { describeBrowser, screenshot } from '../support/browser';
import { loginInBrowser } from '../support/browser-auth';
import { ROOT } from '../support/spawn-app';
import { AnalyticsBrowserApp, AnalyticsWorld, seedAnalyticsWorld, startAnalyticsBrowserApp } from '../support/browser-analytics-fixtures';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** "M1,2L3,4L5,6M…": the points and the separate runs (a gap starts a new run) of the follower line. */
function linePoints(d: string): { points: number; runs: number } {
  return { points: (d.match(/[ML]/g) ?? []).length, runs: (d.match(/M/g) ?? []).length };
}

describeBrowser('analytics pages (Chromium)', () => {
  let ctx: AnalyticsBrowserApp;
  let world: AnalyticsWorld;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ctx = await startAnalyticsBrowserApp();
    world = await seedAnalyticsWorld(ctx.db);
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await ctx?.close();
  });

  async function logIn(user: { email: string; password: string }, options: Parameters<AnalyticsBrowserApp['browser']['newContext']>[0] = {}): Promise<Page> {
    const context = await ctx.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', acceptDownloads: true, ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await loginInBrowser(page, ctx.app.baseUrl, user.email, user.password);
    return page;
  }

  const leaderboardNames = (page: Page) => page.locator('table.leaderboard tbody th[scope="row"]').allTextContents();
  const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  /** Waits until the leaderboard's first row is `name` (the API answered the new order). */
  const firstRowIs = (page: Page, name: string) =>
    page
      .locator('table.leaderboard tbody tr')
      .first()
      .locator('th', { hasText: exactly(name) })
      .waitFor();

  it('ranks the kelurahan and re-sorts through the API when a column header is clicked', async () => {
    const page = await logIn(world.reviewer);
    await page.getByRole('navigation').getByRole('link', { name: 'Analitik' }).click();
    await page.getByRole('heading', { name: 'Analitik', exact: true }).waitFor();
    await page.locator('table.leaderboard').waitFor();
    // the reviewer's top unit is the city
    expect(await page.getByLabel('Unit', { exact: true }).inputValue()).toBe(world.city.id);
    expect(await page.getByRole('tab', { name: 'Kelurahan' }).getAttribute('aria-selected')).toBe('true');

    // default: growth, highest first (C grows fastest, B slowest)
    expect((await leaderboardNames(page)).slice(0, 3)).toEqual([world.c.name, world.a.name, world.b.name]);
    const mine = page.locator('table.leaderboard tbody tr').first();
    expect(await mine.locator('td').first().textContent()).toMatch(/^1/);

    const followersHeader = page.locator('table.leaderboard').getByRole('button', { name: /^Pengikut/ });
    const resorted = page.waitForResponse(
      (r) => r.url().includes('/api/v1/analytics/leaderboard') && r.url().includes('sort=followers') && r.url().includes('dir=desc'),
    );
    await followersHeader.click();
    await resorted;
    await firstRowIs(page, world.b.name);
    expect((await leaderboardNames(page)).slice(0, 3)).toEqual([world.b.name, world.a.name, world.c.name]);
    expect(
      await page
        .locator('table.leaderboard')
        .getByRole('columnheader', { name: /^Pengikut/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('followers');
    await screenshot(page, 'analytics-leaderboard-by-followers');

    await followersHeader.click();
    await firstRowIs(page, world.c.name);
    // ascending; units without data stay last
    expect((await leaderboardNames(page)).slice(0, 3)).toEqual([world.c.name, world.a.name, world.b.name]);
    expect(
      await page
        .locator('table.leaderboard')
        .getByRole('columnheader', { name: /^Pengikut/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');

    await page.getByRole('tab', { name: 'Kecamatan' }).click();
    await page.locator('table.leaderboard tbody th', { hasText: exactly(world.kecamatan.name) }).waitFor();
    expect(await page.locator('table.leaderboard tbody tr').count()).toBe(6);
  }, 90_000);

  it('draws the follower line of a kelurahan with its gap, lists top posts with links, and exports CSV', async () => {
    const page = await logIn(world.reviewer);
    await page.goto(`${ctx.app.baseUrl}/analytics`);
    await page.getByLabel('Unit', { exact: true }).selectOption({ label: world.a.name });
    await page.getByLabel('Periode', { exact: true }).selectOption({ label: '3 bulan terakhir' });
    await page.getByRole('group', { name: 'Satuan waktu' }).getByRole('button', { name: 'Hari' }).click();
    await page.waitForURL((u) => u.searchParams.get('unitId') === world.a.id && u.searchParams.get('granularity') === 'day');

    const followers = page.getByTestId('followers-title');
    await followers.getByTestId('followers-current').filter({ hasText: '5.000' }).waitFor();
    const line = followers.locator('path.recharts-line-curve');
    await line.waitFor();
    const { points, runs } = linePoints((await line.getAttribute('d')) ?? '');
    expect(points).toBeGreaterThanOrEqual(50);
    // four days without readings split the line instead of joining over them
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(await followers.locator('.recharts-cartesian-axis-tick-value').allTextContents()).toContainEqual(expect.stringMatching(/^\d+(,\d)?\srb$/));

    const top = page.getByTestId('top-posts-title');
    const first = top.getByRole('listitem').first();
    expect(await first.locator('.top-post-text').textContent()).toBe('Kerja bakti warga Batu Tulis membersihkan saluran air');
    expect(await first.getByRole('link', { name: 'Lihat di Instagram' }).getAttribute('href')).toBe(world.topPostUrl);

    // best time: the weekday and hour (WIB) of that post hold one post
    // (sections below the first screen load when scrolled to, or shortly after the first screen)
    const cell = page.getByTestId('best-time-title').locator('td.heat[title*="1 unggahan"]');
    await cell.first().waitFor();
    expect(await cell.count()).toBeGreaterThanOrEqual(1);

    // inactive: the Telegram account waits for a reconnect, with the way to the accounts page
    const inactive = page.getByTestId('inactive-title').locator('tr[data-reason="needs_reconnect"]');
    await inactive.getByRole('link', { name: 'Hubungkan ulang' }).waitFor();

    const csv = followers.getByRole('link', { name: 'Ekspor CSV: Pertumbuhan pengikut' });
    const href = (await csv.getAttribute('href'))!;
    expect(href).toContain('format=csv');
    const res = await page.request.get(ctx.app.baseUrl + href);
    expect(res.status()).toBe(200);
    const body = await res.text();
    expect(body.split(/\r?\n/)[0]).toMatch(/period/i);
    expect(body).toContain('5000');
    await screenshot(page, 'analytics-desktop');
  }, 90_000);

  it('stays readable on a phone: no sideways scrolling of the page, compact axis', async () => {
    const page = await logIn(world.reviewer, PHONE);
    await page.goto(`${ctx.app.baseUrl}/analytics?unitId=${world.a.id}&range=last_3_months&granularity=week`);
    const line = page.getByTestId('followers-title').locator('path.recharts-line-curve');
    await line.waitFor();
    await screenshot(page, 'analytics-phone');
    // Nothing runs past the screen or past its section (wide tables scroll inside their panel).
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    const layout = (await page.evaluate(`(() => {
      const section = document.querySelector('section.analytics').getBoundingClientRect();
      const outside = [...document.querySelectorAll('section.analytics *')]
        .filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > section.right + 1)
        .map((e) => e.tagName + '.' + e.className);
      const svg = document.querySelector('[data-testid="followers-title"] svg.recharts-surface').getBoundingClientRect();
      return { outside, svgRight: svg.right, sectionRight: section.right };
    })()`)) as { outside: string[]; svgRight: number; sectionRight: number };
    expect(layout.outside).toEqual([]);
    expect(layout.svgRight).toBeLessThanOrEqual(layout.sectionRight);
    const ticks = await page.getByTestId('followers-title').locator('.recharts-xAxis .recharts-cartesian-axis-tick').count();
    expect(ticks).toBeLessThanOrEqual(6);
  }, 90_000);

  it('lets the city reviewer set a target and shows its progress', async () => {
    const page = await logIn(world.reviewer);
    await page.goto(`${ctx.app.baseUrl}/analytics?unitId=${world.kecamatan.id}`);
    const targets = page.getByTestId('targets-title');
    await targets.getByRole('button', { name: `Ubah target ${world.a.name}` }).click();
    await targets.getByLabel('Target pengikut').fill('10000');
    await targets.getByRole('button', { name: 'Simpan' }).click();
    await targets.locator(`tr[data-unit="${world.a.id}"]`).getByText('5.000 dari 10.000 (50%)').waitFor();
    const [{ followers_target }] = (await ctx.db.query(`SELECT followers_target FROM unit_targets WHERE unit_id = $1`, [world.a.id])).rows;
    expect(followers_target).toBe(10000);
  }, 90_000);

  it("keeps a kelurahan admin to their own unit: another kelurahan's id in the address shows no data", async () => {
    const page = await logIn(world.kelurahanAdmin);
    await page.goto(`${ctx.app.baseUrl}/analytics`);
    const picker = page.getByLabel('Unit', { exact: true });
    await page.getByTestId('followers-title').waitFor();
    expect(await picker.inputValue()).toBe(world.a.id);
    const options = await picker.locator('option').allTextContents();
    expect(options).toEqual([world.a.name]);
    await page.getByTestId('targets-title').locator('table, .notice, [role="alert"]').first().waitFor();
    expect(
      await page
        .getByTestId('targets-title')
        .getByRole('button', { name: /^Ubah target/ })
        .count(),
    ).toBe(0);

    await page.goto(`${ctx.app.baseUrl}/analytics?unitId=${world.b.id}`);
    await page.getByTestId('analytics-not-found').filter({ hasText: 'Unit ini tidak ditemukan atau berada di luar cakupan Anda.' }).waitFor();
    expect(await page.getByTestId('followers-title').count()).toBe(0);
    expect(await page.getByText(world.handles.bInstagram).count()).toBe(0);
    await screenshot(page, 'analytics-other-unit-refused');
    // the API refuses it too, whatever the page does
    const api = await page.request.get(`${ctx.app.baseUrl}/api/v1/analytics/followers?scope=subtree&id=${world.b.id}`);
    expect(api.status()).toBe(404);

    await page.goto(`${ctx.app.baseUrl}/analytics/monthly?unitId=${world.b.id}`);
    await page.getByTestId('analytics-not-found').filter({ hasText: 'Unit ini tidak ditemukan' }).waitFor();
    expect(await page.locator('#monthly-growth').count()).toBe(0);
  }, 90_000);

  it('renders the monthly report for print on A4, with the PDF download', async () => {
    const page = await logIn(world.reviewer);
    await page.goto(`${ctx.app.baseUrl}/analytics?unitId=${world.a.id}`);
    await page.getByRole('link', { name: 'Laporan bulanan' }).click();
    await page.waitForURL((u) => u.pathname === '/analytics/monthly' && u.searchParams.get('unitId') === world.a.id);
    await page.getByRole('heading', { name: /^Laporan bulanan \w+ \d{4}$/ }).waitFor();
    const growth = page.locator('#monthly-growth').locator('..');
    await growth.getByText('5.000', { exact: true }).waitFor();
    await page.getByText('Kerja bakti warga Batu Tulis membersihkan saluran air').waitFor();
    await page.getByRole('button', { name: 'Cetak' }).waitFor();

    const pdfHref = (await page.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href'))!;
    expect(pdfHref).toContain('format=pdf');
    const pdf = await page.request.get(ctx.app.baseUrl + pdfHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.locator('#nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Cetak' }).isVisible()).toBe(false);
    expect(
      await page
        .locator('.report-section')
        .nth(1)
        .evaluate((s) => s.ownerDocument.defaultView!.getComputedStyle(s).breakBefore),
    ).toBe('page');
    await screenshot(page, 'analytics-monthly-print');
    const dir = path.join(ROOT, 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    const printed = await page.pdf({ format: 'A4', path: path.join(dir, 'analytics-monthly-print.pdf') });
    expect(printed.subarray(0, 4).toString()).toBe('%PDF');
  }, 90_000);
});
