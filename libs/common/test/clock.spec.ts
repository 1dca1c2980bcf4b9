import { Clock } from '../src/time/clock';

describe('Clock', () => {
  it('is the system clock by default', () => {
    const before = Date.now();
    const now = new Clock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('starts at a given instant and runs on from there', () => {
    const clock = new Clock(new Date('2099-06-17T03:00:00Z'), Date.now() - 5_000);
    const elapsed = clock.now().getTime() - Date.parse('2099-06-17T03:00:00Z');
    expect(elapsed).toBeGreaterThanOrEqual(5_000);
    expect(elapsed).toBeLessThan(60_000);
  });
});
