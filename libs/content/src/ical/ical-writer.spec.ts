import { escapeText, fold, utc, writeCalendar } from './ical-writer';

describe('iCalendar writer', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a,b;c\\d\nnext')).toBe('a\\,b\\;c\\\\d\\nnext');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = 'SUMMARY:' + 'é'.repeat(60) + '🙏'.repeat(10);
    const folded = fold(line).split('\r\n');
    for (const l of folded) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
  });

  it('writes UTC times and CRLF lines', () => {
    expect(utc(new Date('2026-11-24T02:00:00.000Z'))).toBe('20261124T020000Z');
    const ics = writeCalendar('Batu Tulis', [
      { uid: 'p1@kabar', stamp: new Date(0), start: new Date('2026-11-24T02:00:00Z'), end: new Date('2026-11-24T02:15:00Z'), summary: 'Hi' },
    ]);
    expect(ics.split('\r\n').slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(ics).toContain('\r\nDTSTART:20261124T020000Z\r\n');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });
});
