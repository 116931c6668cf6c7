// A FIFO work queue with client-go's guarantees: items are keys, a key waiting in the queue is held once, a key
// is never handed to two workers at once, and a key added while it is being processed is handed out again
// after done(). A dirty set (waiting keys) and a processing set (keys held by workers) give all of that.

/** Where a queue reports its depth, adds and retries (see metrics.ts); optional so the queue stays pure. */
export interface QueueMetrics {
  added(): void;
  depth(n: number): void;
  retried(): void;
}

export class WorkQueue<T = string> {
  // Array with a moving head: shift() on a large array is linear, and an initial sync may enqueue 100k keys.
  private items: T[] = [];
  private head = 0;
  private readonly dirty = new Set<T>();
  private readonly processing = new Set<T>();
  private readonly waiters: Array<(item: T | undefined) => void> = [];
  private drained?: () => void;
  private stopping = false;

  constructor(protected readonly metrics?: QueueMetrics) {}

  /** Marks `item` as needing processing. Ignored after shutDown and while it already waits. */
  add(item: T): void {
    if (this.stopping || this.dirty.has(item)) return;
    this.metrics?.added();
    this.dirty.add(item);
    if (this.processing.has(item)) return; // handed out again by done()
    this.push(item);
  }

  /**
   * The next item to process, waiting for one if needed. undefined means the queue was shut down and is empty,
   * or `signal` aborted. The caller must call done(item) when finished with it.
   */
  get(signal?: AbortSignal): Promise<T | undefined> {
    if (this.len() > 0) return Promise.resolve(this.take());
    if (this.stopping || signal?.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter = (item: T | undefined) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(item);
      };
      const onAbort = () => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(undefined);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Ends processing of `item`; if it was added meanwhile it goes back into the queue. */
  done(item: T): void {
    this.processing.delete(item);
    if (this.dirty.has(item)) this.push(item);
    else if (this.drained && this.processing.size === 0) this.drained();
  }

  /** Items waiting to be handed out (the queue depth). */
  len(): number {
    return this.items.length - this.head;
  }

  get shuttingDown(): boolean {
    return this.stopping;
  }

  /** Stops accepting items; waiting getters get undefined; items already queued are still handed out. */
  shutDown(): void {
    if (this.stopping) return;
    this.stopping = true;
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  /** shutDown, then waits until every item handed out has been marked done. */
  async shutDownWithDrain(): Promise<void> {
    this.shutDown();
    if (this.processing.size === 0) return;
    await new Promise<void>((resolve) => {
      this.drained = resolve;
    });
  }

  private push(item: T): void {
    this.items.push(item);
    this.metrics?.depth(this.len());
    const waiter = this.waiters.shift();
    if (waiter) waiter(this.take());
  }

  private take(): T {
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.processing.add(item);
    this.dirty.delete(item);
    this.metrics?.depth(this.len());
    return item;
  }
}
