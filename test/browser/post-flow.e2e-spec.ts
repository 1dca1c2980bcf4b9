import { Browser, Page } from 'playwright-core';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { SandboxHandle, startSandbox } from '@kabar/sandbox';
import { BATU_TULIS, BOGOR_SELATAN, BONDONGAN } from '../e2e/content/content-fixtures';
import { SECRET, createAccount } from '../e2e/publishing/publishing-fixtures';
import { describeBrowser, launchBrowser, screenshot } from '../support/browser';
import { loginInBrowser } from '../support/browser-auth';
import { sandboxEnv } from '../support/sandbox-config';
import { SpawnedApp, freePort, spawnApp } from '../support/spawn-app';
import { createTestDatabase } from '../support/test-database';
import { createUserWithRole } from '../support/users';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Tomorrow in WIB: a time the composer accepts whatever the hour the test runs at. */
const tomorrow = () => new Date(Date.now() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);

/**
 * The day-to-day flow of a kelurahan admin and their reviewer, in Chromium at desktop and phone widths: compose
 * (only the unit's accounts, per-platform text), submit, the reviewer told and approving from the post page, the
 * author told, published on the sandbox; changes requested and seen on Beranda; cancel, delete and duplicate.
 */
describeBrowser('a post from composer to published, on the post page (Chromium)', () => {
  let app: SpawnedApp;
  let browser: Browser;
  let sb: SandboxHandle;
  let db: Pool;
  let ds: DataSource;
  let drop: () => Promise<void>;
  let admin: { email: string; password: string };
  let reviewer: { email: string; password: string };
  let tg: { id: string; externalId: string };
  let masto: { id: string; externalId: string };
  let otherUnit: { id: string; externalId: string };

  beforeAll(async () => {
    const tdb = await createTestDatabase();
    drop = tdb.drop;
    sb = await startSandbox();
    const port = await freePort();
    app = await spawnApp({
      PORT: String(port),
      KABAR_PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: tdb.url,
      KABAR_SECRET_KEY: SECRET,
      KABAR_SEED_DEMO: 'true',
      KABAR_PUBLISH_DISPATCH_INTERVAL: '1s',
      ...sandboxEnv(sb),
    });
    db = new Pool({ connectionString: tdb.url, max: 2 });
    ds = new DataSource({ type: 'postgres', url: tdb.url });
    await ds.initialize();
    admin = await createUserWithRole({ ds }, { unitCode: BATU_TULIS, role: 'admin', name: 'Admin Batu Tulis' });
    reviewer = await createUserWithRole({ ds }, { unitCode: BOGOR_SELATAN, role: 'reviewer', name: 'Peninjau Bogor Selatan' });
    const unitOf = async (code: string) => (await db.query(`SELECT id FROM units WHERE code = $1`, [code])).rows[0].id as string;
    tg = await createAccount(db, sb, await unitOf(BATU_TULIS), 'telegram');
    masto = await createAccount(db, sb, await unitOf(BATU_TULIS), 'mastodon');
    otherUnit = await createAccount(db, sb, await unitOf(BONDONGAN), 'telegram');
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await ds?.destroy();
    await db?.end();
    await sb?.close();
    await drop?.();
  });

  const handle = async (id: string) => (await db.query(`SELECT handle FROM social_accounts WHERE id = $1`, [id])).rows[0].handle as string;

  async function open(user: { email: string; password: string }, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport });
    const page = await context.newPage();
    await loginInBrowser(page, app.baseUrl, user.email, user.password);
    return page;
  }

  /** Nothing on the post page is wider than the screen. */
  async function fits(page: Page) {
    const over = (await page.evaluate(`(() => { const el = document.querySelector('.post-page'); return el.scrollWidth - el.clientWidth; })()`)) as number;
    expect(over).toBeLessThanOrEqual(0);
  }

  it('kelurahan admin composes and submits, the reviewer is told and approves, the author is told, and it is published on the sandbox', async () => {
    // Batu Tulis's own history: 24 posts published at 19:00 WIB on yesterday's weekday in the weeks before
    const batuTulis = (await db.query(`SELECT id FROM units WHERE code = $1`, [BATU_TULIS])).rows[0].id;
    for (let k = 1; k <= 24; k++) {
      await db.query(
        `WITH at AS (SELECT ((date_trunc('day', now() AT TIME ZONE 'Asia/Jakarta') - interval '1 day' - ($3::int * interval '7 days') + interval '19 hours') AT TIME ZONE 'Asia/Jakarta') AS t),
              p AS (INSERT INTO posts (unit_id, pillar, status) VALUES ($1, 'cerita_wilayah', 'published') RETURNING id),
              tg AS (INSERT INTO post_targets (post_id, account_id, language, status, idempotency_key, published_at)
                     SELECT p.id, $2, 'id', 'published', gen_random_uuid()::text, at.t FROM p, at RETURNING id, post_id, published_at)
         INSERT INTO target_metrics (target_id, post_id, account_id, unit_id, platform, published_at, followers_at_post, likes, collected_at)
         SELECT tg.id, tg.post_id, $2, $1, 'telegram', tg.published_at, 1000, 40, tg.published_at FROM tg`,
        [batuTulis, tg.id, k],
      );
    }
    const page = await open(admin, DESKTOP);
    await page.goto(`${app.baseUrl}/posts/new`);
    await page.getByRole('heading', { name: 'Unggahan baru' }).waitFor();
    // only Batu Tulis's own accounts are offered, grouped by platform, and the search narrows them
    const tgHandle = await handle(tg.id);
    const mastoHandle = await handle(masto.id);
    await page.getByLabel(`Telegram · ${tgHandle}`).waitFor();
    expect(await page.getByLabel(`Telegram · ${await handle(otherUnit.id)}`).count()).toBe(0);
    expect(await page.locator('.platform-group h3').allTextContents()).toEqual(['Mastodon (1)', 'Telegram (1)']);
    await page.getByLabel('Cari akun').fill(mastoHandle);
    expect(await page.getByLabel(`Telegram · ${tgHandle}`).count()).toBe(0);
    await page.getByLabel('Cari akun').fill('');

    await page.getByLabel('Pilar konten').selectOption('cerita_wilayah');
    await page.getByLabel(`Telegram · ${tgHandle}`).check();
    await page.getByLabel(`Mastodon · ${mastoHandle}`).check();
    await page.getByRole('textbox', { name: 'Teks unggahan' }).fill('Kerja bakti warga RW 05 membersihkan saluran air, Minggu pukul 07.00.');
    // live counters per platform, as each platform counts
    await page
      .getByTestId('platform-counters')
      .getByText(/^Telegram: sisa 4\.\d{3} karakter · Mastodon: sisa 4\d\d karakter$/)
      .waitFor();
    // Mastodon gets a text of its own
    await page.getByRole('tab', { name: /^Mastodon/ }).click();
    await page.getByRole('button', { name: 'Tulis teks khusus Mastodon' }).click();
    await page.getByLabel('Teks khusus Mastodon').fill('Kerja bakti RW 05, Minggu 07.00. #BatuTulis');
    await page.getByRole('tab', { name: 'Semua platform' }).click();
    // the best time from the unit's own history, beside the time field, fills it in one click
    await page.getByTestId('best-time').getByText('Waktu terbaik menurut 24 unggahan unit ini:').waitFor();
    await page
      .getByTestId('best-time')
      .getByRole('button', { name: /^Pakai .* pukul 19\.00$/ })
      .click();
    expect(await page.getByLabel(/Waktu terbit/).inputValue()).toBe('19:00');
    const best = await (await page.request.get(`${app.baseUrl}/api/v1/posts/best-time?unitId=${batuTulis}`)).json();
    expect(await page.getByLabel('Tanggal terbit').inputValue()).toBe(best.slots[0].next.slice(0, 10));
    await page.getByLabel('Tanggal terbit').fill(tomorrow());
    await page.getByLabel(/Waktu terbit/).fill('09:00');
    // previews look like each platform: the account's initial, its name, its own text
    const mastoPreview = page.getByRole('article', { name: `Pratinjau untuk Mastodon · ${mastoHandle}` });
    await mastoPreview.getByText('Kerja bakti RW 05, Minggu 07.00. #BatuTulis').waitFor();
    await screenshot(page, 'post-flow-composer-desktop');
    await page.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await page.getByText('Unggahan diajukan. Status: Sedang ditinjau.').waitFor();
    const [post] = (await db.query(`SELECT id, status FROM posts ORDER BY created_at DESC LIMIT 1`)).rows;
    expect(post.status).toBe('in_review');
    expect((await db.query(`SELECT platform, text FROM post_variants WHERE post_id = $1 ORDER BY platform NULLS FIRST`, [post.id])).rows).toEqual([
      { platform: null, text: 'Kerja bakti warga RW 05 membersihkan saluran air, Minggu pukul 07.00.' },
      { platform: 'mastodon', text: 'Kerja bakti RW 05, Minggu 07.00. #BatuTulis' },
    ]);

    // the reviewer is told, opens the post from the notification, reads it and approves it there
    const rev = await open(reviewer, DESKTOP);
    await rev.goto(`${app.baseUrl}/notifications`);
    await rev.getByText(/Unggahan baru dari Batu Tulis menunggu tinjauan Anda: "Kerja bakti warga RW 05/).waitFor();
    await rev.getByRole('button', { name: 'Buka unggahan' }).first().click();
    await rev.waitForURL((u) => u.pathname === '/posts/detail');
    await rev.getByText('Kerja bakti RW 05, Minggu 07.00. #BatuTulis').waitFor();
    expect(await rev.getByRole('button', { name: 'Ubah' }).count()).toBe(0); // a reviewer does not edit
    await rev.getByLabel('Komentar').fill('Bagus, terima kasih.');
    await rev.getByRole('button', { name: 'Setujui' }).click();
    await rev.getByText('Tersimpan. Status: Terjadwal.').waitFor();
    await rev
      .getByTestId('post-time')
      .getByText(/^Terjadwal terbit .* pukul 09\.00 WIB\.$/)
      .waitFor();
    await screenshot(rev, 'post-flow-approved-desktop');

    // the author is told it is scheduled, and the post page says so
    await page.goto(`${app.baseUrl}/notifications`);
    await page.getByText(/disetujui dan dijadwalkan terbit .* pukul 09\.00 WIB\./).waitFor();
    await page.getByRole('button', { name: 'Buka unggahan' }).first().click();
    await page.getByTestId('post-status').getByText('Terjadwal').waitFor();
    await page.getByText('Bagus, terima kasih.').waitFor();
    expect(await page.getByRole('button', { name: 'Jadwalkan ulang' }).count()).toBe(1);

    // the clock jumps to the publish time (the targets fall due now); the page turns published by itself
    await db.query(`UPDATE post_targets SET scheduled_at = now() WHERE post_id = $1`, [post.id]);
    await page.getByTestId('published-link').first().waitFor({ timeout: 45_000 });
    await page.locator('[data-status="published"]').nth(1).waitFor({ timeout: 45_000 });
    await page.getByTestId('post-status').getByText('Terbit').waitFor({ timeout: 15_000 });
    expect(sb.store.posts().map((p) => p.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('Kerja bakti warga RW 05'), expect.stringContaining('Kerja bakti RW 05, Minggu 07.00.')]),
    );
    // a published post offers no edit, no delete: only a copy
    await page.getByRole('button', { name: 'Gandakan' }).waitFor();
    expect(await page.getByRole('button', { name: 'Ubah' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Hapus' }).count()).toBe(0);
    await screenshot(page, 'post-flow-published-desktop');

    // the calendar opens the post page, not the editor
    await page.goto(`${app.baseUrl}/calendar?date=${tomorrow()}`);
    await page.locator('.cal-item').first().waitFor();
    await page.locator('.cal-item').first().click();
    await page.waitForURL((u) => u.pathname === '/posts/detail');
    await page.getByTestId('post-status').waitFor();
    await page.context().close();
    await rev.context().close();
  }, 180_000);

  it('on a phone: changes requested, seen on Beranda, fixed; cancel, duplicate and delete from the post page', async () => {
    const page = await open(admin, PHONE);
    const create = async (text: string) => {
      const res = await page.request.post(`${app.baseUrl}/api/v1/posts`, {
        headers: { origin: app.baseUrl },
        data: {
          unitId: (await db.query(`SELECT id FROM units WHERE code = $1`, [BATU_TULIS])).rows[0].id,
          pillar: 'layanan_publik',
          variants: [{ language: 'id', text }],
          targets: [{ accountId: tg.id }],
          scheduledAt: `${tomorrow()}T10:00`,
        },
      });
      expect(res.status()).toBe(201);
      const body = await res.json();
      expect((await page.request.post(`${app.baseUrl}/api/v1/posts/${body.id}/submit`, { headers: { origin: app.baseUrl }, data: {} })).status()).toBe(200);
      return body.id as string;
    };
    const first = await create('Pelayanan KTP-el buka hari Sabtu di kantor kelurahan.');

    const rev = await open(reviewer, PHONE);
    await rev.goto(`${app.baseUrl}/posts/detail?id=${first}`);
    await rev.getByLabel('Komentar').fill('Sebutkan jam buka.');
    await rev.getByRole('button', { name: 'Minta perbaikan' }).click();
    await rev.getByText('Tersimpan. Status: Perlu perbaikan.').waitFor();
    await fits(rev);
    await screenshot(rev, 'post-flow-changes-requested-phone');

    // Beranda: a short summary, the post one tap away; the notification says what to change
    await page.goto(`${app.baseUrl}/`);
    const card = page.getByTestId('home-changes');
    expect(await card.getByTestId('home-changes-count').textContent()).toBe('1 unggahan diminta diperbaiki');
    await screenshot(page, 'post-flow-home-phone');
    await card.getByRole('link', { name: /Pelayanan KTP-el/ }).click();
    await page.getByText('Sebutkan jam buka.').waitFor();
    await fits(page);
    await screenshot(page, 'post-flow-post-page-phone');
    await page.getByRole('button', { name: 'Ubah' }).click();
    await page.getByRole('heading', { name: 'Ubah unggahan' }).waitFor();
    await page.getByRole('textbox', { name: 'Teks unggahan' }).fill('Pelayanan KTP-el buka hari Sabtu pukul 08.00–12.00 di kantor kelurahan.');
    await page.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await page.getByText('Unggahan diajukan. Status: Sedang ditinjau.').waitFor();

    // cancel, with a second tap
    await page.goto(`${app.baseUrl}/posts/detail?id=${first}`);
    await page.getByRole('button', { name: 'Batalkan unggahan' }).click();
    await page.getByRole('button', { name: 'Ya, batalkan' }).click();
    await page.getByText('Tersimpan. Status: Dibatalkan.').waitFor();
    expect((await db.query(`SELECT status FROM posts WHERE id = $1`, [first])).rows[0].status).toBe('cancelled');

    // duplicate: a new draft in the editor, the original untouched
    await page.getByRole('button', { name: 'Gandakan' }).click();
    await page.getByRole('heading', { name: 'Ubah unggahan' }).waitFor();
    const copyId = new URL(page.url()).searchParams.get('id')!;
    expect(copyId).not.toBe(first);
    expect((await db.query(`SELECT status, scheduled_at FROM posts WHERE id = $1`, [copyId])).rows[0]).toEqual({ status: 'draft', scheduled_at: null });
    expect(await page.getByRole('textbox', { name: 'Teks unggahan' }).inputValue()).toBe(
      'Pelayanan KTP-el buka hari Sabtu pukul 08.00–12.00 di kantor kelurahan.',
    );

    // delete the cancelled original (nothing went out from it)
    await page.goto(`${app.baseUrl}/posts/detail?id=${first}`);
    await page.getByRole('button', { name: 'Hapus' }).click();
    await screenshot(page, 'post-flow-delete-confirm-phone');
    await page.getByRole('button', { name: 'Ya, hapus' }).click();
    await page.waitForURL((u) => u.pathname === '/posts');
    expect((await db.query(`SELECT count(*)::int AS n FROM posts WHERE id = $1`, [first])).rows[0].n).toBe(0);
    await page.context().close();
    await rev.context().close();
  }, 120_000);

  it('the composer offers only the unit’s accounts, and another unit’s account is not accepted', async () => {
    const page = await open(admin, PHONE);
    await page.goto(`${app.baseUrl}/posts/new`);
    await page.getByLabel(`Telegram · ${await handle(tg.id)}`).waitFor();
    expect(await page.locator('.target-picker input[type="checkbox"]').count()).toBe(2);
    await screenshot(page, 'post-flow-composer-phone');
    const res = await page.request.post(`${app.baseUrl}/api/v1/posts`, {
      headers: { origin: app.baseUrl },
      data: {
        unitId: (await db.query(`SELECT id FROM units WHERE code = $1`, [BATU_TULIS])).rows[0].id,
        pillar: 'layanan_publik',
        variants: [{ language: 'id', text: 'Uji' }],
        targets: [{ accountId: otherUnit.id }],
      },
    });
    expect(res.status()).toBe(400);
    // an account of a unit the admin does not see is not described to them
    expect((await res.json()).details[0].message).toBe('Akun ini tidak ditemukan atau Anda bukan admin akun ini.');

    // a draft whose planned time has passed says so, and never shows as scheduled
    const draft = await page.request.post(`${app.baseUrl}/api/v1/posts`, {
      headers: { origin: app.baseUrl },
      data: {
        unitId: (await db.query(`SELECT id FROM units WHERE code = $1`, [BATU_TULIS])).rows[0].id,
        pillar: 'layanan_publik',
        variants: [{ language: 'id', text: 'Posyandu balita hari Rabu.' }],
        targets: [{ accountId: tg.id }],
        scheduledAt: `${tomorrow()}T08:00`,
      },
    });
    const draftId = (await draft.json()).id;
    await db.query(`UPDATE posts SET scheduled_at = now() - interval '2 days' WHERE id = $1`, [draftId]);
    await db.query(`UPDATE post_targets SET scheduled_at = now() - interval '2 days' WHERE post_id = $1`, [draftId]);
    await page.goto(`${app.baseUrl}/posts/detail?id=${draftId}`);
    await page
      .getByTestId('post-time')
      .getByText(/^Rencana terbit .* sudah lewat: pilih waktu baru\.$/)
      .waitFor();
    const card = page.locator('[data-status="pending"]');
    expect(await card.getByTestId('target-status').textContent()).toBe('Belum terjadwal');
    await card.getByText(/rencana .* sudah lewat/).waitFor();
    expect(await page.getByText('Terjadwal', { exact: true }).count()).toBe(0);

    // the same page in English
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByTestId('post-time')
      .getByText(/^Planned for .*, which has passed: pick a new time\.$/)
      .waitFor();
    expect(await card.getByTestId('target-status').textContent()).toBe('Not scheduled');
    await page.getByRole('button', { name: 'Submit for review' }).waitFor();
    await screenshot(page, 'post-flow-past-draft-phone-en');
    await page.context().close();
  }, 60_000);
});
