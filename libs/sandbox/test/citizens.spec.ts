import * as fs from 'fs';
import * as path from 'path';
import { citizenComment, sandboxComments, SandboxStore } from '../src';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/aduan');
const HOUR = 3_600_000;

describe('simulated citizens', () => {
  it('write the same comments from the same seed and key, other ones from another seed', () => {
    const a = Array.from({ length: 50 }, (_, i) => citizenComment(7, 'facebook:p', i));
    expect(Array.from({ length: 50 }, (_, i) => citizenComment(7, 'facebook:p', i))).toEqual(a);
    const b = Array.from({ length: 50 }, (_, i) => citizenComment(8, 'facebook:p', i));
    expect(b.filter((c, i) => c.text !== a[i].text).length).toBeGreaterThan(25);
  });

  it('write every intent in everyday Indonesian, name places, and never repeat the classifier’s labelled sentences', () => {
    const sample = Array.from({ length: 3000 }, (_, i) => citizenComment(42, 'x', i));
    const intents = new Set(sample.map((c) => c.intent));
    expect([...intents].sort()).toEqual(['chatter', 'complaint', 'info_request', 'joke', 'political', 'praise', 'question', 'spam']);
    const complaints = sample.filter((c) => c.intent === 'complaint');
    expect(complaints.length / sample.length).toBeGreaterThan(0.25);
    const texts = sample.map((c) => c.text).join('\n');
    for (const word of ['jln', 'gk', 'udh', 'tolong dong', 'pak wali', 'hatur nuhun', 'kel.', 'kec.', 'Pasar', 'stasiun', 'judi online', 'pinjol'])
      expect(texts).toContain(word);
    expect(complaints.some((c) => /Kedung Badak|Tegallega|Sempur|Katulampa/.test(c.text))).toBe(true);
    const labelled = new Set(
      ['comments.json', 'late.json'].flatMap((f) =>
        (JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')) as Array<{ text: string }>).map((r) => r.text.trim().toLowerCase()),
      ),
    );
    expect(sample.filter((c) => labelled.has(c.text.trim().toLowerCase()))).toEqual([]);
  });

  it('comment on posts over the hours after them by the sandbox clock, the same at the same instant on every run', () => {
    const run = () => {
      const store = new SandboxStore(99);
      const acc = store.createAccount('facebook', { externalId: '1784140000000001' });
      const account = store.account('facebook', acc.externalId)!;
      for (let i = 0; i < 10; i++)
        store.addPost({
          platform: 'facebook',
          accountExternalId: account.externalId,
          externalId: `${account.externalId}_${i}`,
          url: 'u',
          text: `post ${i}`,
          media: [],
        });
      const early = sandboxComments(store, 'facebook', account.externalId).length;
      store.advanceTime(12 * HOUR);
      const all = sandboxComments(store, 'facebook', account.externalId);
      return { early, all: all.map((c) => ({ post: c.postExternalId, text: c.text, kind: c.kind, own: c.own, author: c.author.handle })) };
    };
    const first = run();
    expect(first.early).toBe(0);
    expect(first.all.length).toBeGreaterThan(10);
    expect(first.all.some((c) => c.kind === 'reply')).toBe(true);
    expect(first.all.some((c) => c.own)).toBe(true);
    expect(run().all).toEqual(first.all);
  });
});

describe('/_sandbox/comments', () => {
  it('adds a comment for tests and lists the account’s comments; turns the simulated citizens off', async () => {
    const { startSandbox } = await import('../src');
    const sb = await startSandbox();
    try {
      const acc = sb.store.createAccount('mastodon');
      const post = async (route: string, body: unknown) =>
        fetch(`${sb.url}/_sandbox${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await post('/citizens', { enabled: false })).status).toBe(200);
      const res = await post('/comments', { platform: 'mastodon', account: acc.externalId, text: 'jln rusak di bubulak', authorHandle: 'asep' });
      expect(res.status).toBe(201);
      const added = (await res.json()) as { id: string; kind: string; author: { handle: string } };
      expect(added).toMatchObject({ kind: 'mention', author: { handle: 'asep' } });
      expect((await post('/comments', { platform: 'mastodon', account: acc.externalId })).status).toBe(400);
      expect((await post('/comments', { platform: 'mastodon', account: 'nobody', text: 'x' })).status).toBe(404);
      sb.store.advanceTime(24 * HOUR);
      const list = (await (await fetch(`${sb.url}/_sandbox/comments?platform=mastodon&account=${acc.externalId}`)).json()) as {
        comments: Array<{ id: string }>;
      };
      expect(list.comments.map((c) => c.id)).toEqual([added.id]);
    } finally {
      await sb.close();
    }
  });
});
