export interface TimingSummary {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Runs `fn` once to warm up, then `runs` times, and summarises the wall times in ms. */
export async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<TimingSummary> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
  return { runs, median: pct(50), p95: pct(95), min: times[0], max: times[times.length - 1] };
}
