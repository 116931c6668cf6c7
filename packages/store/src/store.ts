// One cluster's objects as an event log in Redis. Every write is one Lua script (check, bump the revision, write
// the projection, append to the log); reads come from the projection, watches and replays from the log.
import { randomUUID } from 'node:crypto';
import {
  deepCopy,
  deepEqual,
  generateName,
  KINDS,
  type KindInfo,
  type KubeObject,
  kindInfo,
} from '@kubesim/api';
import type { Redis } from 'ioredis';
import { admitCreate, admitUpdate, defaulted } from './admission.js';
import {
  closeConnection,
  isConnectionError,
  openConnection,
  type StoreLog,
  whenReady,
} from './connection.js';
import { planDeletion } from './deletion.js';
import { storeErrors } from './errors.js';
import { type ClusterKeys, clusterKeys } from './keys.js';
import { listProjection } from './list-reader.js';
import { type BinaryEntry, binaryRawEvent, foldKey, opOf, type StreamEntry } from './log-entry.js';
import {
  compactedRevision,
  DEFAULT_BATCH_SIZE,
  EVENTS_PER_CHUNK,
  type EventLines,
  entriesSpan,
  type Folded,
  foldEvents,
  indexedLines,
  linesSpan,
  readLogBatches,
  withSurvivorObjects,
} from './log-reader.js';
import { prepareForStatusUpdate, prepareForUpdate, stampForCreate } from './object-meta.js';
import { defineScripts, runScript } from './scripts.js';
import { jsonAt, objectAt, type Serialized, serialize } from './serialize.js';
import type {
  Decode,
  DeleteOptions,
  DeleteResult,
  Lease,
  ListOptions,
  ListResult,
  RawLogEvent,
  Watch,
  WatchOptions,
  WriteOptions,
} from './types.js';
import { LogWatch } from './watch.js';
import { type ObjectWrite, WriteBatcher, type WriteReply } from './write-batch.js';

export interface StoreOptions {
  url: string;
  cluster: string;
  log?: StoreLog;
}

interface Stored<T extends KubeObject> {
  json: string;
  object: T;
}

type WriteScript = 'create' | 'update' | 'delete';
const EVENT_OF = { create: 'ADDED', update: 'MODIFIED', delete: 'DELETED' } as const;
type CommitOutcome =
  | { ok: true; revision: number }
  | { ok: false; refused: 'exists' | 'notFound' }
  /** The object as it is now comes with the refusal, so a retry needs no extra read. */
  | { ok: false; refused: 'conflict'; current: string };

/** What an update writes: the caller's object as it is, or a function of the stored one. */
type Change<T> = { replacement: T } | { mutate: (current: T) => T | undefined };

interface ReplaceOptions extends WriteOptions {
  /** resourceVersion the caller based its change on: any other stored version is a 409. */
  precondition?: string;
  subresource: 'main' | 'status';
}

/** generateName collisions are retried with a fresh suffix this many times in all, as the API server does. */
const GENERATE_NAME_ATTEMPTS = 8;
const OP_SCAN_PAGE = 1000;
/** HSCAN COUNT of a list page: a few megabytes of pods, so Redis sends one page while the last is decoded. */
const LIST_PAGE = 1000;

export class Store {
  /** Set by close(): calls still in flight then fail instead of waiting for a reconnect. */
  private closed = false;
  private readonly watches = new Set<LogWatch>();
  /** Counts connection losses: a write refused after one may be refusing its own earlier, unacknowledged run. */
  private connectionEpoch = 0;
  /** Highest revision this client has seen; no write it sends from now on can land at or below it. */
  private highestSeen = 0;
  private readonly opPrefix = randomUUID().slice(0, 8);
  private opCount = 0;

  private readonly writes: WriteBatcher;

  private constructor(
    readonly cluster: string,
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
    private readonly opts: StoreOptions & { log: StoreLog },
  ) {
    this.writes = new WriteBatcher(redis, keys);
    redis.on('close', () => {
      this.connectionEpoch++;
    });
  }

