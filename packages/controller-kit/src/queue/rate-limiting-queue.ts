// The work queue controllers use: client-go's delaying and rate-limiting layers on top of WorkQueue.
// addAfter holds an item until its time comes (the earliest request wins), addRateLimited waits the item's
// backoff first, and forget() ends the backoff once a retry succeeded.
import { type CancelTimer, type Clock, clock as defaultClock } from '../clock.js';
import { ItemExponentialFailureRateLimiter, type RateLimiter } from './rate-limiter.js';
import { type QueueMetrics, WorkQueue } from './work-queue.js';

export interface RateLimitingQueueOptions<T> {
  clock?: Clock;
  rateLimiter?: RateLimiter<T>;
  metrics?: QueueMetrics;
}

interface Waiting {
  readyAtMs: number;
  cancel: CancelTimer;
}

export class RateLimitingQueue<T = string> extends WorkQueue<T> {
  readonly rateLimiter: RateLimiter<T>;
  private readonly clock: Clock;
  private readonly waiting = new Map<T, Waiting>();

  constructor(opts: RateLimitingQueueOptions<T> = {}) {
    super(opts.metrics);
    this.clock = opts.clock ?? defaultClock;
    this.rateLimiter = opts.rateLimiter ?? new ItemExponentialFailureRateLimiter<T>();
  }

  /** Adds `item` once `simMs` simulated milliseconds have passed; an earlier pending request for it wins. */
  addAfter(item: T, simMs: number): void {
    if (this.shuttingDown) return;
    if (simMs <= 0) {
      this.add(item);
      return;
    }
    const readyAtMs = this.clock.nowMs() + this.clock.toRealMs(simMs);
    const pending = this.waiting.get(item);
    if (pending) {
      if (pending.readyAtMs <= readyAtMs) return;
      pending.cancel();
    }
    const cancel = this.clock.timer(simMs, () => {
      this.waiting.delete(item);
      this.add(item);
    });
    this.waiting.set(item, { readyAtMs, cancel });
  }

  /** Adds `item` after its backoff: the retry path after a failed reconcile. */
  addRateLimited(item: T): void {
    this.metrics?.retried();
    this.addAfter(item, this.rateLimiter.when(item));
  }

  /** Ends the item's backoff (call after it was processed successfully). */
  forget(item: T): void {
    this.rateLimiter.forget(item);
  }

  numRequeues(item: T): number {
    return this.rateLimiter.numRequeues(item);
  }

  /** Items held by addAfter that have not come due. */
  waitingCount(): number {
    return this.waiting.size;
  }

  override shutDown(): void {
    for (const w of this.waiting.values()) w.cancel();
    this.waiting.clear();
    super.shutDown();
  }
}
