// The informer: an indexed in-memory cache of some kinds, filled from the store and kept current by one watch on
// the event log (client-go's shared informer with its reflector). It starts either by listing each kind and
// folding the log between the list revisions, or by replaying the whole log; it relists and diffs when its
// watch falls behind compaction (410 Expired). Handlers hear every add, update and delete, including those a
// relist discovers. Cached objects are deeply frozen and shared between readers and with each other.
import { isStatusError, type KubeObject } from '@kubesim/api';
import type { EventType, RawLogEvent, Store, Watch } from '@kubesim/store';
import { type Clock, clock as defaultClock } from '../clock.js';
import { createLogger, type Logger } from '../log.js';
import { type InformerMetrics, informerMetrics } from '../metrics.js';
import { builtInIndexers, controllerRef, type IndexFunc } from './indexes.js';
import { KindCache } from './kind-cache.js';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec.js';
import { shareWith } from './structural-sharing.js';

export type StartMode = 'listWatch' | 'replay';

export interface ResourceEventHandlers<T extends KubeObject = KubeObject> {
  onAdd?(obj: T): void;
  onUpdate?(oldObj: T, newObj: T): void;
  onDelete?(obj: T): void;
}

export interface ListOptions {
  namespace?: string;
  /** Keeps the objects whose labels (an empty map when they have none) it accepts. */
  selector?: (labels: Readonly<Record<string, string>>) => boolean;
}

/** What reconcilers read: the informer's cache. Returned objects are frozen and shared; never modify them. */
export interface Cache {
  get<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string): T | undefined;
  list<T extends KubeObject = KubeObject>(kind: string, opts?: ListOptions): T[];
  byIndex<T extends KubeObject = KubeObject>(kind: string, indexName: string, value: string): T[];
}

export interface SyncStats {
  /** How the cache was filled: 'snapshot' when a listWatch start could load a saved snapshot. */
  mode: StartMode | 'snapshot';
  /** Log events folded (replay), or objects listed or loaded from a snapshot plus log events caught up on. */
  events: number;
  objects: number;
  ms: number;
  revision: number;
}

export interface InformerOptions {
  store: Store;
  kinds: string[];
  /** Names the informer in logs and metrics. */
  name?: string;
  startMode?: StartMode;
  /** Extra indexes per kind, next to the built-in namespace, label, controller and node indexes. */
  indexers?: Record<string, Record<string, IndexFunc>>;
  /** Snapshots of the cache saved to the store for fast restarts (on by default); false turns them off. */
  snapshots?: SnapshotPolicy | false;
  clock?: Clock;
  log?: Logger;
}

/**
 * When an informer saves a snapshot of its cache: a listWatch start loads the latest one and folds only the log
 * after it. Small caches list fast enough and never save one.
 */
export interface SnapshotPolicy {
  /** Save only while the cache holds at least this many objects. Default 5000. */
  minObjects?: number;
  /** Save again once this many events were applied since the last save. Default: half the cache, at least
   *  minObjects. A save also follows the first sync (unless it loaded a recent snapshot) and stop(). */
  everyEvents?: number;
}

const DEFAULT_SNAPSHOT_MIN_OBJECTS = 5000;

const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});
/** Simulated backoff after a failed list or watch (not 410, which relists at once). */
const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 30_000;
/** Bounds the map of sharing references; past it, the map starts over (sharing resumes with the next objects). */
const MAX_REFERENCES = 10_000;

export class Informer implements Cache {
  readonly name: string;
  private readonly store: Store;
  private readonly kinds: string[];
  private readonly startMode: StartMode;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly metrics: InformerMetrics;
  private readonly caches = new Map<string, KindCache>();
  private readonly handlers = new Map<string, Set<ResourceEventHandlers>>();
  // The last object cached per kind and controller: new objects share what they have in common with it.
  private readonly references = new Map<string, KubeObject>();
  private appliedRevision = 0;
  private synced = false;
  private markSynced!: () => void;
  private readonly syncedPromise = new Promise<void>((resolve) => {
    this.markSynced = resolve;
  });
  private loop?: Promise<void>;
  private stopper?: AbortController;
  private watch?: Watch;
  private stats?: SyncStats;
  private readonly snapshots?: Required<Pick<SnapshotPolicy, 'minObjects'>> & SnapshotPolicy;
  /** Under this name in the store: the kinds, sorted, so any informer of the same kinds can use it. */
  private readonly snapshotName: string;
  private eventsSinceSnapshot = 0;
  private savingSnapshot?: Promise<void>;

