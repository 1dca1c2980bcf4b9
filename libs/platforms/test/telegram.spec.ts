import axios from 'axios';
import { telegramDeleteMessage, telegramEditCalls, telegramHumanPost, telegramMessages, telegramSetBotRights } from '../../sandbox/src/platforms/telegram';
import { candidateWindow } from '../src/telegram/telegram-window';
import { AccountCredentials, CheckRequest, KnownPost, PlatformAdapter, PublishContent } from '../src/types';
import { describeContract } from './contract';
import { Harness, startHarness } from './harness';

describeContract('telegram', {
  basic: (_h, tag) => ({ text: `Jadwal vaksinasi ${tag}` }),
  withMedia: (h, tag) => ({ text: `Foto kegiatan ${tag}`, media: [{ url: h.media('kegiatan.jpg'), mimeType: 'image/jpeg' }] }),
  expectedRetrySec: 120,
  rejectedMessage: /can't parse entities/,
  // Without a later known post the ids above the lost one cannot be bounded: unknown, never absent.
  provesAbsence: false,
});

describe('telegram specifics', () => {
  it('validates 4,096 for text and 1,024 for captions (UTF-16 units)', async () => {
    const h = await startHarness();
    const tg = h.registry.get('telegram');
    expect(tg.validate({ text: 'a'.repeat(4096) })).toEqual([]);
    expect(tg.validate({ text: 'a'.repeat(4097) })).toEqual([
      { field: 'text', code: 'platform.tooLong', params: { platform: 'telegram', length: 4097, max: 4096 } },
    ]);
    const photo = [{ url: h.media('a.jpg'), mimeType: 'image/jpeg' }];
    expect(tg.validate({ text: 'a'.repeat(1025), media: photo })[0].code).toBe('platform.tooLong');
    await h.close();
  });

  it('maps "bot was kicked" to auth and a too long message to rejected with the platform reason', async () => {
    const h = await startHarness();
    const acc = h.account('telegram');
    const tg = h.registry.get('telegram');
    h.sb.store.injectFault({ platform: 'telegram', kind: 'reject', message: 'Bad Request: message is too long' });
    await expect(tg.publish(acc, { text: 'x' }, { idempotencyKey: '1' })).rejects.toMatchObject({
      kind: 'rejected',
      platformMessage: 'Bad Request: message is too long',
      httpStatus: 400,
    });
    await expect(tg.publish({ ...acc, externalId: '@someone_else' }, { text: 'x' }, { idempotencyKey: '2' })).rejects.toMatchObject({
      kind: 'auth',
      platformMessage: 'Bad Request: chat not found',
    });
    await h.close();
  });
});

