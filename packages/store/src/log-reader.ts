// Bulk reads of the event log: XRANGE over fixed revision ranges (revisions are dense, so each range's size is
// known) with the next ranges already in flight while the caller works; replay folds raw JSON by key and
// parses only what survives.
import type { Redis } from 'ioredis';
import { storeErrors } from './errors.js';
import type { ClusterKeys } from './keys.js';
import {
  type BinaryEntry,
  binaryFoldKey,
  binaryObject,
  binaryRevisionOf,
  isBinaryDeleted,
} from './log-entry.js';

export const DEFAULT_BATCH_SIZE = 2000;
/** Ranges requested ahead of the one being handed out. */
const PREFETCH = 3;

export async function compactedRevision(redis: Redis, keys: ClusterKeys): Promise<number> {
  return Number((await redis.get(keys.compacted)) ?? 0);
}

/** Events with fromRevision < revision <= toRevision, in order, in batches; 410 if compaction took any. */
export async function* readLogBatches(
  fetchRange: (lo: number, hi: number) => Promise<BinaryEntry[]>,
  compactedNow: () => Promise<number>,
  fromRevision: number,
  toRevision: number,
  batchSize: number,
): AsyncGenerator<BinaryEntry[]> {
  const compacted = await compactedNow();
  if (fromRevision < compacted) throw storeErrors.expired(fromRevision, compacted);

  const inFlight: { lo: number; hi: number; reply: Promise<BinaryEntry[]> }[] = [];
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
    const entries = await range.reply;
    refill();
    if (
      entries.length !== range.hi - range.lo + 1 ||
      (entries.length > 0 && binaryRevisionOf(entries[0]) !== range.lo)
    ) {
      const nowCompacted = await compactedNow();
      if (range.lo - 1 < nowCompacted) throw storeErrors.expired(fromRevision, nowCompacted);
      throw new Error(`event log has a hole in revisions ${range.lo}..${range.hi}`);
    }
    yield entries;
  }
}

/** An object's last event in a fold, when it was not a deletion: its revision and its JSON, still bytes. */
export interface Survivor {
  revision: number;
  object: Buffer;
}

export interface Folded {
  /** Every object still present, by foldKey: only these are ever decoded. */
  survivors: Map<string, Survivor>;
  events: number;
}

/** The fold that defines state: each object is its last event, and a DELETED event removes it. Entries stay
 *  undecoded bytes, and a survivor keeps only its revision and object bytes, so the fold holds two small
 *  objects per live object, not a whole reply entry. */
export async function foldLog(
  batches: AsyncIterable<BinaryEntry[]>,
  kinds?: ReadonlySet<string>,
): Promise<Folded> {
  const survivors = new Map<string, Survivor>();
  let events = 0;
  for await (const batch of batches) {
    events += batch.length;
    for (const entry of batch) {
      const k = binaryFoldKey(entry);
      // Kind names are ASCII, so the byte-for-byte prefix is the kind itself.
      if (kinds !== undefined && !kinds.has(k.slice(0, k.indexOf(' ')))) continue;
      if (isBinaryDeleted(entry)) survivors.delete(k);
      else survivors.set(k, { revision: binaryRevisionOf(entry), object: binaryObject(entry) });
    }
  }
  return { survivors, events };
}