  constructor(opts: InformerOptions) {
    if (opts.kinds.length === 0) throw new Error('an informer needs at least one kind');
    this.store = opts.store;
    this.kinds = [...new Set(opts.kinds)];
    this.name = opts.name ?? this.kinds.join(',');
    this.startMode = opts.startMode ?? 'listWatch';
    this.clock = opts.clock ?? defaultClock;
    this.log = opts.log ?? createLogger('informer');
    this.metrics = informerMetrics(this.name);
    if (opts.snapshots !== false) {
      this.snapshots = {
        ...opts.snapshots,
        minObjects: opts.snapshots?.minObjects ?? DEFAULT_SNAPSHOT_MIN_OBJECTS,
      };
    }
    this.snapshotName = `informer:${[...this.kinds].sort().join(',')}`;
    for (const kind of this.kinds) {
      this.caches.set(kind, new KindCache(kind, { ...builtInIndexers, ...opts.indexers?.[kind] }));
    }
  }

  /**
   * Registers handlers for one kind; returns a function that unregisters them. Handlers added after the
   * informer synced first hear an add for every object already cached, as client-go's shared informers do.
   */
  addEventHandler<T extends KubeObject = KubeObject>(
    kind: string,
    handlers: ResourceEventHandlers<T>,
  ): () => void {
    const cache = this.kindCache(kind);
    if (this.synced && handlers.onAdd) for (const obj of cache.objects()) handlers.onAdd(obj as T);
    let set = this.handlers.get(kind);
    if (!set) {
      set = new Set();
      this.handlers.set(kind, set);
    }
    const h = handlers as ResourceEventHandlers;
    set.add(h);
    return () => set.delete(h);
  }

  addIndexer(kind: string, indexName: string, fn: IndexFunc): void {
    this.kindCache(kind).addIndexer(indexName, fn);
  }

  /** Starts filling the cache in the background; after stop(), resumes the watch from where it stopped. */
  start(): void {
    if (this.loop) return;
    const stopper = new AbortController();
    this.stopper = stopper;
    this.loop = this.run(stopper.signal).finally(() => {
      this.loop = undefined;
    });
  }

  /**
   * Stops watching and saves a snapshot of what changed since the last one; the cache keeps what it has and
   * start() picks up from the same revision.
   */
  async stop(): Promise<void> {
    this.stopper?.abort();
    this.watch?.stop();
    await this.loop;
    if (this.synced) this.maybeSaveSnapshot(1);
    await this.savingSnapshot;
  }

  hasSynced(): boolean {
    return this.synced;
  }

