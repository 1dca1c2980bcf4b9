import { HOLIDAYS_ID, KOTA_BOGOR_SLA, TRANSITIONS, WorkingCalendar, allowedActions, calendarOf, mayApply, targetFor, ticketNumber } from '@kabar/aduan';

/** Pure: fixed instants, no clock. 08:00–16:00 WIB Monday to Friday, the SKB 3 Menteri holidays. */
describe('aduan SLA: working days in the unit’s zone across weekends and holidays', () => {
  const cal = calendarOf(KOTA_BOGOR_SLA);
  const due = (local: string, zone = 'Asia/Jakarta') =>
    cal.addWorkingDays(new Date(local), targetFor(KOTA_BOGOR_SLA, 'kemacetan').firstAnswerWorkingDays, zone);

  it('seeds one working day for every category, and the 2026 holidays of the SKB', () => {
    for (const c of Object.keys(KOTA_BOGOR_SLA.categories)) expect(targetFor(KOTA_BOGOR_SLA, c).firstAnswerWorkingDays).toBe(1);
    expect(targetFor(KOTA_BOGOR_SLA, 'unknown').firstAnswerWorkingDays).toBe(1);
    const y2026 = HOLIDAYS_ID.filter((h) => h.date.startsWith('2026'));
    expect(y2026.filter((h) => h.kind === 'libur_nasional')).toHaveLength(17);
    expect(y2026.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(8);
    expect(HOLIDAYS_ID.some((h) => h.date === '2027-08-17')).toBe(true);
  });

  it('a complaint on Friday afternoon is due on Monday at the same hour (the weekend does not count)', () => {
    expect(due('2026-11-13T15:00:00+07:00').toISOString()).toBe(new Date('2026-11-16T15:00:00+07:00').toISOString());
  });

  it('skips a national holiday: Friday 14 August → Tuesday 18 August (17 August is Proklamasi)', () => {
    expect(due('2026-08-14T10:00:00+07:00').toISOString()).toBe(new Date('2026-08-18T10:00:00+07:00').toISOString());
  });

  it('skips cuti bersama and holidays together: Nyepi and Idul Fitri 2026', () => {
    // Tue 17 Mar 14:00: 2 h that day; 18 (cuti), 19 (Nyepi), 20 (cuti), 21–22 (Idul Fitri, weekend), 23–24 (cuti) off; 6 h on Wed 25
    expect(due('2026-03-17T14:00:00+07:00').toISOString()).toBe(new Date('2026-03-25T14:00:00+07:00').toISOString());
  });

  it('a complaint outside working hours starts counting at the next opening', () => {
    expect(due('2026-11-14T20:00:00+07:00').toISOString()).toBe(new Date('2026-11-16T16:00:00+07:00').toISOString());
    expect(due('2026-11-13T16:00:00+07:00').toISOString()).toBe(new Date('2026-11-16T16:00:00+07:00').toISOString());
    expect(due('2026-11-16T06:30:00+07:00').toISOString()).toBe(new Date('2026-11-16T16:00:00+07:00').toISOString());
  });

  it('counts in the unit’s own zone (WITA, WIT)', () => {
    expect(due('2026-11-13T15:00:00+09:00', 'Asia/Jayapura').toISOString()).toBe(new Date('2026-11-16T15:00:00+09:00').toISOString());
    expect(due('2026-11-13T15:00:00+08:00', 'Asia/Makassar').toISOString()).toBe(new Date('2026-11-16T15:00:00+08:00').toISOString());
    // 08:30 WIB is 10:30 WIT: the same instant has less of the day left in Jayapura
    const instant = '2026-11-13T08:30:00+07:00';
    expect(due(instant).toISOString()).toBe(new Date('2026-11-16T08:30:00+07:00').toISOString());
    expect(due(instant, 'Asia/Jayapura').toISOString()).toBe(new Date('2026-11-16T10:30:00+09:00').toISOString());
  });

  it('a configurable list: another holiday moves the target', () => {
    const extra = new WorkingCalendar(KOTA_BOGOR_SLA.workingHours, ['2026-11-16']);
    expect(extra.addWorkingDays(new Date('2026-11-13T15:00:00+07:00'), 1, 'Asia/Jakarta').toISOString()).toBe(
      new Date('2026-11-17T15:00:00+07:00').toISOString(),
    );
    expect(extra.isWorkingDay('2026-11-16')).toBe(false);
    expect(extra.isWorkingDay('2026-11-17')).toBe(true);
    expect(extra.isWorkingDay('2026-11-15')).toBe(false);
  });
});

describe('aduan ticket state machine', () => {
  it('follows baru → terverifikasi → didisposisikan → ditindaklanjuti → selesai, with exits', () => {
    expect(TRANSITIONS.verify).toEqual({ from: ['baru'], to: 'terverifikasi' });
    expect(TRANSITIONS.dispose.to).toBe('didisposisikan');
    expect(TRANSITIONS.follow_up).toEqual({ from: ['didisposisikan'], to: 'ditindaklanjuti' });
    expect(TRANSITIONS.resolve.to).toBe('selesai');
    expect(TRANSITIONS.not_complaint.to).toBe('bukan_aduan');
    expect(TRANSITIONS.forward.to).toBe('bukan_wewenang');
    expect(TRANSITIONS.archive.to).toBe('arsip');
    expect(TRANSITIONS.reclassify.to).toBeNull();
    expect(allowedActions('baru')).toEqual(['verify', 'dispose', 'resolve', 'not_complaint', 'forward', 'archive', 'reclassify']);
    expect(allowedActions('ditindaklanjuti')).toEqual(['resolve', 'archive', 'reclassify']);
    expect(allowedActions('selesai')).toEqual(['archive']);
    expect(allowedActions('arsip')).toEqual([]);
    expect(mayApply('follow_up', 'baru')).toBe(false);
    expect(mayApply('verify', 'terverifikasi')).toBe(false);
  });

  it('numbers tickets per year for people', () => {
    expect(ticketNumber(2026, 123)).toBe('ADU-2026-000123');
    expect(ticketNumber(2027, 1)).toBe('ADU-2027-000001');
  });
});
