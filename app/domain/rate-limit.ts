/**
 * Counts failures per key in a sliding window and says how long a key must wait.
 * Pure apart from the clock, which is injected; memory is bounded by sweeping
 * expired keys once the map grows.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: { max: number; windowMs: number; maxKeys?: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.options.max) return 0;
    return recent[recent.length - this.options.max]! + this.options.windowMs - this.now();
  }

  /** How many failures `key` has inside the window. */
  count(key: string): number {
    return this.recent(key).length;
  }

  /** Records one failure for `key`. */
  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.set(key, recent);
    if (this.failures.size > (this.options.maxKeys ?? 10_000)) this.sweep();
  }

  /** Forgets `key` (after a success). */
  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private sweep(): void {
    for (const key of [...this.failures.keys()]) {
      const recent = this.recent(key);
      if (recent.length === 0) this.failures.delete(key);
      else this.failures.set(key, recent);
    }
  }
}

/**
 * Spaces attempts from one key at least `stepMs` apart, instead of refusing them: each
 * attempt gets the next free slot and waits for it, so parallel requests queue up
 * rather than all getting through at once. A slot further away than `maxWaitMs` is
 * not given (null): only a flood, never a person, meets that.
 */
export class SlotThrottle {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly options: { stepMs: number; maxWaitMs: number; maxKeys?: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before this attempt may go ahead, or null when the queue is too long. */
  take(key: string): number | null {
    const now = this.now();
    const free = Math.max(now, this.next.get(key) ?? 0);
    const wait = free - now;
    if (wait > this.options.maxWaitMs) return null;
    this.next.set(key, free + this.options.stepMs);
    if (this.next.size > (this.options.maxKeys ?? 10_000)) {
      for (const [k, t] of this.next) if (t <= now) this.next.delete(k);
    }
    return wait;
  }
}