describe('telegram check() after a lost answer (edit probes)', () => {
  let h: Harness;
  let acc: AccountCredentials;
  let tg: PlatformAdapter;
  beforeAll(async () => {
    h = await startHarness();
    tg = h.registry.get('telegram');
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.sb.store.reset();
    acc = h.account('telegram');
  });

  // A fixed clock for the engine's view: Kabar's known post at 09:00, first try 09:10, answer lost 09:11.
  const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 2, minute));
  const since = at(10);
  const lostAt = at(11);
  const now = at(16);
  const known = (externalId: string, minute: number): KnownPost => ({ externalId, publishedAt: at(minute) });
  const request = (content: PublishContent, extra: Partial<CheckRequest> = {}): CheckRequest => ({
    content,
    since,
    lostAt,
    now,
    handles: {},
    known: [],
    otherUnknown: 0,
    ...extra,
  });
  const human = (text: string, photo = false) => telegramHumanPost(h.sb.store, acc.externalId, { text, photo });
  const messages = () => telegramMessages(h.sb.store, acc.externalId);
  const edits = () => telegramEditCalls(h.sb.store, acc.externalId);
  async function publishLost(content: PublishContent, kind: 'drop_after_accept' | '5xx'): Promise<void> {
    h.sb.store.injectFault({ platform: 'telegram', accountExternalId: acc.externalId, kind, calls: 'create' });
    await expect(tg.publish(acc, content, { idempotencyKey: 'lost' })).rejects.toMatchObject({ kind: 'unknown_outcome' });
  }

  it('finds the lost message among human posts (one with the same text) and changes no message', async () => {
    const first = await tg.publish(acc, { text: 'Jadwal posyandu Senin' }, { idempotencyKey: 'k1' });
    const lost = { text: 'Pemadaman listrik Selasa 10.00' };
    human('Selamat pagi warga Bogor');
    human(lost.text); // a person posted the same text: Kabar must not take it for its own
    human('Foto kegiatan', true);
    await publishLost(lost, 'drop_after_accept');
    human('Info lalu lintas');
    const before = messages();
    const res = await tg.check(acc, request(lost, { known: [known(first.externalId, 0)] }));
    expect(res).toEqual({ state: 'found', post: { externalId: '5', url: `https://t.me/${acc.handle}/5` }, how: 'telegram_edit_probe' });
    expect(messages()).toEqual(before);
    expect(messages().every((m) => !m.edited)).toBe(true);
    expect(edits()).toBe(4); // ids 2, 3, 4 refused, 5 "not modified"
  });

  it('finds a lost photo post through its caption (editMessageCaption)', async () => {
    const first = await tg.publish(acc, { text: 'Pengumuman pertama' }, { idempotencyKey: 'k1' });
    const lost = { text: 'Foto kerja bakti Minggu', media: [{ url: h.media('kerja-bakti.jpg'), mimeType: 'image/jpeg' }] };
    human('Foto kerja bakti Minggu'); // same words, but a text post: "there is no caption in the message to edit"
    human('Foto warga', true); // a human photo: "message can't be edited"
    await publishLost(lost, 'drop_after_accept');
    const before = messages();
    const res = await tg.check(acc, request(lost, { known: [known(first.externalId, 0)] }));
    expect(res).toMatchObject({ state: 'found', post: { externalId: '4' } });
    expect(messages()).toEqual(before);
    expect(h.sb.store.posts('telegram', acc.externalId).map((p) => p.text)).toEqual(['Pengumuman pertama', 'Foto kerja bakti Minggu']);
  });

  it('proves absence when a later known post bounds the ids (5xx before storing), editing nothing', async () => {
    const first = await tg.publish(acc, { text: 'Pengumuman pertama' }, { idempotencyKey: 'k1' });
    const lost = { text: 'Vaksinasi Rabu di puskesmas' };
    human('Selamat pagi');
    await publishLost(lost, '5xx');
    const gone = human('Salah ketik');
    telegramDeleteMessage(h.sb.store, acc.externalId, gone);
    human('Koreksi', true);
    // No later post yet: the ids above cannot be bounded (a run of deleted messages looks like the end).
    expect(await tg.check(acc, request(lost, { known: [known(first.externalId, 0)] }))).toEqual({ state: 'unknown', reason: 'telegram_no_later_post' });
    expect(edits()).toBe(6); // ids 2, 3 (deleted), 4, then 5, 6, 7 not found
    const later = await tg.publish(acc, { text: 'Pengumuman berikutnya' }, { idempotencyKey: 'k2' });
    const before = messages();
    const res = await tg.check(acc, request(lost, { known: [known(first.externalId, 0), known(later.externalId, 30)] }));
    expect(res).toEqual({ state: 'absent', how: 'telegram_edit_probe_bounded' });
    expect(edits()).toBe(6 + 3); // ids 2, 3, 4; 5 is the later known post
    expect(messages()).toEqual(before);
  });

  it('never adopts a bot message Kabar failed to report as known or unresolved', async () => {
    const first = await tg.publish(acc, { text: 'Pengumuman pertama' }, { idempotencyKey: 'k1' });
    const lost = { text: 'Pengumuman hilang' };
    await publishLost(lost, '5xx');
    await tg.publish(acc, { text: 'Pesan bot lain' }, { idempotencyKey: 'k2' }); // the engine forgot to pass this one
    const res = await tg.check(acc, request(lost, { known: [known(first.externalId, 0)] }));
    expect(res).toEqual({ state: 'unknown', reason: 'telegram_probe_edited_message' });
  });

  it('does not take a post sent while the lost request may still run as an upper bound', async () => {
    const first = await tg.publish(acc, { text: 'Pengumuman pertama' }, { idempotencyKey: 'k1' });
    const lost = { text: 'Lomba 17 Agustus' };
    await publishLost(lost, '5xx');
    const soon = await tg.publish(acc, { text: 'Pengumuman susulan' }, { idempotencyKey: 'k2' });
    const res = await tg.check(
      acc,
      request(lost, { known: [known(first.externalId, 0), { externalId: soon.externalId, publishedAt: new Date(lostAt.getTime() + 20_000) }] }),
    );
    expect(res).toEqual({ state: 'unknown', reason: 'telegram_no_later_post' });
  });

  it('asks again later while no later post can bound the search yet', async () => {
    await tg.publish(acc, { text: 'Pengumuman pertama' }, { idempotencyKey: 'k1' });
    const lost = { text: 'Kerja bakti Sabtu' };
    await publishLost(lost, '5xx');
    const early = await tg.check(acc, request(lost, { known: [known('1', 0)], now: new Date(lostAt.getTime() + 60_000) }));
    expect(early).toEqual({ state: 'pending', how: 'telegram_no_later_post_waiting', retryAfterMs: 20_000, unknownReason: 'telegram_no_later_post' });
    const waiting = await tg.check(acc, request(lost, { known: [known('1', 0)], otherUnknown: 1, now: new Date(lostAt.getTime() + 60_000) }));
    expect(waiting.state).toBe('pending');
  });

  it('is unknown, without any edit, for the first post of a channel', async () => {
    const lost = { text: 'Salam kenal' };
    await publishLost(lost, 'drop_after_accept');
    expect(await tg.check(acc, request(lost))).toEqual({ state: 'unknown', reason: 'telegram_no_earlier_post' });
    expect(edits()).toBe(0);
  });

  it('is unknown, without any edit, while another Kabar post of the channel is unresolved', async () => {
    const first = await tg.publish(acc, { text: 'Pengumuman pertama' }, { idempotencyKey: 'k1' });
    const lost = { text: 'Pengumuman kedua' };
    await publishLost(lost, 'drop_after_accept');
    const res = await tg.check(acc, request(lost, { known: [known(first.externalId, 0)], otherUnknown: 1 }));
    expect(res).toEqual({ state: 'unknown', reason: 'telegram_other_unconfirmed' });
    expect(edits()).toBe(0);
  });

  it('is unknown, without any edit, when the bot may edit messages of others', async () => {
    const first = await tg.publish(acc, { text: 'Pengumuman pertama' }, { idempotencyKey: 'k1' });
    const lost = { text: 'Pengumuman kedua' };
    human(lost.text);
    await publishLost(lost, 'drop_after_accept');
    telegramSetBotRights(h.sb.store, acc.externalId, { can_edit_messages: true });
    const res = await tg.check(acc, request(lost, { known: [known(first.externalId, 0)] }));
    expect(res).toEqual({ state: 'unknown', reason: 'telegram_bot_can_edit_others' });
    expect(edits()).toBe(0);
    telegramSetBotRights(h.sb.store, acc.externalId, { can_edit_messages: false, can_post_messages: false });
    expect(await tg.check(acc, request(lost, { known: [known(first.externalId, 0)] }))).toEqual({ state: 'unknown', reason: 'telegram_bot_cannot_post' });
    expect(edits()).toBe(0);
  });

  it('stops after 50 probes on a busy channel', async () => {
    const first = await tg.publish(acc, { text: 'Pengumuman pertama' }, { idempotencyKey: 'k1' });
    const lost = { text: 'Pengumuman hilang' };
    await publishLost(lost, '5xx');
    for (let i = 0; i < 60; i++) human(`Komentar admin ${i}`);
    const later = await tg.publish(acc, { text: 'Pengumuman berikutnya' }, { idempotencyKey: 'k2' });
    const res = await tg.check(acc, request(lost, { known: [known(first.externalId, 0), known(later.externalId, 40)] }));
    expect(res).toEqual({ state: 'unknown', reason: 'telegram_too_many_candidates' });
    expect(edits()).toBe(50);
  });

  it('throws rate_limited on 429 so the engine asks again later', async () => {
    const first = await tg.publish(acc, { text: 'Pengumuman pertama' }, { idempotencyKey: 'k1' });
    const lost = { text: 'Pengumuman kedua' };
    await publishLost(lost, 'drop_after_accept');
    h.sb.store.injectFault({ platform: 'telegram', accountExternalId: acc.externalId, kind: '429', resetInSeconds: 30 });
    await expect(tg.check(acc, request(lost, { known: [known(first.externalId, 0)] }))).rejects.toMatchObject({ kind: 'rate_limited' });
  });
});

