// Bulk reads of the event log: XRANGE over fixed revision ranges (revisions are dense, so each range's size is
// known) with the next ranges already in flight while the caller works. A replay folds the log in two passes:
// first every event's type and identity without its object (one text per range, from a script), then only the
// objects that survive, so the client never receives, let alone allocates, the objects of superseded events.
import type { Redis } from 'ioredis';
import { storeErrors } from './errors.js';
import type { ClusterKeys } from './keys.js';
import { type BinaryEntry, binaryRevisionOf } from './log-entry.js';

export const DEFAULT_BATCH_SIZE = 2000;
/** Ranges requested ahead of the one being handed out. */
const PREFETCH = 3;

export async function compactedRevision(redis: Redis, keys: ClusterKeys): Promise<number> {
  return Number((await redis.get(keys.compacted)) ?? 0);
}

/** How many events a fetched range holds and the revision of its first. */
export type Span<B> = (batch: B) => { count: number; first: number | undefined };

export const entriesSpan: Span<BinaryEntry[]> = (entries) => ({
  count: entries.length,
  first: entries.length > 0 ? binaryRevisionOf(entries[0]) : undefined,
});

/** Events with fromRevision < revision <= toRevision, in order, in batches; 410 if compaction took any. */
export async function* readLogBatches<B>(
  fetchRange: (lo: number, hi: number) => Promise<B>,
  span: Span<B>,
  compactedNow: () => Promise<number>,
  fromRevision: number,
  toRevision: number,
  batchSize: number,
): AsyncGenerator<B> {
  const compacted = await compactedNow();
  if (fromRevision < compacted) throw storeErrors.expired(fromRevision, compacted);

  const inFlight: { lo: number; hi: number; reply: Promise<B> }[] = [];
  let nextLo = fromRevision + 1;
  const refill = () => {
    while (inFlight.length < PREFETCH && nextLo <= toRevision) {
      const lo = nextLo;
      const hi = Math.min(lo + batchSize - 1, toRevision);
      const reply = fetchRange(lo, hi);
      // A caller that stops early leaves replies nobody awaits; their failures must not crash the process.
      reply.catch(() => {});
      inFlight.push({ lo, hi, reply });
      nextLo = hi + 1;
    }
  };

  refill();
  for (let range = inFlight.shift(); range; range = inFlight.shift()) {
    const batch = await range.reply;
    refill();
    const { count, first } = span(batch);
    if (count !== range.hi - range.lo + 1 || (count > 0 && first !== range.lo)) {
      const nowCompacted = await compactedNow();
      if (range.lo - 1 < nowCompacted) throw storeErrors.expired(fromRevision, nowCompacted);
      throw new Error(`event log has a hole in revisions ${range.lo}..${range.hi}`);
    }
    yield batch;
  }
}

/** A range of the log's events as the fold reads them: a line per event, '<revision> <TYPE> <kind> <key>\n'. */
export type EventLines = string;

/** Revisions per chunk of the event index (write.lua's EVENTS_PER_CHUNK). */
export const EVENTS_PER_CHUNK = 2000;

export const linesSpan: Span<EventLines> = (text) => {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return { count, first: count > 0 ? Number.parseInt(text, 10) : undefined };
};

/**
 * The lines of revisions lo..hi (one chunk's at most) out of the event index chunk holding them, or undefined
 * when the chunk does not hold exactly those (it is missing, began after the log did because it was written
 * before the index existed, or lacks a line), for the caller to read them from the log instead.
 */
export function indexedLines(chunk: string | null, lo: number, hi: number): EventLines | undefined {
  const chunkStart = Math.floor((lo - 1) / EVENTS_PER_CHUNK) * EVENTS_PER_CHUNK + 1;
  if (chunk === null || !chunk.startsWith(`${chunkStart} `)) return undefined;
  let from = 0;
  let end = -1;
  for (let rev = chunkStart; rev <= hi; rev++) {
    if (rev === lo) from = end + 1;
    end = chunk.indexOf('\n', end + 1);
    if (end === -1) return undefined;
  }
  // Lines missing in between (a write that did not index) would shift later revisions into the range.
  const lastLine = chunk.lastIndexOf('\n', end - 1) + 1;
  if (!chunk.startsWith(`${hi} `, lastLine)) return undefined;
  return chunk.slice(from, end + 1);
}

export interface Folded {
  /** Every object still present, by foldKey ('<kind> <key>'): the revision of its last event. */
  survivors: Map<string, number>;
  events: number;
}

const DELETED = 0x44; // 'D': DELETED is the only event type starting with it

/** The fold that defines state: each object is its last event, and a DELETED event removes it. */
export async function foldEvents(
  batches: AsyncIterable<EventLines>,
  kinds?: ReadonlySet<string>,
): Promise<Folded> {
  const survivors = new Map<string, number>();
  let events = 0;
  for await (const text of batches) {
    for (let at = 0; at < text.length; ) {
      const end = text.indexOf('\n', at);
      const typeAt = text.indexOf(' ', at) + 1;
      const key = text.slice(text.indexOf(' ', typeAt) + 1, end);
      events++;
      if (kinds === undefined || kinds.has(key.slice(0, key.indexOf(' ')))) {
        if (text.charCodeAt(typeAt) === DELETED) survivors.delete(key);
        else survivors.set(key, Number.parseInt(text.slice(at, typeAt), 10));
      }
      at = end + 1;
    }
  }
  return { survivors, events };
}

/** Survivors' objects fetched per request. */
const OBJECTS_PER_FETCH = 500;

/**
 * Calls `use` with each survivor's object JSON, in revision order, fetching them in batches with the next ones
 * in flight; 410 when compaction has trimmed one of their entries since the fold (which read from the start).
 */
export async function withSurvivorObjects(
  survivors: ReadonlyMap<string, number>,
  fetchObjects: (revisions: number[]) => Promise<(string | null)[]>,
  compactedNow: () => Promise<number>,
  use: (foldKey: string, revision: number, json: string) => void,
): Promise<void> {
  const order = [...survivors].sort((a, b) => a[1] - b[1]);
  const inFlight: Promise<(string | null)[]>[] = [];
  let next = 0;
  const refill = () => {
    while (inFlight.length < PREFETCH && next < order.length) {
      const reply = fetchObjects(order.slice(next, next + OBJECTS_PER_FETCH).map(([, revision]) => revision));
      reply.catch(() => {});
      inFlight.push(reply);
      next += OBJECTS_PER_FETCH;
    }
  };
  refill();
  let at = 0;
  for (let reply = inFlight.shift(); reply; reply = inFlight.shift()) {
    const objects = await reply;
    refill();
    for (const json of objects) {
      const [key, revision] = order[at++];
      if (json === null) {
        const compacted = await compactedNow();
        throw storeErrors.expired(0, compacted);
      }
      use(key, revision, json);
    }
  }
}
