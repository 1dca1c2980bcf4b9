/**
 * The product's calendar: what "now", "today" and "this month" mean for reports and Home. It is the system
 * clock, unless KABAR_CLOCK_START (tests only) sets the instant it starts from; it then runs on from there.
 * Publishing, sessions and the database keep the real time.
 */
export class Clock {
  private readonly offsetMs: number;

  constructor(start?: Date, bootedAt = Date.now()) {
    this.offsetMs = start ? start.getTime() - bootedAt : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
