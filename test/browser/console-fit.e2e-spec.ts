import * as fs from 'fs';
import * as path from 'path';
import { BrowserContext, Page } from 'playwright-core';
import { describeBrowser } from '../support/browser';
import { loginInBrowser } from '../support/browser-auth';
import { AnalyticsBrowserApp, AnalyticsWorld, seedAnalyticsWorld, startAnalyticsBrowserApp } from '../support/browser-analytics-fixtures';
import { AxeViolation, horizontalOverflow, seriousAxeViolations } from '../support/page-fit';
import { ROOT } from '../support/spawn-app';

const OUT = path.join(ROOT, 'test-results', 'console-fit');
const WIDTHS = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: 'desktop', viewport: { width: 1366, height: 900 } },
] as const;

/** The city admin's pages (every one the navigation lists) and the reviewer's queue. */
const ADMIN_PAGES = [
  '/',
  '/units',
  '/users',
  '/audit',
  '/accounts',
  '/posts/new',
  '/posts',
  '/calendar',
  '/media',
  '/posts/import',
  '/planning',
  '/analytics',
  '/notifications',
  '/publishing/problems',
  '/aduan',
];

interface Finding {
  page: string;
  width: string;
  /** The page's full height in px (recorded in test-results/console-fit/heights.json). */
  height?: number;
  overflow?: string;
  axe?: AxeViolation[];
  logout?: string;
}

/**
 * Every page of the console at 390×844 and 1366×900: nothing wider than the viewport, *Keluar* reachable, and no
 * serious or critical axe-core violation. Full-page screenshots go to test-results/console-fit/.
 */
describeBrowser('every console page fits and passes axe (Chromium)', () => {
  let ctx: AnalyticsBrowserApp;
  let world: AnalyticsWorld;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ctx = await startAnalyticsBrowserApp();
    world = await seedAnalyticsWorld(ctx.db);
    fs.mkdirSync(OUT, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await ctx?.close();
  });

  async function logIn(user: { email: string; password: string }, width: (typeof WIDTHS)[number]): Promise<Page> {
    const context = await ctx.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', bypassCSP: true, ...width });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await loginInBrowser(page, ctx.app.baseUrl, user.email, user.password);
    return page;
  }

  async function check(page: Page, route: string, width: string): Promise<Finding> {
    await page.goto(ctx.app.baseUrl + route);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !(globalThis as any).document.querySelector('main [aria-live="polite"]')?.textContent?.match(/^Memuat/));
    const finding: Finding = { page: route, width, height: await page.evaluate(() => (globalThis as any).document.documentElement.scrollHeight) };
    const o = await horizontalOverflow(page);
    if (o.scrollWidth > o.innerWidth || o.scrollWidth > o.clientWidth) finding.overflow = `${o.scrollWidth}px > ${o.clientWidth}px: ${o.offenders.join(', ')}`;
    const logout = page.getByRole('button', { name: 'Keluar' });
    try {
      await logout.click({ trial: true, timeout: 3_000 });
      const box = await logout.boundingBox();
      if (!box || box.x < 0 || box.x + box.width > o.clientWidth) finding.logout = `outside the viewport: ${JSON.stringify(box)}`;
    } catch (e) {
      finding.logout = (e as Error).message.split('\n')[0];
    }
    const axe = await seriousAxeViolations(page);
    if (axe.length) finding.axe = axe;
    const name = `${route === '/' ? 'home' : route.slice(1).replace(/\//g, '-')}-${width}`;
    await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
    return finding;
  }

  for (const width of WIDTHS) {
    it(`the city admin's pages at ${width.viewport.width}×${width.viewport.height}`, async () => {
      const page = await logIn({ email: 'admin.analitik@kabar.test', password: 'kata-sandi-admin-analitik-1' }, width);
      const findings: Finding[] = [];
      for (const route of ADMIN_PAGES) findings.push(await check(page, route, width.name));
      const problems = findings.filter((f) => f.overflow || f.axe || f.logout);
      fs.writeFileSync(path.join(OUT, `heights-${width.name}.json`), JSON.stringify(Object.fromEntries(findings.map((f) => [f.page, f.height])), null, 2));
      expect(findings).toHaveLength(ADMIN_PAGES.length);
      expect(problems).toEqual([]);
    }, 240_000);

    it(`the reviewer's queue and a kelurahan admin's analytics at ${width.viewport.width}×${width.viewport.height}`, async () => {
      const reviewer = await logIn(world.reviewer, width);
      const findings = [await check(reviewer, '/review', width.name)];
      const kelurahan = await logIn(world.kelurahanAdmin, width);
      findings.push(await check(kelurahan, '/analytics', width.name), await check(kelurahan, '/accounts', width.name));
      expect(findings.filter((f) => f.overflow || f.axe || f.logout)).toEqual([]);
    }, 120_000);
  }
});
