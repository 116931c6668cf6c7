// Per-item exponential backoff, as client-go's ItemExponentialFailureRateLimiter: the n-th consecutive failure
// of an item waits base·2^(n-1), capped at max; forget() resets the item after a success.

export interface RateLimiter<T = string> {
  /** Delay (simulated ms) before the item may be retried; counts one more failure. */
  when(item: T): number;
  /** Clears the item's failure history. */
  forget(item: T): void;
  /** Failures counted for the item since it was last forgotten. */
  numRequeues(item: T): number;
}

/** client-go's default item limiter: 5 ms doubling up to 1000 s. */
export const DEFAULT_BASE_DELAY_MS = 5;
export const DEFAULT_MAX_DELAY_MS = 1000 * 1000;

export class ItemExponentialFailureRateLimiter<T = string> implements RateLimiter<T> {
  private readonly failures = new Map<T, number>();

  constructor(
    readonly baseDelayMs = DEFAULT_BASE_DELAY_MS,
    readonly maxDelayMs = DEFAULT_MAX_DELAY_MS,
  ) {}

  when(item: T): number {
    const exp = this.failures.get(item) ?? 0;
    this.failures.set(item, exp + 1);
    // 2^exp overflows to Infinity long before it matters; the cap handles that as well as any large value.
    return Math.min(this.baseDelayMs * 2 ** exp, this.maxDelayMs);
  }

  forget(item: T): void {
    this.failures.delete(item);
  }

  numRequeues(item: T): number {
    return this.failures.get(item) ?? 0;
  }
}
