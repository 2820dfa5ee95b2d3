/**
 * Counts bad signatures per source over a one-minute window. A source over the limit is refused before
 * anything is stored or fetched, so a flood of forged notifications cannot make us call MSP or fill the inbox.
 */
export class BadSignatureLimiter {
  private readonly windows = new Map<string, { count: number; since: number }>();

  constructor(private readonly limitPerMinute: number, private readonly now: () => number = Date.now) {}

  isBlocked(source: string): boolean {
    const w = this.current(source);
    return w !== undefined && w.count >= this.limitPerMinute;
  }

  record(source: string): void {
    const w = this.current(source);
    if (w) w.count += 1;
    else {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(source, { count: 1, since: this.now() });
    }
  }

  private current(source: string) {
    const w = this.windows.get(source);
    if (w && this.now() - w.since >= 60_000) {
      this.windows.delete(source);
      return undefined;
    }
    return w;
  }
}