  static async connect(opts: StoreOptions): Promise<Store> {
    const keys = clusterKeys(opts.cluster);
    const log = opts.log ?? (() => {});
    const redis = openConnection({
      url: opts.url,
      name: `ksim-store-${opts.cluster}`,
      log,
      batchPerTick: true,
    });
    defineScripts(redis);
    await whenReady(redis);
    const store = new Store(opts.cluster, redis, keys, { ...opts, log });
    await store.revision();
    return store;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of [...this.watches]) w.stop();
    if (this.redis.status === 'ready') await this.redis.quit();
    else closeConnection(this.redis);
  }

  async revision(): Promise<number> {
    const revision = Number((await this.retrying(() => this.redis.get(this.keys.revision))) ?? 0);
    this.saw(revision);
    return revision;
  }

  compactedRevision(): Promise<number> {
    return this.retrying(() => compactedRevision(this.redis, this.keys));
  }

  async get<T extends KubeObject>(kind: string, namespace: string, name: string): Promise<T | undefined> {
    const info = this.kindInfo(kind);
    const stored = await this.read<T>(info, this.keyOf(info, namespace, name));
    return stored?.object;
  }

  /** The kind's objects (or one namespace's) as one consistent snapshot, with the revision it reflects. */
  async list<T = KubeObject>(kind: string, opts: ListOptions<T> = {}): Promise<ListResult<T>> {
    const info = this.kindInfo(kind);
    const hash = this.keys.objects(kind);
    const keyPrefix = info.namespaced && opts.namespace ? `${opts.namespace}/` : undefined;
    const pattern = keyPrefix === undefined ? '*' : `${globEscaped(keyPrefix)}*`;
    const result = await listProjection(
      {
        revision: () => this.revision(),
        connectionEpoch: () => this.connectionEpoch,
        scan: (cursor) =>
          this.retrying(() =>
            this.redis.hscanBuffer(hash, cursor, 'MATCH', pattern, 'COUNT', LIST_PAGE),
          ).then(([next, entries]) => [String(next), entries]),
        logRange: (lo, hi) => this.logRange(lo, hi),
        compacted: () => this.compactedRevision(),
        atomic: () =>
          this.retrying(() =>
            keyPrefix === undefined
              ? this.listAll(kind)
              : runScript<[number, string[]]>(
                  this.redis,
                  'listNamespace',
                  [this.keys.revision, hash],
                  [keyPrefix],
                ),
          ),
      },
      { kind, keyPrefix, decode: opts.decode ?? (JSON.parse as Decode<T>) },
    );
    this.saw(result.revision);
    return result;
  }

  async create<T extends KubeObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    const info = this.kindInfo(obj.kind);
    if (obj.metadata?.resourceVersion) {
      throw storeErrors.badRequest('resourceVersion should not be set on objects to be created');
    }
    const base = defaulted({ ...obj, metadata: obj.metadata ?? {} });
    const generated = !base.metadata.name && !!base.metadata.generateName;
    for (let attempt = 1; ; attempt++) {
      const name = generated
        ? generateName(base.metadata.generateName as string)
        : (base.metadata.name ?? '');
      const admitted = admitCreate(stampForCreate(base, info, name, randomUUID(), Date.now()));
      const key = this.keyOf(info, admitted.metadata.namespace ?? '', name);
      const serialized = serialize(admitted);
      if (opts.dryRun) return objectAt(serialized, undefined);
      const outcome = await this.commit('create', info, key, serialized);
      if (outcome.ok) return objectAt(serialized, outcome.revision);
      if (!generated || attempt >= GENERATE_NAME_ATTEMPTS) throw storeErrors.alreadyExists(info, name);
    }
  }

  update<T extends KubeObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    return this.replace(
      this.kindInfo(obj.kind),
      obj.metadata?.namespace ?? '',
      obj.metadata?.name ?? '',
      { replacement: obj },
      {
        ...opts,
        precondition: obj.metadata?.resourceVersion || undefined,
        subresource: 'main',
      },
    );
  }

  updateStatus<T extends KubeObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    return this.replace(
      this.kindInfo(obj.kind),
      obj.metadata?.namespace ?? '',
      obj.metadata?.name ?? '',
      { replacement: obj },
      {
        ...opts,
        precondition: obj.metadata?.resourceVersion || undefined,
        subresource: 'status',
      },
    );
  }

  guaranteedUpdate<T extends KubeObject>(
    kind: string,
    namespace: string,
    name: string,
    mutate: (current: T) => T | undefined,
    opts: WriteOptions & { subresource?: 'status' } = {},
  ): Promise<T> {
    return this.replace(
      this.kindInfo(kind),
      namespace,
      name,
      { mutate },
      {
        dryRun: opts.dryRun,
        subresource: opts.subresource ?? 'main',
      },
    );
  }

  async delete<T extends KubeObject>(
    kind: string,
    namespace: string,
    name: string,
    opts: DeleteOptions = {},
  ): Promise<DeleteResult<T>> {
    const info = this.kindInfo(kind);
    const key = this.keyOf(info, namespace, name);
    for (let current = await this.read<T>(info, key); ; ) {
      if (!current) throw storeErrors.notFound(info, name);
      checkPreconditions(info, current.object, opts.preconditions);
      const plan = planDeletion(current.object, opts, Date.now());
      if (plan.action === 'none') return { object: current.object, removed: false };
      const removed = plan.action === 'remove';
      const rv = current.object.metadata.resourceVersion as string;
      const serialized = serialize(plan.object);
      if (opts.dryRun) return { object: objectAt(serialized, rv), removed };
      const outcome = await this.commit(removed ? 'delete' : 'update', info, key, serialized, rv);
      if (outcome.ok) return { object: objectAt(serialized, outcome.revision), removed };
      // Changed or gone since it was read: decide again on what is there now.
      current = await this.afterRefusal<T>(outcome, info, key);
    }
  }

  watch(opts: WatchOptions): Watch {
    const conn = openConnection({
      url: this.opts.url,
      name: `ksim-watch-${this.cluster}`,
      log: this.opts.log,
    });
    const kinds = opts.kinds ? new Set(opts.kinds) : undefined;
    const w = new LogWatch(conn, this.keys, opts.fromRevision, kinds, (stopped) =>
      this.watches.delete(stopped),
    );
    this.watches.add(w);
    return w;
  }

  async *readLog(
    fromRevision: number,
    opts: { toRevision?: number; batchSize?: number } = {},
  ): AsyncIterable<RawLogEvent[]> {
    for await (const batch of this.logBatches(fromRevision, opts)) yield batch.map(binaryRawEvent);
  }

  /** The fold of the log up to `toRevision` (default: all of it), parsed by `decode` (default JSON.parse). */
  async replay(
    opts: { toRevision?: number; kinds?: string[]; decode?: Decode<KubeObject> } = {},
  ): Promise<{ items: KubeObject[]; revision: number; events: number }> {
    const revision = await this.revisionUpTo(opts.toRevision);
    const folded = await this.fold(revision, opts.kinds ? new Set(opts.kinds) : undefined);
    const decode = opts.decode ?? (JSON.parse as Decode<KubeObject>);
    const items: KubeObject[] = [];
    await this.survivorObjects(folded, (_key, _revision, json) => items.push(decode(json)));
    return { items, revision, events: folded.events };
  }

  async verify(): Promise<{ ok: boolean; revision: number; mismatches: string[] }> {
    const kinds = KINDS.map((k) => k.kind);
    // The projection and its revision come from one MULTI, so they describe the same moment.
    const replies = await this.retrying(async () => {
      const tx = this.redis.multi().get(this.keys.revision);
      for (const kind of kinds) tx.hgetall(this.keys.objects(kind));
      return (await tx.exec()) ?? [];
    });
    const revision = Number(replies[0]?.[1] ?? 0);
    const projection = new Map<string, string>();
    kinds.forEach((kind, i) => {
      for (const [key, json] of Object.entries((replies[i + 1]?.[1] ?? {}) as Record<string, string>))
        projection.set(foldKey(kind, key), json);
    });
    const mismatches: string[] = [];
    // The fold reads the log itself, and checks the event index against it on the way.
    const folded = await this.fold(revision, undefined, async (lo, hi) => {
      const [logged, chunk] = await Promise.all([this.loggedEvents(lo, hi), this.eventIndexChunk(lo)]);
      // A range the index lacks is read from the log, which is fine; one it holds must say what the log says.
      const indexed = indexedLines(chunk, lo, hi);
      if (indexed !== undefined && indexed !== logged)
        mismatches.push(`event index: revisions ${lo}..${hi} differ from the log`);
      return logged;
    });
    await this.survivorObjects(folded, (k, logged, json) => {
      const projected = projection.get(k);
      projection.delete(k);
      if (projected === undefined)
        mismatches.push(`${k}: in the log (revision ${logged}) but not in the projection`);
      else if (projected !== json)
        mismatches.push(`${k}: projection differs from the log's last event (revision ${logged})`);
    });
    for (const k of projection.keys())
      mismatches.push(`${k}: in the projection but deleted or absent in the log`);
    return { ok: mismatches.length === 0, revision, mismatches };
  }

  /**
   * Trims the log behind the `retain` most recent revisions, and no further than `upTo` when given; returns the
   * compacted revision (reads from it or below answer 410). Compaction never moves back.
   */
  compact(retain: number, opts: { upTo?: number } = {}): Promise<number> {
    if (!Number.isInteger(retain) || retain < 0)
      throw storeErrors.badRequest('retain must be a non-negative integer');
    if (opts.upTo !== undefined && (!Number.isInteger(opts.upTo) || opts.upTo < 0))
      throw storeErrors.badRequest('upTo must be a non-negative integer');
    return this.retrying(() =>
      runScript<number>(
        this.redis,
        'compact',
        [this.keys.revision, this.keys.log, this.keys.compacted, this.keys.eventIndex],
        opts.upTo === undefined ? [retain] : [retain, opts.upTo],
      ),
    );
  }

  async acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const took = await this.retrying(() =>
      runScript<number>(
        this.redis,
        'acquireLease',
        [this.keys.lease(name)],
        [holder, Math.max(1, Math.round(ttlMs))],
      ),
    );
    return took === 1;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.retrying(() =>
      runScript<number>(this.redis, 'releaseLease', [this.keys.lease(name)], [holder]),
    );
  }

  async getLease(name: string): Promise<Lease | undefined> {
    const fields = await this.retrying(() => this.redis.hgetall(this.keys.lease(name)));
    if (!fields.holder) return undefined;
    return { name, holder: fields.holder, expiresAt: Number(fields.expiresAt) };
  }

  /**
   * Saves a snapshot of a cache (what an informer holds at `revision`, in chunks whose encoding is the caller's)
   * under `name`, unless the snapshot stored there is at least as recent. A restarted reader loads it and folds
   * the log after `revision` instead of listing everything. Returns whether it was stored.
   */
  async saveSnapshot(name: string, revision: number, chunks: string[]): Promise<boolean> {
    const stored = await this.retrying(() =>
      runScript<number>(this.redis, 'saveSnapshot', [this.keys.snapshot(name)], [revision, ...chunks]),
    );
    return stored === 1;
  }

  /** The snapshot saved under `name`, if any. */
  async loadSnapshot(name: string): Promise<{ revision: number; chunks: string[] } | undefined> {
    const [revision, ...chunks] = await this.retrying(() =>
      this.redis.lrange(this.keys.snapshot(name), 0, -1),
    );
    return revision === undefined ? undefined : { revision: Number(revision), chunks };
  }

  /** A whole kind in one atomic read (a list's fallback when compaction took its repair window): MULTI rather
   *  than the list script, because handing 100k values through Lua costs Redis four times as much as HVALS. */
  private async listAll(kind: string): Promise<[number, string[]]> {
    const replies = await this.redis.multi().get(this.keys.revision).hvals(this.keys.objects(kind)).exec();
    const [[revisionError, revision], [valuesError, values]] = replies as [
      [Error | null, string | null],
      [Error | null, string[]],
    ];
    if (revisionError || valuesError) throw revisionError ?? valuesError;
    return [Number(revision ?? 0), values];
  }

  /** Log entries with lo <= revision <= hi, undecoded. */
  private logRange(lo: number, hi: number): Promise<BinaryEntry[]> {
    return this.retrying(
      () =>
        this.redis.xrangeBuffer(this.keys.log, String(lo), String(hi)) as unknown as Promise<BinaryEntry[]>,
    );
  }

  /** The current revision, or `toRevision` if that is earlier. */
  private async revisionUpTo(toRevision: number | undefined): Promise<number> {
    const head = await this.revision();
    return Math.min(toRevision ?? head, head);
  }

  private async *logBatches(
    fromRevision: number,
    opts: { toRevision?: number; batchSize?: number },
  ): AsyncGenerator<BinaryEntry[]> {
    yield* readLogBatches(
      (lo, hi) => this.logRange(lo, hi),
      entriesSpan,
      () => this.compactedRevision(),
      fromRevision,
      await this.revisionUpTo(opts.toRevision),
      opts.batchSize ?? DEFAULT_BATCH_SIZE,
    );
  }

  /**
   * Folds the log's events up to `revision` without receiving any object (see foldEvents), reading each range
   * from `events` (by default the event index, or the log where the index lacks the range).
   */
  private fold(
    revision: number,
    kinds?: ReadonlySet<string>,
    events: (lo: number, hi: number) => Promise<EventLines> = (lo, hi) => this.indexedEvents(lo, hi),
  ): Promise<Folded> {
    return foldEvents(
      readLogBatches(events, linesSpan, () => this.compactedRevision(), 0, revision, EVENTS_PER_CHUNK),
      kinds,
    );
  }

  private async indexedEvents(lo: number, hi: number): Promise<EventLines> {
    return indexedLines(await this.eventIndexChunk(lo), lo, hi) ?? this.loggedEvents(lo, hi);
  }

  /** The event index chunk holding revision `rev`, null if there is none. */
  private eventIndexChunk(rev: number): Promise<string | null> {
    return this.retrying(() =>
      this.redis.get(`${this.keys.eventIndex}${Math.floor((rev - 1) / EVENTS_PER_CHUNK)}`),
    );
  }

  /** The lines of revisions lo..hi read from the log itself. */
  private loggedEvents(lo: number, hi: number): Promise<EventLines> {
    return this.retrying(() => runScript<EventLines>(this.redis, 'logEvents', [this.keys.log], [lo, hi]));
  }

  private survivorObjects(
    folded: Folded,
    use: (foldKey: string, revision: number, json: string) => void,
  ): Promise<void> {
    return withSurvivorObjects(
      folded.survivors,
      (revisions) =>
        this.retrying(() =>
          runScript<(string | null)[]>(this.redis, 'logObjects', [this.keys.log], revisions),
        ),
      () => this.compactedRevision(),
      use,
    );
  }

  /** The read-modify-write loop behind update, updateStatus and guaranteedUpdate (Kubernetes' GuaranteedUpdate):
   *  CAS on the resourceVersion read, retried on conflict unless the caller pinned a resourceVersion. */
  private async replace<T extends KubeObject>(
    info: KindInfo,
    namespace: string,
    name: string,
    change: Change<T>,
    opts: ReplaceOptions,
  ): Promise<T> {
    if (opts.subresource === 'status' && !info.statusSubresource) throw storeErrors.noStatusSubresource(info);
    const key = this.keyOf(info, namespace, name);
    for (let current = await this.read<T>(info, key); ; ) {
      if (!current) throw storeErrors.notFound(info, name);
      const rv = current.object.metadata.resourceVersion as string;
      if (opts.precondition !== undefined && opts.precondition !== rv) throw storeErrors.modified(info, name);
      // A mutator gets its own copy: copying the parsed object is cheaper than parsing the JSON again.
      const proposed = 'replacement' in change ? change.replacement : change.mutate(deepCopy(current.object));
      if (proposed === undefined) return current.object;
      const base = defaulted(proposed);
      const prepared =
        opts.subresource === 'status'
          ? prepareForStatusUpdate(base, current.object)
          : prepareForUpdate(base, current.object, info);
      const next = admitUpdate(prepared, current.object);
      const serialized = serialize(next);
      const json = jsonAt(serialized, rv);
      if (
        json === current.json ||
        (json.length === current.json.length && deepEqual(JSON.parse(json), current.object))
      ) {
        return current.object;
      }
      if (opts.dryRun) return objectAt(serialized, rv);
      const outcome = await this.commit(
        finalizersEmptied(next, current.object) ? 'delete' : 'update',
        info,
        key,
        serialized,
        rv,
      );
      if (outcome.ok) return objectAt(serialized, outcome.revision);
      if (opts.precondition !== undefined) {
        throw outcome.refused === 'notFound'
          ? storeErrors.notFound(info, name)
          : storeErrors.modified(info, name);
      }
      current = await this.afterRefusal<T>(outcome, info, key);
    }
  }

  /** What is stored after a refused CAS: the conflict reply carries it, otherwise read it. */
  private afterRefusal<T extends KubeObject>(
    outcome: CommitOutcome,
    info: KindInfo,
    key: string,
  ): Promise<Stored<T> | undefined> | Stored<T> {
    if (!outcome.ok && outcome.refused === 'conflict') {
      return { json: outcome.current, object: JSON.parse(outcome.current) as T };
    }
    return this.read<T>(info, key);
  }

  /** Applies a write exactly once in effect. A write whose connection dropped may or may not have run, and
   *  ioredis may resend it, so its refusal can be its own earlier run: the operation id in the log decides. */
  private async commit(
    script: WriteScript,
    info: KindInfo,
    key: string,
    serialized: Serialized<KubeObject>,
    expectedRv?: string,
  ): Promise<CommitOutcome> {
    if (key.includes(' ')) throw storeErrors.badRequest(`invalid object key ${JSON.stringify(key)}`);
    const op = `${this.opPrefix}.${(this.opCount++).toString(36)}`;
    const floor = expectedRv !== undefined ? Number(expectedRv) : this.highestSeen;
    const write: ObjectWrite = {
      event: EVENT_OF[script],
      key,
      expectedRv: expectedRv ?? '',
      prefix: serialized.prefix,
      suffix: serialized.suffix,
      op,
    };
    for (;;) {
      const epoch = this.connectionEpoch;
      let reply: WriteReply;
      try {
        reply = await this.writes.submit(info.kind, write);
      } catch (err) {
        if (!isConnectionError(err) || this.closed) throw err;
        const landed = await this.findOp(op, floor);
        if (landed !== undefined) return this.landed(landed);
        continue;
      }
      if (reply[0] === 0) return this.landed(reply[1]);
      if (epoch !== this.connectionEpoch) {
        const landed = await this.findOp(op, floor);
        if (landed !== undefined) return this.landed(landed);
      }
      if (reply[0] === 2) return { ok: false, refused: 'notFound' };
      if (script === 'create') return { ok: false, refused: 'exists' };
      return { ok: false, refused: 'conflict', current: reply[1] as string };
    }
  }

  /** The revision at which operation `op` was logged, searching back from the head to `floor`. */
  private async findOp(op: string, floor: number): Promise<number | undefined> {
    let end = '+';
    for (;;) {
      const page = (await this.retrying(() =>
        this.redis.xrevrange(this.keys.log, end, String(floor + 1), 'COUNT', OP_SCAN_PAGE),
      )) as StreamEntry[];
      for (const entry of page) if (opOf(entry) === op) return Number.parseInt(entry[0], 10);
      if (page.length < OP_SCAN_PAGE) return undefined;
      end = `(${page[page.length - 1][0]}`;
    }
  }

  private landed(revision: number): CommitOutcome {
    this.saw(revision);
    return { ok: true, revision };
  }

  private saw(revision: number): void {
    if (revision > this.highestSeen) this.highestSeen = revision;
  }

  private async read<T extends KubeObject>(info: KindInfo, key: string): Promise<Stored<T> | undefined> {
    const json = await this.retrying(() => this.redis.hget(this.keys.objects(info.kind), key));
    return json === null ? undefined : { json, object: JSON.parse(json) as T };
  }

  /** Reads are idempotent: one cut off by a dropped connection is simply asked again. */
  private async retrying<T>(read: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await read();
      } catch (err) {
        // After close() the connection never comes back: retrying would spin forever.
        if (!isConnectionError(err) || this.closed) throw err;
      }
    }
  }

  private kindInfo(kind: string): KindInfo {
    const info = kindInfo(kind);
    if (!info) throw storeErrors.unknownKind(kind);
    return info;
  }

  private keyOf(info: KindInfo, namespace: string, name: string): string {
    if (!name) throw storeErrors.badRequest(`${info.kind}: metadata.name is required`);
    if (!info.namespaced) return name;
    if (!namespace) throw storeErrors.badRequest(`${info.kind} "${name}": a namespace is required`);
    return `${namespace}/${name}`;
  }
}

/** A namespace as a literal HSCAN MATCH pattern (namespace names never hold glob characters, but keys are data). */
function globEscaped(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}

/** Kubernetes removes an object once an update leaves it marked for deletion, with no grace period pending,
 *  and no finalizer left (registry Store.shouldDeleteDuringUpdate). */
function finalizersEmptied(next: KubeObject, current: KubeObject): boolean {
  return (
    !!current.metadata.deletionTimestamp &&
    !current.metadata.deletionGracePeriodSeconds &&
    !next.metadata.finalizers?.length
  );
}

function checkPreconditions(info: KindInfo, obj: KubeObject, pre: DeleteOptions['preconditions']): void {
  const name = obj.metadata.name ?? '';
  if (pre?.uid !== undefined && pre.uid !== obj.metadata.uid) {
    throw storeErrors.conflict(
      info,
      name,
      `the UID in the precondition (${pre.uid}) does not match the UID in record (${obj.metadata.uid}). The object might have been deleted and then recreated`,
    );
  }
  if (pre?.resourceVersion !== undefined && pre.resourceVersion !== obj.metadata.resourceVersion) {
    throw storeErrors.conflict(
      info,
      name,
      `the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${obj.metadata.resourceVersion}). The object might have been modified`,
    );
  }
}
