// Limits failed enrolment attempts per client address: a one-time code has
// about 59 bits, so guessing is hopeless anyway, but nobody should be able to
// try codes by the million. Kept in memory: a restart forgets, and with several
// instances each allows its own share, which still bounds the guessing.
import type { Clock } from './clock.ts';

export interface AttemptLimit {
  /** Failed attempts allowed per address within the window. */
  attempts: number;
  windowMs: number;
}

export const DEFAULT_ENROLMENT_LIMIT: AttemptLimit = { attempts: 10, windowMs: 15 * 60_000 };

/** Beyond this many addresses, those with no failure in the window are forgotten. */
const PRUNE_ABOVE = 10_000;

export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly limit: AttemptLimit;
  private readonly clock: Clock;

  constructor(clock: Clock, limit: AttemptLimit = DEFAULT_ENROLMENT_LIMIT) {
    this.clock = clock;
    this.limit = limit;
  }

  /** 0 when `key` may try now; otherwise how many milliseconds until it may. */
  waitMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit.attempts) return 0;
    // The oldest failure in the window leaves it first and frees one attempt.
    return recent[recent.length - this.limit.attempts]! + this.limit.windowMs - this.clock.now().getTime();
  }

  failed(key: string): void {
    const recent = this.recent(key);
    recent.push(this.clock.now().getTime());
    this.failures.set(key, recent.slice(-this.limit.attempts));
    if (this.failures.size > PRUNE_ABOVE) this.prune();
  }

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - this.limit.windowMs;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key).length === 0) this.failures.delete(key);
  }
}
