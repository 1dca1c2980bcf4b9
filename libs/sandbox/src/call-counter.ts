/** One platform call as the sandbox saw it: when it arrived and whether it creates a post. */
export interface SeenCall {
  platform: string;
  account: string;
  create: boolean;
  at: number;
}

/**
 * Counts the calls the sandbox is answering, per platform and account: the most at once (the judge of a
 * per-account concurrency limit across processes) and when each started (the judge of a rate).
 */
export class CallCounter {
  /** Start times kept (the sandbox also runs inside a long-lived product under `npm start`): the newest ones. */
  static readonly KEEP = 100_000;

  private readonly now = new Map<string, number>();
  private readonly peak = new Map<string, number>();
  private seen: SeenCall[] = [];

  /** A call starts; the returned function ends it. */
  begin(platform: string, account: string, create: boolean): () => void {
    const key = `${platform}:${account}`;
    const n = (this.now.get(key) ?? 0) + 1;
    this.now.set(key, n);
    this.peak.set(key, Math.max(n, this.peak.get(key) ?? 0));
    this.seen.push({ platform, account, create, at: Date.now() });
    if (this.seen.length > 2 * CallCounter.KEEP) this.seen = this.seen.slice(-CallCounter.KEEP);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.now.set(key, (this.now.get(key) ?? 1) - 1);
    };
  }

  /** The most calls of this account the sandbox answered at once. */
  maxInFlight(platform: string, account: string): number {
    return this.peak.get(`${platform}:${account}`) ?? 0;
  }

  calls(filter: Partial<Pick<SeenCall, 'platform' | 'account' | 'create'>> = {}): SeenCall[] {
    return this.seen.filter(
      (c) =>
        (filter.platform === undefined || c.platform === filter.platform) &&
        (filter.account === undefined || c.account === filter.account) &&
        (filter.create === undefined || c.create === filter.create),
    );
  }

  /** The most calls (of `filter`) that started within any window of `windowMs`. */
  maxPerWindow(windowMs: number, filter: Partial<Pick<SeenCall, 'platform' | 'account' | 'create'>> = {}): number {
    const at = this.calls(filter)
      .map((c) => c.at)
      .sort((a, b) => a - b);
    let best = 0;
    for (let i = 0, j = 0; j < at.length; j++) {
      while (at[j] - at[i] >= windowMs) i++;
      best = Math.max(best, j - i + 1);
    }
    return best;
  }

  reset(): void {
    this.peak.clear();
    this.seen = [];
  }
}
