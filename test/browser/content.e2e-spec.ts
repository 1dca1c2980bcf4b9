import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { tinyPng } from '@kabar/content';
import { BATU_TULIS, BOGOR_SELATAN, createAccount } from '../e2e/content/content-fixtures';
import { describeBrowser, launchBrowser, screenshot } from '../support/browser';
import { SpawnedApp, spawnApp } from '../support/spawn-app';
import { createTestDatabase } from '../support/test-database';
import { createUserWithRole } from '../support/users';

const SECRET = Buffer.alloc(32, 5).toString('base64');
const day = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describeBrowser('content planner in the console (Chromium)', () => {
  let app: SpawnedApp;
  let browser: Browser;
  let ds: DataSource;
  let dropDb: () => Promise<void>;
  let dataDir: string;
  let admin: { email: string; password: string };
  let reviewer: { email: string; password: string };

  beforeAll(async () => {
    const db = await createTestDatabase();
    dropDb = db.drop;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-browser-'));
    app = await spawnApp({ DATABASE_URL: db.url, KABAR_SECRET_KEY: SECRET, KABAR_SEED_DEMO: 'true', KABAR_SANDBOX: 'false', KABAR_DATA_DIR: dataDir });
    ds = new DataSource({ type: 'postgres', url: db.url });
    await ds.initialize();
    const t = { ds, config: { secretKey: SECRET } as never };
    admin = await createUserWithRole(t, { unitCode: BATU_TULIS, role: 'admin', name: 'Admin Batu Tulis' });
    reviewer = await createUserWithRole(t, { unitCode: BOGOR_SELATAN, role: 'reviewer', name: 'Peninjau' });
    await createAccount(t, BATU_TULIS, 'x', 'kel_batutulis');
    await createAccount(t, BATU_TULIS, 'facebook', 'kelurahanbatutulis');
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await ds?.destroy();
    await dropDb?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function loggedIn(user: { email: string; password: string }): Promise<Page> {
    const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    const res = await page.request.post(`${app.baseUrl}/api/v1/auth/login`, { data: { email: user.email, password: user.password } });
    expect(res.status()).toBe(200);
    return page;
  }

  it('composes a bilingual post with an image for two accounts, is reviewed, shows on the calendar and is dragged to another day', async () => {
    const date = day(3);
    const page = await loggedIn(admin);
    await page.goto(`${app.baseUrl}/posts/new`);
    await page.getByRole('heading', { name: 'Unggahan baru' }).waitFor();
    await page.getByLabel('Pilar konten').selectOption('cerita_wilayah');
    await page.getByLabel('X · kel_batutulis').check();
    await page.getByLabel('Facebook · kelurahanbatutulis').check();
    await page.getByRole('textbox', { name: 'Teks unggahan' }).fill('Kerja bakti warga Batu Tulis membersihkan saluran air. '.repeat(6));
    await page.getByText(/Lebih [\d.]+ karakter dari batas/).waitFor();
    await page.getByText(/Terlalu panjang untuk X/).waitFor();
    await screenshot(page, 'content-composer-over-limit');
    await page.getByRole('textbox', { name: 'Teks unggahan' }).fill('Kerja bakti warga RW 05 membersihkan saluran air, Minggu pukul 07.00.');
    await page.getByText(/Lebih [\d.]+ karakter/).waitFor({ state: 'detached' });
    expect(await page.getByText(/Sisa [\d.]+ karakter/).count()).toBe(2);
    await page.getByText(/Sisa \d{2}\.\d{3} karakter/).waitFor(); // Facebook: 63.206 less the text, with a thousands dot
    await page.getByRole('tab', { name: 'Bahasa Inggris' }).click();
    await page.getByRole('textbox', { name: 'Teks unggahan' }).fill('Residents of RW 05 clean the drains together, Sunday at 07:00.');
    await page.getByLabel('Unggah gambar atau video').setInputFiles({ name: 'kerja-bakti.png', mimeType: 'image/png', buffer: tinyPng(800, 600) });
    await page.getByText('800 × 600').waitFor();
    await page.getByLabel('Tanggal terbit').fill(date);
    await page.getByLabel(/Waktu terbit/).fill('09:00');
    await page.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await page.getByText('Unggahan diajukan. Status: Sedang ditinjau.').waitFor();
    await screenshot(page, 'content-composer-submitted');

    const [post] = await ds.query(`SELECT id, status, scheduled_at FROM posts ORDER BY created_at DESC LIMIT 1`);
    expect(post.status).toBe('in_review');
    expect(new Date(post.scheduled_at).toISOString()).toBe(`${date}T02:00:00.000Z`);
    expect((await ds.query(`SELECT count(*)::int AS n FROM post_media WHERE post_id = $1`, [post.id]))[0].n).toBe(1);
    expect((await ds.query(`SELECT language FROM post_variants WHERE post_id = $1 ORDER BY language`, [post.id])).map((r: any) => r.language)).toEqual([
      'en',
      'id',
    ]);

    const rev = await loggedIn(reviewer);
    await rev.goto(`${app.baseUrl}/review`);
    await rev.getByRole('button', { name: /Batu Tulis: Kerja bakti warga RW 05/ }).click();
    await rev.getByRole('button', { name: 'Setujui' }).click();
    // Approved with its time still ahead: on the schedule at once.
    await rev.getByText('Tersimpan. Status: Terjadwal.').waitFor();
    await screenshot(rev, 'content-review-approved');
    expect((await ds.query(`SELECT status FROM posts WHERE id = $1`, [post.id]))[0].status).toBe('scheduled');

    await page.goto(`${app.baseUrl}/calendar?date=${date}`);
    const item = page.locator(`[data-date="${date}"] .cal-item`);
    await item.waitFor();
    expect(await item.textContent()).toContain('09.00');
    const next = day(4);
    // HTML5 drag and drop: press on the card, move in steps onto the next day's cell, release
    await item.hover();
    await page.mouse.down();
    const box = (await page.locator(`[data-date="${next}"]`).boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 50, { steps: 12 });
    await page.mouse.up();
    await page.getByText(/Dijadwalkan ulang ke .* pukul 09\.00 WIB\./).waitFor();
    await page.locator(`[data-date="${next}"] .cal-item`).waitFor();
    await screenshot(page, 'content-calendar-rescheduled');
    const [moved] = await ds.query(`SELECT status, scheduled_at FROM posts WHERE id = $1`, [post.id]);
    expect([moved.status, new Date(moved.scheduled_at).toISOString()]).toEqual(['scheduled', `${next}T02:00:00.000Z`]);
  }, 90_000);
});