  /** Resolves true once the cache holds a complete view, false if `signal` aborts first. */
  waitForSync(signal?: AbortSignal): Promise<boolean> {
    if (this.synced) return Promise.resolve(true);
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onAbort = () => resolve(false);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.syncedPromise.then(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      });
    });
  }

  /** How the first sync went (undefined until it happened). */
  get syncStats(): SyncStats | undefined {
    return this.stats;
  }

  /** The log revision the cache reflects. */
  get revision(): number {
    return this.appliedRevision;
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    return this.kindCache(kind).get(namespace ?? '', name) as T | undefined;
  }

  list<T extends KubeObject = KubeObject>(kind: string, opts: ListOptions = {}): T[] {
    const items = this.kindCache(kind).list(opts.namespace);
    const selector = opts.selector;
    return (selector ? items.filter((o) => selector(o.metadata.labels ?? NO_LABELS)) : items) as T[];
  }

  byIndex<T extends KubeObject = KubeObject>(kind: string, indexName: string, value: string): T[] {
    return this.kindCache(kind).byIndex(indexName, value) as T[];
  }

  /** Objects cached, per kind. */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.caches].map(([kind, c]) => [kind, c.size]));
  }

  /** Index values present for a kind (diagnostics and tests). */
  indexValues(kind: string, indexName: string): string[] {
    return this.kindCache(kind).indexValues(indexName);
  }

  private kindCache(kind: string): KindCache {
    const c = this.caches.get(kind);
    if (!c) throw new Error(`informer ${this.name} does not watch kind ${kind}`);
    return c;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (!this.synced) await this.initialSync();
        else await this.follow(signal);
        failures = 0;
      } catch (err) {
        if (signal.aborted) break;
        if (isStatusError(err, 'Expired')) {
          this.log.info(
            { informer: this.name, revision: this.appliedRevision, why: err.message },
            'watch expired, relisting',
          );
          this.metrics.relisted();
          try {
            await this.listAndCatchUp();
          } catch (relistErr) {
            if (!signal.aborted) await this.backOff(relistErr, failures++, signal);
          }
          continue;
        }
        await this.backOff(err, failures++, signal);
      }
    }
  }

  private async backOff(err: unknown, failures: number, signal: AbortSignal): Promise<void> {
    const delayMs = Math.min(RETRY_BASE_MS * 2 ** failures, RETRY_MAX_MS);
    const why = err instanceof Error ? err.message : String(err);
    this.log.warn({ informer: this.name, why, retryInMs: delayMs }, 'informer read failed, retrying');
    await this.clock.sleep(delayMs, signal);
  }

  private async initialSync(): Promise<void> {
    const started = performance.now();
    let mode: SyncStats['mode'] = this.startMode;
    let events: number;
    if (mode === 'replay') {
      try {
        events = await this.replay();
      } catch (err) {
        if (!isStatusError(err, 'Expired')) throw err;
        this.log.info(
          { informer: this.name, why: err.message },
          'log already compacted, listing instead of replaying',
        );
        mode = 'listWatch';
        events = await this.listAndCatchUp();
      }
    } else {
      const restored = this.snapshots ? await this.restoreSnapshot() : undefined;
      if (restored !== undefined) mode = 'snapshot';
      events = restored ?? (await this.listAndCatchUp());
    }
    const objects = this.cachedObjects();
    this.stats = {
      mode,
      events,
      objects,
      ms: Math.round(performance.now() - started),
      revision: this.appliedRevision,
    };
    this.metrics.replayed(events);
    this.synced = true;
    this.markSynced();
    this.log.info({ informer: this.name, ...this.stats }, 'informer synced');
    this.maybeSaveSnapshot(mode === 'snapshot' ? undefined : 0);
  }

  /** Folds the whole log into the cache (while it is untrimmed). */
  private async replay(): Promise<number> {
    const { items, revision, events } = await this.store.replay({ kinds: this.kinds, decode: this.decode });
    const byKind = new Map<string, KubeObject[]>(this.kinds.map((k) => [k, []]));
    for (const obj of items) byKind.get(obj.kind)?.push(obj);
    // A first sync that failed half-way may have left objects behind: the replay replaces them all.
    for (const [kind, objs] of byKind) this.replaceKind(this.kindCache(kind), objs);
    this.appliedRevision = revision;
    this.updateObjectMetrics();
    return events;
  }

  /**
   * Lists every kind, makes the cache equal to the lists (emitting what changed), then folds the log between
   * the lowest and the highest list revision so all kinds reflect one revision. Returns objects + events.
   */
  private async listAndCatchUp(): Promise<number> {
    const lists = await Promise.all(this.kinds.map((kind) => this.store.list(kind, { decode: this.decode })));
    let events = 0;
    const listedAt = new Map<string, number>();
    lists.forEach((l, i) => {
      listedAt.set(this.kinds[i], l.revision);
      this.replaceKind(this.kindCache(this.kinds[i]), l.items);
      events += l.items.length;
    });
    const revisions = lists.map((l) => l.revision);
    const from = Math.min(...revisions);
    const to = Math.max(...revisions);
    events += await this.catchUp(from, to, listedAt);
    this.appliedRevision = to;
    this.updateObjectMetrics();
    return events;
  }

  /** Applies the log's events in (from, to] to each kind whose cache reflects a revision below them. */
  private async catchUp(from: number, to: number, kindsAt: ReadonlyMap<string, number>): Promise<number> {
    let events = 0;
    if (to <= from) return events;
    for await (const batch of this.store.readLog(from, { toRevision: to })) {
      for (const raw of batch) {
        const at = kindsAt.get(raw.kind);
        if (at === undefined || raw.revision <= at) continue;
        this.apply(raw.type, JSON.parse(raw.json) as KubeObject);
        events++;
      }
    }
    return events;
  }

  /**
   * Fills the cache from the saved snapshot and the log after it; returns objects + events, or undefined (and
   * leaves the cache alone) when there is no usable snapshot: none, another encoding, or older than compaction.
   */
  private async restoreSnapshot(): Promise<number | undefined> {
    const started = performance.now();
    const snapshot = await this.store.loadSnapshot(this.snapshotName);
    if (!snapshot) return undefined;
    const skip = (why: string) => {
      this.log.info({ informer: this.name, revision: snapshot.revision, why }, 'snapshot not used, listing');
      return undefined;
    };
    const now = await this.store.revision();
    if (snapshot.revision > now) return skip(`the log ends at revision ${now}, before the snapshot`);
    const byKind = new Map<string, KubeObject[]>(this.kinds.map((k) => [k, []]));
    try {
      for (const chunk of decodeSnapshot<KubeObject>(snapshot.chunks))
        for (const obj of chunk) byKind.get(obj.kind)?.push(obj);
    } catch (err) {
      return skip(`unreadable: ${err instanceof Error ? err.message : String(err)}`);
    }
    // The log after the snapshot, folded in before the cache is touched: handlers hear the result as adds, as
    // after a list, and a tail behind compaction leaves the cache as it was, for the list. Only each object's
    // last event is parsed.
    const tail = new Map<string, RawLogEvent>();
    let events = 0;
    try {
      for await (const batch of this.store.readLog(snapshot.revision, { toRevision: now })) {
        for (const raw of batch) {
          if (!byKind.has(raw.kind)) continue;
          tail.set(`${raw.kind}\0${raw.key}`, raw);
          events++;
        }
      }
    } catch (err) {
      if (!isStatusError(err, 'Expired')) throw err;
      return skip(err.message);
    }
    let objects = 0;
    for (const [kind, items] of byKind) {
      const current = withTail(items, kind, tail);
      this.replaceKind(this.kindCache(kind), current);
      objects += current.length;
    }
    this.appliedRevision = now;
    this.updateObjectMetrics();
    this.eventsSinceSnapshot = events;
    this.log.info(
      {
        informer: this.name,
        revision: snapshot.revision,
        objects,
        events,
        ms: Math.round(performance.now() - started),
      },
      'loaded snapshot and the log after it',
    );
    return objects + events;
  }

  /** Makes one kind's cache equal to a list, emitting add/update/delete for each difference. */
  private replaceKind(cache: KindCache, items: KubeObject[]): void {
    if (cache.size === 0 && items.every((o) => Object.isFrozen(o))) {
      // A first fill with objects already shared (a snapshot's): only adds, and nothing to look up first.
      for (const obj of items) {
        cache.upsert(obj);
        this.emit(obj.kind, (h) => h.onAdd?.(obj));
      }
      return;
    }
    if (cache.size > 0) {
      const listed = new Set(items.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`));
      const gone = [...cache.objects()].filter(
        (o) => !listed.has(`${o.metadata.namespace ?? ''}/${o.metadata.name}`),
      );
      for (const obj of gone) this.apply('DELETED', obj);
    }
    for (const obj of items) this.apply('ADDED', obj);
  }

  private async follow(signal: AbortSignal): Promise<void> {
    const watch = this.store.watch({ fromRevision: this.appliedRevision, kinds: this.kinds });
    this.watch = watch;
    if (signal.aborted) watch.stop();
    try {
      for await (const ev of watch) {
        this.apply(ev.type, ev.object);
        this.appliedRevision = ev.revision;
        this.eventsSinceSnapshot++;
        this.maybeSaveSnapshot();
        this.metrics.watchEvent();
        this.metrics.objects(ev.kind, this.kindCache(ev.kind).size);
      }
    } finally {
      watch.stop();
      this.watch = undefined;
    }
  }

  /**
   * Starts saving a snapshot in the background once `minEvents` (default: the policy's) were applied since the last, if snapshots are
   * on, the cache is big enough and no save is under way. The objects are collected at once, at the applied
   * revision; cached objects are replaced, never modified, so encoding them later still gives that revision.
   */
  private maybeSaveSnapshot(minEvents?: number): void {
    const policy = this.snapshots;
    if (!policy || this.savingSnapshot) return;
    // Called for every watch event: the policy's threshold (at least minObjects unless everyEvents says
    // otherwise) is worked out only past the cheap check.
    if (this.eventsSinceSnapshot < (minEvents ?? policy.everyEvents ?? policy.minObjects)) return;
    const cached = this.cachedObjects();
    if (cached < policy.minObjects) return;
    if (minEvents === undefined && this.eventsSinceSnapshot < (policy.everyEvents ?? Math.floor(cached / 2)))
      return;
    const objects = this.kinds.flatMap((kind) => this.kindCache(kind).list());
    const revision = this.appliedRevision;
    const since = this.eventsSinceSnapshot;
    this.eventsSinceSnapshot = 0;
    this.savingSnapshot = this.saveSnapshot(objects, revision)
      .catch((err) => {
        this.eventsSinceSnapshot += since;
        this.log.warn(
          { informer: this.name, revision, why: err instanceof Error ? err.message : String(err) },
          'could not save a snapshot',
        );
      })
      .finally(() => {
        this.savingSnapshot = undefined;
      });
  }

  private async saveSnapshot(objects: KubeObject[], revision: number): Promise<void> {
    const started = performance.now();
    // The watch and the workers run between parts of the encoding.
    const chunks = await encodeSnapshot(objects, () => new Promise(setImmediate));
    const stored = await this.store.saveSnapshot(this.snapshotName, revision, chunks);
    this.log.info(
      {
        informer: this.name,
        revision,
        objects: objects.length,
        bytes: chunks.reduce((n, c) => n + c.length, 0),
        ms: Math.round(performance.now() - started),
        stored,
      },
      'saved a snapshot',
    );
  }

  private cachedObjects(): number {
    let n = 0;
    for (const c of this.caches.values()) n += c.size;
    return n;
  }

  /** Applies one change to the cache and tells the handlers; a change the cache already reflects is ignored. */
  private apply(type: EventType, obj: KubeObject): void {
    const cache = this.caches.get(obj.kind);
    if (!cache) return;
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    const old = cache.get(ns, name);
    if (type === 'DELETED') {
      if (!old) return;
      cache.remove(ns, name);
      const last = old === obj ? old : shareWith(obj, old);
      this.emit(obj.kind, (h) => h.onDelete?.(last));
      return;
    }
    if (old && old.metadata.resourceVersion === obj.metadata.resourceVersion) return;
    if (old && old.metadata.uid !== obj.metadata.uid) {
      // Same name, new object (a relist found it deleted and created again): say so, not "updated".
      this.apply('DELETED', old);
      this.apply(type, obj);
      return;
    }
    const current = this.shared(obj, old);
    cache.upsert(current);
    if (old) this.emit(obj.kind, (h) => h.onUpdate?.(old, current));
    else this.emit(obj.kind, (h) => h.onAdd?.(current));
  }

  /** Objects listed or replayed are shared as they are parsed, so the garbage of parsing dies young. */
  private readonly decode = (json: string): KubeObject => this.shared(JSON.parse(json) as KubeObject);

  /** `obj` frozen and sharing what it has in common with its previous version, or else with the last object
   *  cached from the same controller. */
  private shared(obj: KubeObject, old?: KubeObject): KubeObject {
    if (Object.isFrozen(obj)) return obj;
    const group = `${obj.kind}/${controllerRef(obj)?.uid ?? ''}`;
    const current = shareWith(obj, old ?? this.references.get(group));
    if (this.references.size >= MAX_REFERENCES) this.references.clear();
    this.references.set(group, current);
    return current;
  }

  private emit(kind: string, call: (h: ResourceEventHandlers) => void): void {
    const set = this.handlers.get(kind);
    if (!set) return;
    for (const h of set) {
      try {
        call(h);
      } catch (err) {
        this.log.error(
          { informer: this.name, kind, why: err instanceof Error ? err.message : String(err) },
          'event handler failed',
        );
      }
    }
  }

  private updateObjectMetrics(): void {
    for (const [kind, c] of this.caches) this.metrics.objects(kind, c.size);
  }
}

/** A kind's snapshot objects with the log's last event after the snapshot (`kind\0key`) applied to each. */
function withTail(items: KubeObject[], kind: string, tail: ReadonlyMap<string, RawLogEvent>): KubeObject[] {
  const changed = [...tail.values()].filter((raw) => raw.kind === kind);
  if (changed.length === 0) return items;
  const byKey = new Map(items.map((o) => [storeKey(o), o]));
  for (const raw of changed) {
    if (raw.type === 'DELETED') byKey.delete(raw.key);
    else byKey.set(raw.key, JSON.parse(raw.json) as KubeObject);
  }
  return [...byKey.values()];
}

/** The key the log and the projection name an object by: `namespace/name`, or `name`. */
function storeKey(o: KubeObject): string {
  const { namespace, name } = o.metadata;
  return namespace ? `${namespace}/${name}` : (name ?? '');
}
