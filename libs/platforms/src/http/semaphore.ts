/** In-process limit of concurrent calls per key (platform + account). FIFO, no timers. */
export class KeyedSemaphore {
  private readonly slots = new Map<string, { active: number; waiting: Array<() => void> }>();

  constructor(private readonly limit: number) {}

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    await this.acquire(key);
    try {
      return await fn();
    } finally {
      this.release(key);
    }
  }

  private acquire(key: string): Promise<void> {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { active: 0, waiting: [] };
      this.slots.set(key, slot);
    }
    if (slot.active < Math.max(1, this.limit)) {
      slot.active++;
      return Promise.resolve();
    }
    const s = slot;
    return new Promise<void>((resolve) => s.waiting.push(resolve));
  }

  private release(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    const next = slot.waiting.shift();
    if (next) {
      next(); // hand the slot over: active stays the same
      return;
    }
    slot.active--;
    if (slot.active === 0) this.slots.delete(key);
  }
}
