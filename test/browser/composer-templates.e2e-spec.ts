import { Page } from 'playwright-core';
import { describeBrowser, screenshot } from '../support/browser';
import { BROWSER_ADMIN, BrowserApp, startBrowserApp } from '../support/browser-app';
import { loginInBrowser } from '../support/browser-auth';

const TEMPLATE = {
  name: 'Kerja bakti mingguan',
  pillar: 'cerita_wilayah',
  variants: [
    { language: 'id', text: 'Ayo ikut kerja bakti membersihkan saluran air, Minggu pukul 07.00.', hashtags: ['KerjaBakti'], link: 'https://kotabogor.go.id' },
    { language: 'en', text: 'Join the drain clean-up this Sunday at 07:00.', hashtags: [], link: null },
  ],
};

/** Polls until `read` returns `expected` (jest has no expect.poll), then asserts it. */
async function until<T>(read: () => Promise<T> | T, expected: T, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  let got = await read();
  while (got !== expected && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    got = await read();
  }
  expect(got).toBe(expected);
}

describeBrowser('composer templates and hashtag sets (Chromium)', () => {
  let ctx: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    ctx = await startBrowserApp();
    const context = await ctx.browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    page = await context.newPage();
    await loginInBrowser(page, ctx.app.baseUrl, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it('fills the texts from a template (asking first) and adds a hashtag set without duplicates', async () => {
    const base = ctx.app.baseUrl;
    const units = (await (await page.request.get(`${base}/api/v1/units`)).json()) as Array<{ id: string }>;
    const unitId = units[0].id;
    const created = await page.request.post(`${base}/api/v1/templates`, {
      data: { unitId, ...TEMPLATE },
      headers: { Origin: base }, // a cookie write must name our own origin (CSRF guard)
    });
    expect(created.status()).toBe(201);

    await page.goto(`${base}/posts/new`);
    await page.getByRole('heading', { name: 'Unggahan baru' }).waitFor();
    await page.getByLabel('Unit', { exact: true }).selectOption(unitId);
    const text = page.getByRole('textbox', { name: 'Teks unggahan' });
    const tags = page.getByLabel('Tagar', { exact: true });
    await text.fill('Draf lama yang belum selesai.');

    // Declining the confirmation keeps what was written.
    await page.getByLabel('Templat', { exact: true }).selectOption({ label: TEMPLATE.name });
    const messages: string[] = [];
    page.once('dialog', (d) => {
      messages.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('button', { name: 'Pakai templat' }).click();
    await until(() => messages.length, 1);
    expect(messages[0]).toBe(`Teks yang sudah Anda tulis akan diganti dengan isi templat "${TEMPLATE.name}". Lanjutkan?`);
    expect(await text.inputValue()).toBe('Draf lama yang belum selesai.');

    // Accepting fills both languages, hashtags, link and the empty pillar.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Pakai templat' }).click();
    await until(() => text.inputValue(), TEMPLATE.variants[0].text);
    expect(await tags.inputValue()).toBe('#KerjaBakti');
    expect(await page.getByLabel('Tautan').inputValue()).toBe('https://kotabogor.go.id');
    expect(await page.getByLabel('Pilar konten').inputValue()).toBe('cerita_wilayah');

    // The seeded city set goes to the tab being edited, once.
    const set = page.getByLabel('Set tagar');
    await set.selectOption({ label: 'Umum Pemkot (#KotaBogor #PemkotBogor)' });
    await page.getByRole('button', { name: 'Tambahkan tagar' }).click();
    await until(() => tags.inputValue(), '#KerjaBakti #KotaBogor #PemkotBogor');
    await set.selectOption({ label: 'Umum Pemkot (#KotaBogor #PemkotBogor)' });
    await page.getByRole('button', { name: 'Tambahkan tagar' }).click();
    expect(await tags.inputValue()).toBe('#KerjaBakti #KotaBogor #PemkotBogor');
    await screenshot(page, 'composer-template-hashtags');

    await page.getByRole('tab', { name: 'Bahasa Inggris' }).click();
    expect(await text.inputValue()).toBe(TEMPLATE.variants[1].text);
    expect(await tags.inputValue()).toBe('');

    // Back on the Indonesian tab, its hashtags are as they were.
    await page.getByRole('tab', { name: 'Bahasa Indonesia' }).click();
    expect(await tags.inputValue()).toBe('#KerjaBakti #KotaBogor #PemkotBogor');
  });

  it('saving a post in the composer keeps the per-platform overrides the form does not show', async () => {
    const base = ctx.app.baseUrl;
    const write = { headers: { Origin: base } };
    const units = (await (await page.request.get(`${base}/api/v1/units`)).json()) as Array<{ id: string; code: string | null }>;
    const unitId = units.find((u) => u.code === '32.71.OPD.DISKOMINFO')!.id;
    const created = await page.request.post(`${base}/api/v1/posts`, {
      ...write,
      data: {
        unitId,
        pillar: 'layanan_publik',
        variants: [
          { language: 'id', text: 'Layanan KTP-el keliling hadir di kelurahan Anda.' },
          { language: 'id', platform: 'x', text: 'KTP-el keliling: cek jadwalnya di situs Disdukcapil.' },
        ],
        scheduledAt: '2027-01-05T09:00',
      },
    });
    expect(created.status()).toBe(201);
    const post = (await created.json()) as { id: string };

    await page.goto(`${base}/posts/new?id=${post.id}`);
    const text = page.getByRole('textbox', { name: 'Teks unggahan' });
    await until(() => text.inputValue(), 'Layanan KTP-el keliling hadir di kelurahan Anda.');
    await text.fill('Layanan KTP-el keliling hadir di kelurahan Anda, Selasa pukul 09.00.');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await page.getByText('Draf tersimpan.').waitFor();

    const saved = (await (await page.request.get(`${base}/api/v1/posts/${post.id}`)).json()) as { variants: Array<{ platform: string | null; text: string }> };
    expect(saved.variants.find((v) => !v.platform)?.text).toBe('Layanan KTP-el keliling hadir di kelurahan Anda, Selasa pukul 09.00.');
    expect(saved.variants.find((v) => v.platform === 'x')?.text).toBe('KTP-el keliling: cek jadwalnya di situs Disdukcapil.');
  });
});
