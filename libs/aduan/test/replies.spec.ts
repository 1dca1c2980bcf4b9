import { KOTA_BOGOR } from '../src/classifier/city-config';
import { detectLanguage } from '../src/replies/reply-language';
import { addressOf, KOTA_BOGOR_REPLY_TEMPLATES, renderTemplate, templateKeysFor } from '../src/replies/reply-templates';
import { REPLY_WINDOWS, windowWarning } from '../src/replies/reply-windows';
import { fallbackTicket, replyToOf } from '../src/replies/replies.service';

const set = KOTA_BOGOR_REPLY_TEMPLATES;

describe('reply templates', () => {
  it('are seeded for every category of the city, forwarded and handled, in Indonesian and English, with every placeholder', () => {
    for (const c of KOTA_BOGOR.categories)
      for (const kind of ['diteruskan', 'selesai']) {
        const t = set.templates[`${c.key}.${kind}`];
        expect({ key: `${c.key}.${kind}`, id: !!t?.id, en: !!t?.en }).toEqual({ key: `${c.key}.${kind}`, id: true, en: true });
        for (const lang of ['id', 'en'] as const) for (const p of ['{handle}', '{agency}', '{ticket}']) expect(t[lang]).toContain(p);
      }
    for (const t of Object.values(set.templates)) expect(Object.keys(t).sort()).toEqual(['en', 'id']);
  });

  it('render the handle, the agency (else the communication office) and the ticket', () => {
    const values = { handle: addressOf('instagram', 'siti.bogor'), agency: 'Dinas Lingkungan Hidup', ticket: 'ADU-0042' };
    expect(renderTemplate(set, 'sampah_kebersihan.diteruskan', 'id', values)).toBe(
      'Halo @siti.bogor, terima kasih atas laporannya. Laporan soal sampah dan kebersihan ini sudah kami teruskan ke Dinas Lingkungan Hidup agar segera ditangani. Nomor aduan Anda: ADU-0042. Salam, Pemkot Bogor.',
    );
    expect(renderTemplate(set, 'lainnya.diteruskan', 'en', { ...values, agency: null })).toContain(
      "passed it on to Kota Bogor's communication office (Diskominfo)",
    );
    expect(renderTemplate(set, 'tidak.ada', 'id', values)).toBeNull();
    // Facebook shows names, not handles; other platforms are addressed by @handle, never @@.
    expect(addressOf('facebook', 'Budi Santoso')).toBe('Budi Santoso');
    expect(addressOf('x', '@budi')).toBe('@budi');
  });

  it('are offered with the comment’s category first, then the general ones', () => {
    expect(templateKeysFor(set, 'pkl')).toEqual(['pkl.diteruskan', 'pkl.selesai', 'umum.terima_kasih', 'umum.info', 'umum.bukan_wewenang']);
    expect(templateKeysFor(set, null)).toEqual(['umum.terima_kasih', 'umum.info', 'umum.bukan_wewenang']);
  });
});

describe("the citizen's language", () => {
  it.each([
    ['jln pajajaran macet parah gk gerak udh sejam, tolong dong dishub', 'id'],
    ['min, lampu jalan di depan rumah saya mati udah seminggu', 'id'],
    ['The street light in front of my hotel has been broken for a week, please fix it', 'en'],
    ['Why is the trash not collected on this street again?', 'en'],
    // too short to tell: answered in Indonesian, the city's default
    ['mantap', 'id'],
    ['ok thanks', 'id'],
  ])('%s → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));
});

describe('reply windows', () => {
  const written = new Date('2026-03-02T01:00:00Z');
  const at = (hours: number) => new Date(written.getTime() + hours * 3_600_000);

  it('Meta: the 7-day private-reply window warns in its last day and says when it closed; public replies have none', () => {
    expect(windowWarning('facebook', written, at(6 * 24 - 1))).toBeNull();
    expect(windowWarning('instagram', written, at(6 * 24 + 2))).toEqual({
      code: 'aduan.replies.warnings.privateWindowClosing',
      params: { platform: 'instagram', days: 7, hoursLeft: 22, closesAt: '2026-03-09T01:00:00.000Z' },
    });
    expect(windowWarning('facebook', written, at(7 * 24 + 1))?.code).toBe('aduan.replies.warnings.privateWindowClosed');
    expect(REPLY_WINDOWS.facebook.publicDays).toBeNull();
  });

  it('no window on X, Mastodon, YouTube, Threads and Telegram; TikTok cannot reply at all', () => {
    for (const p of ['x', 'mastodon', 'youtube', 'threads', 'telegram'] as const) {
      expect(windowWarning(p, written, at(24 * 365))).toBeNull();
      expect(REPLY_WINDOWS[p]).toEqual({ publicDays: null, privateDays: null, supported: true });
    }
    expect(REPLY_WINDOWS.tiktok.supported).toBe(false);
  });
});

describe('what a reply answers', () => {
  it('names the comment, its post and top-level comment; Telegram ids carry the discussion group', () => {
    expect(
      replyToOf({ platform: 'youtube', kind: 'reply', externalId: 'Ugx1.abc', postExternalId: 'vid', parentExternalId: 'Ugx1', authorHandle: '@w' }),
    ).toEqual({
      externalId: 'Ugx1.abc',
      postExternalId: 'vid',
      parentExternalId: 'Ugx1',
      authorHandle: '@w',
      kind: 'reply',
    });
    expect(
      replyToOf({ platform: 'telegram', kind: 'message', externalId: '-1001500000001:42', postExternalId: null, parentExternalId: null, authorHandle: 'w' }),
    ).toEqual({
      externalId: '-1001500000001:42',
      chatId: '-1001500000001',
      authorHandle: 'w',
      kind: 'message',
    });
    expect(fallbackTicket('0a1b2c3d-4e5f-6789-abcd-ef0123456789')).toBe('ADU-0A1B2C3D');
  });
});
