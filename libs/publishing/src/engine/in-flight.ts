/** Targets this process holds a lease on, and whether their platform call has started. */
export class InFlight {
  private readonly phases = new Map<string, 'claimed' | 'sending'>();

  add(id: string): void {
    this.phases.set(id, 'claimed');
  }

  sending(id: string): void {
    if (this.phases.has(id)) this.phases.set(id, 'sending');
  }

  remove(id: string): void {
    this.phases.delete(id);
  }

  ids(): string[] {
    return [...this.phases.keys()];
  }

  byPhase(phase: 'claimed' | 'sending'): string[] {
    return [...this.phases].filter(([, p]) => p === phase).map(([id]) => id);
  }

  get size(): number {
    return this.phases.size;
  }
}
