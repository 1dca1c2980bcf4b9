const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Per-platform token bucket of one worker process (`perSecond` calls/s, burst of one second): publishing
 * uses KABAR_PUBLISH_PER_PLATFORM_RATE, analytics collection KABAR_COLLECT_PER_PLATFORM_RATE.
 * Per-account concurrency is the platforms transport's keyed semaphore.
 */
export class PlatformRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perSecond: number) {}

  async take(platform: string): Promise<void> {
    if (this.perSecond <= 0) return;
    for (;;) {
      const now = Date.now();
      const b = this.buckets.get(platform) ?? { tokens: this.perSecond, at: now };
      b.tokens = Math.min(this.perSecond, b.tokens + ((now - b.at) / 1000) * this.perSecond);
      b.at = now;
      this.buckets.set(platform, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - b.tokens) / this.perSecond) * 1000));
    }
  }
}
