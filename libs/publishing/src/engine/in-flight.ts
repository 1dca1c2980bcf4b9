/** The claims this process holds (by target), their fencing tokens, and whether their platform call has started. */
export class InFlight {
  private readonly claims = new Map<string, { token: string; phase: 'claimed' | 'sending' }>();

  add(id: string, token: string): void {
    this.claims.set(id, { token, phase: 'claimed' });
  }

  sending(id: string): void {
    const c = this.claims.get(id);
    if (c) c.phase = 'sending';
  }

  remove(id: string): void {
    this.claims.delete(id);
  }

  tokens(): string[] {
    return [...this.claims.values()].map((c) => c.token);
  }

  tokensIn(phase: 'claimed' | 'sending'): string[] {
    return [...this.claims.values()].filter((c) => c.phase === phase).map((c) => c.token);
  }

  get size(): number {
    return this.claims.size;
  }
}
