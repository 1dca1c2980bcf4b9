const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Calls `check` until it returns a value (not undefined), waiting `intervalMs` between attempts.
 * Returns undefined after `maxAttempts`: the caller decides what a stuck job means.
 */
export async function pollUntil<T>(check: (attempt: number) => Promise<T | undefined>, intervalMs: number, maxAttempts: number): Promise<T | undefined> {
  for (let attempt = 0; attempt < Math.max(1, maxAttempts); attempt++) {
    if (attempt > 0) await sleep(intervalMs);
    const v = await check(attempt);
    if (v !== undefined) return v;
  }
  return undefined;
}