describe('telegram sandbox behaves like the Bot API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("never delivers the bot's own posts through getUpdates; human posts do arrive", async () => {
    const acc = h.account('telegram');
    const tg = h.registry.get('telegram');
    await tg.publish(acc, { text: 'Dari bot' }, { idempotencyKey: 'k' });
    telegramHumanPost(h.sb.store, acc.externalId, { text: 'Dari admin' });
    const res = await axios.post(`${h.sb.apiUrls.telegram}/bot${acc.accessToken}/getUpdates`, { allowed_updates: ['channel_post'] });
    expect(res.data.result.map((u: { channel_post: { text: string } }) => u.channel_post.text)).toEqual(['Dari admin']);
    expect(await tg.findRecent(acc, new Date(0))).toEqual([]);
  });

  it('refuses edits with the Bot API texts and really edits otherwise', async () => {
    const acc = h.account('telegram');
    const tg = h.registry.get('telegram');
    const edit = (method: string, data: Record<string, unknown>) =>
      axios.post(`${h.sb.apiUrls.telegram}/bot${acc.accessToken}/${method}`, { chat_id: acc.externalId, ...data }, { validateStatus: () => true });
    const mine = await tg.publish(acc, { text: 'Asli' }, { idempotencyKey: 'k' });
    const photo = await tg.publish(acc, { text: 'Foto', media: [{ url: h.media('a.jpg'), mimeType: 'image/jpeg' }] }, { idempotencyKey: 'p' });
    const theirs = telegramHumanPost(h.sb.store, acc.externalId, { text: 'Milik admin' });
    const preview = { is_disabled: false };
    const answers = await Promise.all([
      edit('editMessageText', { message_id: 99, text: 'x' }),
      edit('editMessageText', { message_id: theirs, text: 'Milik admin' }),
      edit('editMessageText', { message_id: Number(photo.externalId), text: 'Foto' }),
      edit('editMessageCaption', { message_id: Number(mine.externalId), caption: 'Asli' }),
      edit('editMessageText', { message_id: Number(mine.externalId), text: 'Asli', link_preview_options: preview }),
    ]);
    expect(answers.map((a) => [a.status, a.data.description])).toEqual([
      [400, 'Bad Request: message to edit not found'],
      [400, "Bad Request: message can't be edited"],
      [400, 'Bad Request: there is no text in the message to edit'],
      [400, 'Bad Request: there is no caption in the message to edit'],
      [400, expect.stringMatching(/^Bad Request: message is not modified: /)],
    ]);
    const changed = await edit('editMessageText', { message_id: Number(mine.externalId), text: 'Diubah', link_preview_options: preview });
    expect(changed.data).toMatchObject({ ok: true, result: { text: 'Diubah', edit_date: expect.any(Number) } });
    expect(h.sb.store.posts('telegram', acc.externalId)[0].text).toBe('Diubah');
    telegramSetBotRights(h.sb.store, acc.externalId, { can_edit_messages: true });
    expect((await edit('editMessageText', { message_id: theirs, text: 'Ditimpa' })).data.ok).toBe(true);
    const me = await axios.post(`${h.sb.apiUrls.telegram}/bot${acc.accessToken}/getMe`);
    const member = await axios.post(`${h.sb.apiUrls.telegram}/bot${acc.accessToken}/getChatMember`, { chat_id: acc.externalId, user_id: me.data.result.id });
    expect(member.data.result).toMatchObject({ status: 'administrator', can_post_messages: true, can_edit_messages: true });
  });

  it('is steered over HTTP: human posts, bot rights, messages', async () => {
    const acc = h.account('telegram');
    const control = (path: string, body: unknown) => axios.post(`${h.sb.url}/_sandbox/telegram/${path}`, body);
    expect((await control('human-post', { externalId: acc.externalId, text: 'Halo' })).data).toEqual({ message_id: 1 });
    expect((await control('bot-rights', { externalId: acc.externalId, can_edit_messages: true })).data).toEqual({
      can_post_messages: true,
      can_edit_messages: true,
    });
    const list = await axios.get(`${h.sb.url}/_sandbox/telegram/messages`, { params: { account: acc.externalId } });
    expect(list.data).toEqual({ messages: [{ messageId: 1, author: 'human', kind: 'text', text: 'Halo', edited: false, deleted: false }], editCalls: 0 });
  });
});

describe('telegram candidate window', () => {
  const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 2, minute));
  const req = (known: Array<[string, number]>): CheckRequest => ({
    content: { text: 'x' },
    since: at(10),
    lostAt: at(11),
    now: at(60),
    handles: {},
    known: known.map(([externalId, m]) => ({ externalId, publishedAt: at(m) })),
    otherUnknown: 0,
  });

  it('takes the highest id published by the first try and the lowest surely sent after the loss', () => {
    const w = candidateWindow(
      req([
        ['7', 0],
        ['9', 5],
        ['12', 11],
        ['20', 14],
        ['15', 20],
      ]),
      30_000,
      120_000,
    );
    expect(w).toEqual({ lower: 9, upper: 15, known: new Set([7, 9, 12, 20, 15]) });
    expect(candidateWindow(req([['12', 11]]), 30_000, 120_000).lower).toBeUndefined();
    expect(candidateWindow(req([['abc', 0]]), 30_000, 120_000)).toEqual({ lower: undefined, upper: undefined, known: new Set() });
  });
});
