// Controller expectations, as pkg/controller's UIDTrackingControllerExpectations: before a controller issues
// creates or deletes for a key it records how many it expects to see; its informer lowers the count as the
// adds and deletes arrive; until the count reaches zero (or 5 simulated minutes pass) the controller must not
// act on that key again from its cache, which would still lack its own writes and double-create.
import { type Clock, clock as defaultClock } from './clock.js';

/** Kubernetes' ExpectationsTimeout: a controller stops waiting for missing watch events after 5 minutes. */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

export interface ControlleeExpectations {
  add: number;
  del: number;
  /** Real epoch ms at which the expectations were last set. */
  timestampMs: number;
}

export class ControllerExpectations {
  private readonly byKey = new Map<string, ControlleeExpectations>();
  // Deletions are tracked by the keys of the objects being deleted, so a delete of some other object (or a
  // second delete event for the same one) does not count.
  private readonly deleteKeys = new Map<string, Set<string>>();

  constructor(
    private readonly clock: Clock = defaultClock,
    private readonly timeoutMs = EXPECTATIONS_TIMEOUT_MS,
  ) {}

  /**
   * True when the controller may act on `key` from its cache: nothing is expected, everything expected was
   * observed, or the expectations are older than the timeout (a watch event was lost; act again).
   */
  satisfiedExpectations(key: string): boolean {
    const exp = this.byKey.get(key);
    if (!exp) return true;
    if (exp.add <= 0 && exp.del <= 0) return true;
    return this.clock.nowMs() - exp.timestampMs > this.clock.toRealMs(this.timeoutMs);
  }

  get(key: string): ControlleeExpectations | undefined {
    const exp = this.byKey.get(key);
    return exp && { ...exp };
  }

  /** Replaces the expectations for `key` and restarts their timeout. */
  setExpectations(key: string, add: number, del: number): void {
    this.byKey.set(key, { add, del, timestampMs: this.clock.nowMs() });
  }

  expectCreations(key: string, adds: number): void {
    this.setExpectations(key, adds, 0);
  }

  /** Expects the deletion of exactly these objects (their `namespace/name` keys); replaces any earlier set. */
  expectDeletions(key: string, deletedKeys: Iterable<string>): void {
    const keys = new Set(deletedKeys);
    this.deleteKeys.set(key, keys);
    this.setExpectations(key, 0, keys.size);
  }

  raiseExpectations(key: string, add: number, del: number): void {
    const exp = this.byKey.get(key);
    if (!exp) return;
    exp.add += add;
    exp.del += del;
  }

  lowerExpectations(key: string, add: number, del: number): void {
    this.raiseExpectations(key, -add, -del);
  }

  /** An add the controller expected was observed, or a create failed and will never be observed. */
  creationObserved(key: string): void {
    this.lowerExpectations(key, 1, 0);
  }

  /** The deletion of `deletedKey` was observed (or failed); only keys passed to expectDeletions count. */
  deletionObserved(key: string, deletedKey: string): void {
    const keys = this.deleteKeys.get(key);
    if (!keys?.delete(deletedKey)) return;
    this.lowerExpectations(key, 0, 1);
  }

  /** Keys whose deletion `key` still waits for. */
  pendingDeletions(key: string): ReadonlySet<string> {
    return this.deleteKeys.get(key) ?? new Set();
  }

  /** Forgets `key` entirely (its object was deleted). */
  deleteExpectations(key: string): void {
    this.byKey.delete(key);
    this.deleteKeys.delete(key);
  }
}
