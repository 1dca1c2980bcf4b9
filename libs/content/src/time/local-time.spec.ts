import { formatHuman, formatLocal, parseLocal } from './local-time';

describe('local times', () => {
  it('reads a wall-clock time in its zone: 09:00 WIB is 02:00Z, 09:00 WIT is 00:00Z', () => {
    expect(parseLocal('2026-11-24T09:00', 'Asia/Jakarta')?.toISOString()).toBe('2026-11-24T02:00:00.000Z');
    expect(parseLocal('2026-11-24T09:00', 'Asia/Jayapura')?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(parseLocal('2026-11-24T09:00:00+08:00', 'Asia/Jakarta')?.toISOString()).toBe('2026-11-24T01:00:00.000Z');
  });

  it('refuses impossible dates and unreadable text', () => {
    expect(parseLocal('2026-02-30T09:00', 'Asia/Jakarta')).toBeNull();
    expect(parseLocal('24/11/2026 09:00', 'Asia/Jakarta')).toBeNull();
    expect(parseLocal('2026-11-24T25:00', 'Asia/Jakarta')).toBeNull();
  });

  it('writes the wall clock and the Indonesian long form', () => {
    const at = new Date('2026-11-24T02:00:00Z');
    expect(formatLocal(at, 'Asia/Makassar')).toBe('2026-11-24T10:00');
    expect(formatHuman(at, 'Asia/Jakarta', 'id')).toBe('Selasa, 24 November 2026 pukul 09.00 WIB');
  });
});
