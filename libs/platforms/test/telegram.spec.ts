import { describeContract } from './contract';
import { startHarness } from './harness';

describeContract('telegram', {
  basic: (_h, tag) => ({ text: `Jadwal vaksinasi ${tag}` }),
  withMedia: (h, tag) => ({ text: `Foto kegiatan ${tag}`, media: [{ url: h.media('kegiatan.jpg'), mimeType: 'image/jpeg' }] }),
  expectedRetrySec: 120,
  rejectedMessage: /can't parse entities/,
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
