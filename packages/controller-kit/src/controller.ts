// The reconcile runner (controller-runtime's Controller with client-go's sample-controller wiring): informer
// events become `namespace/name` keys in a rate-limited queue; workers pop a key and call reconcile with the
// cache and the time; the actions it returns are applied through the store with expectations kept for the
// objects it creates and deletes. Errors retry with backoff, conflicts retry at once, requeueAfter waits. With
// leader election only the lease holder runs workers, and it stops the moment it loses the lease.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isStatusError, type KubeObject, keyOf, objectKey } from '@kubesim/api';
import type { Store } from '@kubesim/store';
import { type Action, actionKey, actionKind, applyActions } from './actions.js';
import { type Clock, clock as defaultClock } from './clock.js';
import { ControllerExpectations } from './expectations.js';
import { controllerRef } from './informer/indexes.js';
import { type Cache, Informer, type StartMode } from './informer/informer.js';
import { type LeaderElectionConfig, LeaderElector } from './leader-election.js';
import { createLogger, type Logger } from './log.js';
import { type ControllerMetrics, controllerMetrics, queueMetrics, type ReconcileOutcome } from './metrics.js';
import type { RateLimiter } from './queue/rate-limiter.js';
import { RateLimitingQueue } from './queue/rate-limiting-queue.js';

export interface ReconcileResult {
  /** Writes to apply, in order; the batch stops at the first failure. */
  actions?: Action[];
  /** Reconcile this key again after this many simulated milliseconds (and forget its backoff). */
  requeueAfterMs?: number;
  /** Reconcile this key again after its backoff. */
  requeue?: boolean;
}

export interface ReconcileContext {
  store: Store;
  /** Consult satisfiedExpectations(key) before creating or deleting from the cache. */
  expectations: ControllerExpectations;
  log: Logger;
  /** Aborts when this process stops leading or stops. */
  signal: AbortSignal;
}

export type Reconciler = (
  key: string,
  cache: Cache,
  now: Date,
  ctx: ReconcileContext,
) => ReconcileResult | undefined | Promise<ReconcileResult | undefined>;

/** Maps events of some kind to the keys of the objects to reconcile. */
export interface KindWatch {
  kind: string;
  keyFor(obj: KubeObject, cache: Cache): Iterable<string>;
}

export interface ControllerOptions {
  name: string;
  store: Store;
  /** The kind reconciled: keys are `namespace/name` of its objects. */
  for: string;
  /**
   * Kinds this controller creates with a controller ownerReference to a `for` object: their events reconcile
   * the owner and settle the expectations of its creates and deletes.
   */
  owns?: string[];
  /** Further kinds whose events map to keys some other way. */
  watches?: KindWatch[];
  reconcile: Reconciler;
  /** Concurrent workers (a key is never handled by two at once). Default 1. */
  workers?: number;
  /** Share an informer between controllers; by default the controller runs its own over the kinds it needs. */
  informer?: Informer;
  startMode?: StartMode;
  leaderElection?: Omit<LeaderElectionConfig, 'identity'> & { identity?: string };
  /** Reconcile every `for` object again this often (simulated ms); off by default. */
  resyncPeriodMs?: number;
  rateLimiter?: RateLimiter<string>;
  clock?: Clock;
  log?: Logger;
}

/** Conflicts (stale cache) are retried at once this many times in a row before backing off like errors. */
const IMMEDIATE_CONFLICT_RETRIES = 5;

export class Controller {
  readonly name: string;
  readonly queue: RateLimitingQueue<string>;
  readonly expectations: ControllerExpectations;
  readonly informer: Informer;
  private readonly opts: ControllerOptions;
  private readonly forKind: string;
  private readonly owns: ReadonlySet<string>;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly metrics: ControllerMetrics;
  private readonly ownsInformer: boolean;
  private readonly elector?: LeaderElector;
  private readonly unregister: Array<() => void> = [];
  private stopper?: AbortController;
  private readonly workers = new Set<Promise<void>>();
  private electing?: Promise<void>;
  private stopResync: () => void = () => {};

