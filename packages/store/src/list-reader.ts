// Lists of a kind's projection read in pages (HSCAN) so that Redis sends one page while the caller decodes the
// previous one, instead of one reply of the whole kind that nothing can use until its last byte arrives. Pages
// are not one snapshot, so the log repairs them: every page was read at a revision between the one read before
// the first page (from) and the one read after the last (to), and an object the log does not touch in (from, to]
// was the same throughout, while for one it does touch, its last event there is its state at `to`. The result
// is the projection at `to`, exactly as one atomic read at `to` would have returned it.
import { isStatusError } from '@kubesim/api';
import { type BinaryEntry, binaryRawEvent } from './log-entry.js';
import { DEFAULT_BATCH_SIZE, entriesSpan, readLogBatches } from './log-reader.js';
import type { Decode } from './types.js';

export interface ProjectionReads {
  revision(): Promise<number>;
  /** Counts connection losses: a Redis restarted under a scan may have rebuilt the hash at another size. */
  connectionEpoch(): number;
  /** One HSCAN page of the kind's hash (fields and values alternate) and the cursor to continue from. */
  scan(cursor: string): Promise<[cursor: string, fieldsAndValues: Buffer[]]>;
  /** The log in (lo - 1, hi], as readLogBatches' fetchRange. */
  logRange(lo: number, hi: number): Promise<BinaryEntry[]>;
  compacted(): Promise<number>;
  /** The whole selection and its revision in one atomic read: used when compaction took the repair window. */
  atomic(): Promise<[revision: number, jsons: string[]]>;
}

export interface ScanOptions<T> {
  kind: string;
  /** Keep only keys starting with this ('namespace/'); the scan's MATCH pattern must select the same keys. */
  keyPrefix?: string;
  decode: Decode<T>;
}

export async function listProjection<T>(
  reads: ProjectionReads,
  opts: ScanOptions<T>,
): Promise<{ items: T[]; revision: number }> {
  // A restarted Redis rebuilds the hash with a new hash seed, so a cursor from before the restart means nothing
  // after it: a scan that lost its connection starts again, and falls back to one atomic read if that keeps
  // happening.
  for (let attempt = 0; attempt < SCAN_ATTEMPTS; attempt++) {
    const list = await scanOnce(reads, opts);
    if (list) return list;
  }
  return atomicList(reads, opts);
}

const SCAN_ATTEMPTS = 3;

/** The list, or undefined when the connection was lost during the scan. */
async function scanOnce<T>(
  reads: ProjectionReads,
  opts: ScanOptions<T>,
): Promise<{ items: T[]; revision: number } | undefined> {
  // Each bounding revision is read only once the read it bounds has answered, so no reissue of a read cut off by
  // a dropped connection can land on the wrong side of it.
  const start = await reads.revision();
  const epoch = reads.connectionEpoch();
  const keys: string[] = [];
  const items: T[] = [];
  let page = observed(reads.scan('0'));
  for (;;) {
    const [cursor, entries] = await page;
    if (cursor !== '0') {
      page = observed(reads.scan(cursor));
      // The connection sends what one tick issued when the tick ends: let the request leave before decoding.
      await new Promise(setImmediate);
    }
    for (let i = 0; i < entries.length; i += 2) {
      keys.push(entries[i].toString());
      items.push(opts.decode(entries[i + 1].toString()));
    }
    if (cursor === '0') break;
  }
  const end = await reads.revision();
  if (reads.connectionEpoch() !== epoch) return undefined;
  // Without a write, nothing changed between the pages and the hash was not resized: no key came twice. (HSCAN
  // returns a key twice only across a resize.)
  if (end === start) return { items, revision: end };
  try {
    return { items: await repaired(reads, opts, keys, items, start, end), revision: end };
  } catch (err) {
    if (!isStatusError(err, 'Expired')) throw err;
    return atomicList(reads, opts);
  }
}

async function atomicList<T>(
  reads: ProjectionReads,
  opts: ScanOptions<T>,
): Promise<{ items: T[]; revision: number }> {
  const [revision, jsons] = await reads.atomic();
  return { items: jsons.map((json) => opts.decode(json)), revision };
}

/** A read issued ahead of being awaited: if the list fails before it gets there, its failure is not unhandled. */
function observed<T>(read: Promise<T>): Promise<T> {
  read.catch(() => {});
  return read;
}

/** The scanned items made the state at `to` by the log's events of the kind (and prefix) in (from, to]. */
async function repaired<T>(
  reads: ProjectionReads,
  opts: ScanOptions<T>,
  keys: string[],
  scanned: T[],
  from: number,
  to: number,
): Promise<T[]> {
  const last = new Map<string, { deleted: boolean; json: string }>();
  for await (const batch of readLogBatches(
    reads.logRange,
    entriesSpan,
    reads.compacted,
    from,
    to,
    DEFAULT_BATCH_SIZE,
  )) {
    for (const entry of batch) {
      const e = binaryRawEvent(entry);
      if (e.kind !== opts.kind || (opts.keyPrefix && !e.key.startsWith(opts.keyPrefix))) continue;
      last.set(e.key, { deleted: e.type === 'DELETED', json: e.json });
    }
  }
  const items: T[] = [];
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    // HSCAN returns a key twice when writes resized the hash meanwhile: both reads are repaired alike.
    if (seen.has(key)) return;
    seen.add(key);
    const change = last.get(key);
    if (change === undefined) items.push(scanned[i]);
    else if (!change.deleted) items.push(opts.decode(change.json));
  });
  for (const [key, change] of last)
    if (!seen.has(key) && !change.deleted) items.push(opts.decode(change.json));
  return items;
}
