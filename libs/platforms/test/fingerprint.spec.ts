import { composeText } from '../src/text/compose';
import { contentFingerprint, matchesFingerprint } from '../src/text/fingerprint';
import { KeyedSemaphore } from '../src/http/semaphore';
import { redact } from '../src/http/network-errors';
import { graphRegainAccess, nextPacificMidnight } from '../src/http/retry-at';

describe('content fingerprint', () => {
  it('ignores whitespace, t.co rewriting and Unicode normalisation', () => {
    const original = 'Jadwal  vaksinasi\nhttps://bogorkota.go.id/vaksin Café';
    const posted = 'Jadwal vaksinasi https://t.co/AbCdEf123 Cafe\u0301';
    expect(contentFingerprint(posted)).toBe(contentFingerprint(original));
    expect(matchesFingerprint(posted, original)).toBe(true);
    expect(matchesFingerprint('Jadwal vaksinasi besok', original)).toBe(false);
  });

  it('accepts hashtags appended by the adapter and Mastodon HTML', () => {
    const content = { text: 'Kerja bakti Minggu pagi', hashtags: ['bogor', '#bersih'] };
    expect(composeText(content)).toBe('Kerja bakti Minggu pagi\n\n#bogor #bersih');
    expect(matchesFingerprint(composeText(content), content.text)).toBe(true);
    expect(matchesFingerprint('<p>Kerja bakti Minggu pagi</p><p>#bogor #bersih</p>', content.text)).toBe(true);
    expect(matchesFingerprint('Kerja bakti Minggu pagi ditunda', content.text)).toBe(false);
  });
});

describe('http helpers', () => {
  it('limits concurrency per key', async () => {
    const sem = new KeyedSemaphore(2);
    let active = 0;
    let peak = 0;
    const job = () =>
      sem.run('x:1', async () => {
        peak = Math.max(peak, ++active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
      });
    await Promise.all(Array.from({ length: 10 }, job));
    expect(peak).toBe(2);
  });

  it('redacts tokens from text', () => {
    const s = redact('GET /bot123:ABC-def/sendMessage?access_token=EAAGxyz Bearer abc.def', ['EAAGxyz']);
    expect(s).not.toMatch(/ABC-def|EAAGxyz|abc\.def/);
  });

  it('reads Graph usage headers and the Pacific midnight', () => {
    const now = Date.now();
    const at = graphRegainAccess({ 'x-business-use-case-usage': JSON.stringify({ '1': [{ estimated_time_to_regain_access: 7 }] }) }, now);
    expect(at!.getTime()).toBe(now + 7 * 60_000);
    const midnight = nextPacificMidnight(new Date('2025-03-01T10:00:00Z'));
    expect(midnight.toISOString()).toBe('2025-03-02T08:00:00.000Z');
  });
});