  constructor(opts: ControllerOptions) {
    this.opts = opts;
    this.name = opts.name;
    this.forKind = opts.for;
    this.owns = new Set(opts.owns ?? []);
    this.clock = opts.clock ?? defaultClock;
    this.log = opts.log ?? createLogger(opts.name);
    this.metrics = controllerMetrics(opts.name);
    this.queue = new RateLimitingQueue<string>({
      clock: this.clock,
      rateLimiter: opts.rateLimiter,
      metrics: queueMetrics(opts.name),
    });
    this.expectations = new ControllerExpectations(this.clock);
    const kinds = [opts.for, ...this.owns, ...(opts.watches ?? []).map((w) => w.kind)];
    this.ownsInformer = !opts.informer;
    this.informer =
      opts.informer ??
      new Informer({
        store: opts.store,
        kinds,
        name: opts.name,
        startMode: opts.startMode,
        clock: this.clock,
        log: this.log,
      });
    if (opts.leaderElection) {
      const le = opts.leaderElection;
      this.elector = new LeaderElector({
        ...le,
        identity: le.identity ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
        store: opts.store,
        clock: this.clock,
        log: this.log,
        onStartedLeading: (signal) => this.runWorkers(signal),
      });
    }
  }

  /** True while this process may act: it leads, or runs without leader election. */
  isLeader(): boolean {
    return this.elector
      ? this.elector.isLeader()
      : this.stopper !== undefined && !this.stopper.signal.aborted;
  }

  /** Starts the informer (if its own), waits for its sync, then campaigns for the lease or runs the workers. */
  async start(): Promise<void> {
    if (this.stopper) return;
    const stopper = new AbortController();
    this.stopper = stopper;
    this.registerHandlers();
    if (this.ownsInformer) this.informer.start();
    if (!(await this.informer.waitForSync(stopper.signal))) return;
    this.log.info(
      { controller: this.name, workers: this.opts.workers ?? 1, leaderElection: !!this.elector },
      'controller started',
    );
    if (this.opts.resyncPeriodMs) this.scheduleResync(this.opts.resyncPeriodMs, stopper.signal);
    if (this.elector) this.electing = this.elector.run(stopper.signal);
    else this.runWorkers(stopper.signal);
  }

  /** Stops workers, campaigning and (if its own) the informer; a leader releases its lease. */
  async stop(): Promise<void> {
    const stopper = this.stopper;
    if (!stopper) return;
    stopper.abort();
    this.stopResync();
    await this.electing;
    await Promise.all([...this.workers]);
    this.queue.shutDown();
    for (const off of this.unregister.splice(0)) off();
    if (this.ownsInformer) await this.informer.stop();
    this.log.info({ controller: this.name }, 'controller stopped');
  }

  private runWorkers(signal: AbortSignal): void {
    // A new term reconciles everything: the queue may not hold what changed while another process led.
    this.enqueueAll();
    for (let i = 0; i < (this.opts.workers ?? 1); i++) {
      const w: Promise<void> = this.work(signal).finally(() => this.workers.delete(w));
      this.workers.add(w);
    }
  }

