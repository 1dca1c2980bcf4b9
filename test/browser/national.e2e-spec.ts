import { randomUUID } from 'crypto';
import { BrowserContext, Page } from 'playwright-core';
import { Pool } from 'pg';
import { ensureMonthPartitions, ingestSnapshots, Queryable } from '@kabar/analytics';
import { hashPassword } from '@kabar/org';
import { describeBrowser, screenshot } from '../support/browser';
import { loginInBrowser } from '../support/browser-auth';
import { AnalyticsBrowserApp, startAnalyticsBrowserApp } from '../support/browser-analytics-fixtures';

const ADMIN = { email: 'admin.analitik@kabar.test', password: 'kata-sandi-admin-analitik-1' };
const FEBRUARY = 'range=custom&from=2026-02-01&to=2026-02-28';

async function unitByCode(db: Pool, code: string): Promise<{ id: string; name: string }> {
  return (await db.query(`SELECT id, name FROM units WHERE code = $1`, [code])).rows[0];
}

/** February 2026 readings of one account per unit: `growth` of 1,000 followers over the month. */
async function february(db: Pool, unitId: string, growth: number): Promise<void> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO social_accounts (id, unit_id, platform, external_id, handle, status, credentials_enc, sandbox) VALUES ($1, $2, 'x', $3, $3, 'active', 'v1.uji', true)`,
    [id, unitId, `ext-${id.slice(0, 8)}`],
  );
  await ensureMonthPartitions(
    { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as Queryable,
    'account_snapshots',
    new Date('2026-02-01T00:00:00Z'),
    new Date('2026-02-28T00:00:00Z'),
  );
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await ingestSnapshots({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } as Queryable, [
      { accountId: id, at: new Date('2026-02-01T05:00:00Z'), followers: 1000 },
      { accountId: id, at: new Date('2026-02-27T05:00:00Z'), followers: 1000 + growth },
    ]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/**
 * Issue #17 in the console: the city's admin imports Kabupaten Bogor (Kota Bogor then sits under Provinsi Jawa
 * Barat, the new top unit), and the province's reviewer opens the province's leaderboard of kabupaten/kota.
 */
describeBrowser('a national unit tree in the console (Chromium)', () => {
  let ctx: AnalyticsBrowserApp;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ctx = await startAnalyticsBrowserApp();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await ctx?.close();
  });

  async function logIn(user: { email: string; password: string }): Promise<Page> {
    const context = await ctx.browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await loginInBrowser(page, ctx.app.baseUrl, user.email, user.password);
    return page;
  }

  it('the city’s admin checks, then imports Kabupaten Bogor from the units page', async () => {
    const page = await logIn(ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: 'Unit' }).click();
    await page.getByText('32.71.06', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Impor wilayah' }).click();
    await page.getByRole('heading', { name: 'Impor kode wilayah Kemendagri' }).waitFor();
    await page.getByLabel('Provinsi', { exact: true }).selectOption('32');
    await page.getByLabel('Kabupaten/kota', { exact: true }).selectOption('32.01');
    await page.getByTestId('wilayah-size').filter({ hasText: '40 kecamatan, 435 desa/kelurahan; 0 sudah ada' }).waitFor();
    await page.getByRole('button', { name: 'Periksa dulu (tanpa mengubah)' }).click();
    await page.getByRole('heading', { name: /^Hasil pemeriksaan/ }).waitFor();
    expect(await page.getByTestId('wilayah-changes').textContent()).toBe('477 dibuat, 0 diperbarui, 1 dipindahkan, 2 dinas ditambahkan');
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM units WHERE code LIKE '32.01%'`)).rows[0].n).toBe(0);
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByRole('heading', { name: /^Impor selesai/ }).waitFor();
    await page.getByText('Jawa Barat (Provinsi) — sebelumnya Kota Bogor; 1 admin-nya kini juga admin unit teratas').waitFor();
    await screenshot(page, 'wilayah-import-done');
    expect((await ctx.db.query(`SELECT code FROM units WHERE parent_id IS NULL`)).rows).toEqual([{ code: '32' }]);
  });

  it('a province reviewer opens the province’s leaderboard of kabupaten/kota', async () => {
    const [jabar, kabBogor, kotaBogor] = await Promise.all(['32', '32.01', '32.71'].map((c) => unitByCode(ctx.db, c)));
    await february(ctx.db, (await unitByCode(ctx.db, '32.01.02.2001')).id, 500); // a desa of Kabupaten Bogor: +50 %
    await february(ctx.db, (await unitByCode(ctx.db, '32.71.01.1001')).id, 100); // a kelurahan of Kota Bogor: +10 %
    const password = 'kata-sandi-peninjau-jabar-1';
    const { rows } = await ctx.db.query(
      `INSERT INTO users (email, name, locale, password_hash) VALUES ('peninjau@jabar.kabar.test', 'Peninjau Jabar', 'id', $1) RETURNING id`,
      [await hashPassword(password)],
    );
    await ctx.db.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, 'reviewer')`, [rows[0].id, jabar.id]);

    const page = await logIn({ email: 'peninjau@jabar.kabar.test', password });
    await page.goto(`${ctx.app.baseUrl}/analytics?${FEBRUARY}`);
    await page.getByRole('heading', { name: 'Analitik', exact: true }).waitFor();
    await page.locator('table.leaderboard tbody tr').nth(1).waitFor();
    expect(await page.getByLabel('Unit', { exact: true }).inputValue()).toBe(jabar.id);
    expect(await page.getByRole('tab', { name: 'Kabupaten/Kota' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('table.leaderboard tbody th[scope="row"]').allTextContents()).toEqual([kabBogor.name, kotaBogor.name]);
    expect(await page.locator('table.leaderboard tbody tr').first().locator('td').nth(2).textContent()).toContain('50');
    await screenshot(page, 'analytics-province-leaderboard');

    // the units page shows the province one level at a time, with each unit's zone
    await page.getByRole('navigation').getByRole('link', { name: 'Unit' }).click();
    await page.getByText('Jawa Barat', { exact: true }).waitFor();
    await page.getByText('32.01', { exact: true }).waitFor();
    expect(await page.locator('.badge.zone').first().textContent()).toBe('WIB');
    expect(await page.getByRole('link', { name: 'Impor wilayah' }).count()).toBe(0);
  });
});
