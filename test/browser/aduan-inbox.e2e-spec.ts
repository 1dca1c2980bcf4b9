import { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ClassifierRegistry, CorrectionsRepository, TicketsService } from '@kabar/aduan';
import { Clock } from '@kabar/common';
import { dataSourceOptions } from '@kabar/database';
import { insertAccount, insertClassifiedComment } from '../support/aduan-fixtures';
import { describeBrowser, launchBrowser, screenshot } from '../support/browser';
import { BROWSER_ADMIN } from '../support/browser-app';
import { loginInBrowser } from '../support/browser-auth';
import { SpawnedApp, freePort, spawnApp } from '../support/spawn-app';
import { testConfig } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

/** Tuesday 17 November 2026, 10:00 WIB: the complaint of Friday afternoon is past its one-working-day target. */
const NOW = new Date('2026-11-17T10:00:00+07:00');
const TEXT = 'kdg badak arah yasmin macet parah tiap pagi, tolong dishub atur lalinnya';

describeBrowser('aduan inbox (Chromium, phone-sized)', () => {
  let db: { url: string; drop(): Promise<void> };
  let app: SpawnedApp;
  let browser: Browser;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    app = await spawnApp({
      PORT: String(port),
      KABAR_PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: db.url,
      KABAR_SECRET_KEY: Buffer.alloc(32, 5).toString('base64'),
      KABAR_SEED_DEMO: 'true',
      KABAR_ADMIN_EMAIL: BROWSER_ADMIN.email,
      KABAR_ADMIN_PASSWORD: BROWSER_ADMIN.password,
      KABAR_CLOCK_START: NOW.toISOString(),
    });
    ds = new DataSource(dataSourceOptions(db.url, []));
    await ds.initialize();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await ds?.destroy();
    await db?.drop();
  });

  it('a complaint appears in the inbox and is routed to Dishub in one click', async () => {
    // collection's part, done directly: a classified comment, then its ticket
    const account = await insertAccount(ds, '32.71', 'instagram');
    const comment = await insertClassifiedComment(ds, {
      accountId: account.id,
      text: TEXT,
      platform: 'instagram',
      writtenAt: new Date('2026-11-13T15:00:00+07:00'),
    });
    const tickets = new TicketsService(ds, testConfig(), new ClassifierRegistry(ds), new CorrectionsRepository(ds), new Clock());
    expect((await tickets.openFromComments([comment.id])).opened).toHaveLength(1);

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await loginInBrowser(page, app.baseUrl, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Aduan' }).click();
    await page.getByRole('heading', { name: 'Kotak aduan' }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: TEXT });
    await card.waitFor();
    expect(await card.getByText('Lewat batas waktu').count()).toBe(1);
    expect(await card.getByText('Baru', { exact: true }).count()).toBe(1);
    expect(await card.getByText('Kedung Badak, Tanah Sareal').count()).toBe(1);
    expect(await card.getByRole('link', { name: 'Buka komentar' }).getAttribute('href')).toMatch(/^https:\/\/www\.instagram\.com\//);

    // why it was classified so, and the post it answers
    await card.getByRole('button', { name: 'Rincian' }).click();
    await card.getByRole('heading', { name: 'Mengapa ini aduan' }).waitFor();
    expect(await card.getByText('“macet”', { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(page, 'aduan-inbox-phone');

    await card.getByRole('button', { name: 'Disposisi ke Dinas Perhubungan' }).click();
    await page.getByRole('listitem').filter({ hasText: TEXT }).getByText('Didisposisikan', { exact: true }).waitFor();
    const [row] = await ds.query(`SELECT t.status, u.code FROM aduan_tickets t JOIN units u ON u.id = t.agency_unit_id WHERE t.comment_id = $1`, [comment.id]);
    expect(row).toEqual({ status: 'didisposisikan', code: '32.71.OPD.DISHUB' });
    // fits a 390 px phone: nothing of the inbox reaches past the screen's edge
    const widest = await page.$$eval('.inbox, .inbox *', (els: any[]) => Math.max(...els.map((e) => Math.ceil(e.getBoundingClientRect().right))));
    expect(widest).toBeLessThanOrEqual(390);
    await screenshot(page, 'aduan-inbox-routed-phone');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Complaints inbox' }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: TEXT }).getByText('Routed', { exact: true }).count()).toBe(1);
    await page.close();
  }, 90_000);
});