  private async work(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const key = await this.queue.get(signal);
      if (key === undefined) return;
      try {
        await this.processKey(key, signal);
      } finally {
        this.queue.done(key);
      }
    }
  }

  private async processKey(key: string, signal: AbortSignal): Promise<void> {
    const started = performance.now();
    let outcome: ReconcileOutcome = 'success';
    try {
      const ctx: ReconcileContext = {
        store: this.opts.store,
        expectations: this.expectations,
        log: this.log,
        signal,
      };
      const result = (await this.opts.reconcile(key, this.informer, this.clock.now(), ctx)) ?? {};
      if (result.actions?.length) await this.apply(key, result.actions, signal);
      if (signal.aborted) return;
      if (result.requeueAfterMs !== undefined && result.requeueAfterMs > 0) {
        outcome = 'requeue_after';
        this.queue.forget(key);
        this.queue.addAfter(key, result.requeueAfterMs);
      } else if (result.requeue) {
        outcome = 'requeue';
        this.queue.addRateLimited(key);
      } else {
        this.queue.forget(key);
      }
    } catch (err) {
      if (signal.aborted) return;
      const why = err instanceof Error ? err.message : String(err);
      if (isStatusError(err, 'Conflict') || isStatusError(err, 'AlreadyExists')) {
        // The cache is behind a write; the informer is about to catch up, so try again at once.
        outcome = 'conflict';
        this.log.debug({ controller: this.name, key, why }, 'conflict, requeueing');
        if (this.queue.numRequeues(key) < IMMEDIATE_CONFLICT_RETRIES) {
          this.queue.rateLimiter.when(key);
          this.queue.add(key);
        } else {
          this.queue.addRateLimited(key);
        }
      } else {
        outcome = 'error';
        this.log.error(
          { controller: this.name, key, why, retries: this.queue.numRequeues(key) },
          'reconcile failed',
        );
        this.queue.addRateLimited(key);
      }
    } finally {
      this.metrics.reconciled((performance.now() - started) / 1000, outcome);
    }
  }

  /** Applies actions with expectations for the owned objects they create and delete; throws the first error. */
  private async apply(key: string, actions: Action[], signal: AbortSignal): Promise<void> {
    const creates = actions.filter((a) => a.type === 'create' && this.controllerKeyOf(a.object) === key);
    const deletes = actions.filter((a) => a.type === 'delete' && this.ownedDelete(a, key));
    if (deletes.length) this.expectations.expectDeletions(key, deletes.map(actionKey));
    if (creates.length) {
      if (deletes.length) this.expectations.raiseExpectations(key, creates.length, 0);
      else this.expectations.expectCreations(key, creates.length);
    }
    const result = await applyActions(this.opts.store, actions, { signal });
    // What was not written will never be observed; neither will the delete of something already gone.
    for (const a of result.notDone) {
      if (creates.includes(a)) this.expectations.creationObserved(key);
      if (deletes.includes(a)) this.expectations.deletionObserved(key, actionKey(a));
    }
    for (const d of result.done) {
      if (d.object === undefined && deletes.includes(d.action))
        this.expectations.deletionObserved(key, actionKey(d.action));
    }
    if (result.error !== undefined) throw result.error;
  }

  private ownedDelete(action: Action, key: string): boolean {
    if (action.type !== 'delete' || !this.owns.has(action.kind)) return false;
    const cached = this.informer.get(actionKind(action), action.namespace, action.name);
    return cached !== undefined && this.controllerKeyOf(cached) === key;
  }

  /** The key of the `for` object controlling `obj`, from its controller ownerReference (kind match only). */
  private controllerKeyOf(obj: KubeObject): string | undefined {
    if (!this.owns.has(obj.kind)) return undefined;
    const ref = controllerRef(obj);
    if (!ref || ref.kind !== this.forKind) return undefined;
    return objectKey(obj.metadata.namespace, ref.name);
  }

  /** Like controllerKeyOf, but only when the cached owner is the very object referenced (same uid). */
  private resolveControllerKey(obj: KubeObject): string | undefined {
    const key = this.controllerKeyOf(obj);
    if (!key) return undefined;
    const ref = controllerRef(obj);
    const owner = this.informer.get(this.forKind, obj.metadata.namespace ?? '', ref?.name ?? '');
    return owner && owner.metadata.uid === ref?.uid ? key : undefined;
  }

  private registerHandlers(): void {
    const enqueue = (key: string | undefined) => {
      if (key) this.queue.add(key);
    };
    this.unregister.push(
      this.informer.addEventHandler(this.forKind, {
        onAdd: (o) => enqueue(keyOf(o)),
        onUpdate: (_old, o) => enqueue(keyOf(o)),
        onDelete: (o) => {
          this.expectations.deleteExpectations(keyOf(o));
          enqueue(keyOf(o));
        },
      }),
    );
    for (const kind of this.owns) {
      const deleted = (o: KubeObject) => {
        const key = this.resolveControllerKey(o);
        if (!key) return;
        this.expectations.deletionObserved(key, keyOf(o));
        enqueue(key);
      };
      this.unregister.push(
        this.informer.addEventHandler(kind, {
          onAdd: (o) => {
            // An object that arrives already terminating (a restart, a relist) is a deletion for our purposes.
            if (o.metadata.deletionTimestamp) return deleted(o);
            const key = this.resolveControllerKey(o);
            if (!key) return;
            this.expectations.creationObserved(key);
            enqueue(key);
          },
          onUpdate: (old, o) => {
            if (o.metadata.deletionTimestamp && !old.metadata.deletionTimestamp) return deleted(o);
            const before = this.resolveControllerKey(old);
            const after = this.resolveControllerKey(o);
            enqueue(after);
            if (before !== after) enqueue(before);
          },
          onDelete: deleted,
        }),
      );
    }
    for (const w of this.opts.watches ?? []) {
      const enqueueAll = (o: KubeObject) => {
        for (const key of w.keyFor(o, this.informer)) enqueue(key);
      };
      this.unregister.push(
        this.informer.addEventHandler(w.kind, {
          onAdd: enqueueAll,
          onUpdate: (old, o) => {
            enqueueAll(old);
            enqueueAll(o);
          },
          onDelete: enqueueAll,
        }),
      );
    }
  }

  private enqueueAll(): void {
    for (const o of this.informer.list(this.forKind)) this.queue.add(keyOf(o));
  }

  private scheduleResync(periodMs: number, signal: AbortSignal): void {
    const tick = () => {
      if (signal.aborted) return;
      this.enqueueAll();
      this.stopResync = this.clock.timer(periodMs, tick);
    };
    this.stopResync = this.clock.timer(periodMs, tick);
  }
}
