import { tzOffset } from '@date-fns/tz';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface WorkingHours {
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  days: number[];
  /** Local wall-clock times, "HH:MM". */
  start: string;
  end: string;
}

function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Working time in one time zone: working days (weekdays minus holidays) and working hours. "N working days" is N
 * times the length of a working day counted in working time only, so a complaint at 15:00 on a Friday with one
 * working day to answer is due at 15:00 on the next working day. Pure (no clock, no database): the SLA tests
 * drive it with fixed instants.
 */
export class WorkingCalendar {
  private readonly startMin: number;
  private readonly endMin: number;
  private readonly holidays: Set<string>;

  constructor(
    readonly hours: WorkingHours,
    holidays: Iterable<string>,
  ) {
    this.startMin = minutesOf(hours.start);
    this.endMin = minutesOf(hours.end);
    if (this.endMin <= this.startMin) throw new Error('working hours end before they start');
    if (!hours.days.length) throw new Error('no working days');
    this.holidays = new Set(holidays);
  }

  /** Minutes of work in one working day. */
  get dayMinutes(): number {
    return this.endMin - this.startMin;
  }

  /** Whether a local date ("YYYY-MM-DD") is a working day. */
  isWorkingDay(localDate: string): boolean {
    const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay() || 7;
    return this.hours.days.includes(weekday) && !this.holidays.has(localDate);
  }

  /** The instant `workingDays` working days of working time after `from`, in `timeZone`. */
  addWorkingDays(from: Date, workingDays: number, timeZone: string): Date {
    return this.addWorkingMinutes(from, Math.round(workingDays * this.dayMinutes), timeZone);
  }

  /** The instant `minutes` of working time after `from` (time outside working hours does not count). */
  addWorkingMinutes(from: Date, minutes: number, timeZone: string): Date {
    const offset = tzOffset(timeZone, from) * MINUTE;
    // "local" milliseconds: the wall clock of the zone read as if it were UTC
    let local = from.getTime() + offset;
    let remaining = minutes * MINUTE;
    for (let guard = 0; guard < 3_660; guard++) {
      const dayStart = Math.floor(local / DAY) * DAY;
      const date = new Date(dayStart).toISOString().slice(0, 10);
      if (this.isWorkingDay(date)) {
        const open = dayStart + this.startMin * MINUTE;
        const close = dayStart + this.endMin * MINUTE;
        if (local < open) local = open;
        if (local < close) {
          if (remaining <= close - local) return this.toInstant(local + remaining, timeZone);
          remaining -= close - local;
        }
      }
      local = dayStart + DAY;
    }
    throw new Error('no working time within ten years');
  }

  private toInstant(localMs: number, timeZone: string): Date {
    const guess = new Date(localMs - tzOffset(timeZone, new Date(localMs)) * MINUTE);
    return new Date(localMs - tzOffset(timeZone, guess) * MINUTE);
  }
}
