// Group commit: the object writes of one kind submitted in the same tick go to Redis in runs of lua/write.lua of a
// few writes each, so concurrent writers share script calls, replies and Redis' per-call work, and each run is
// sent as soon as it is full so Redis applies it while the next one is prepared.
import type { Redis } from 'ioredis';
import { sendNow } from './connection.js';
import type { ClusterKeys } from './keys.js';
import { runScript } from './scripts.js';

export interface ObjectWrite {
  event: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** `namespace/name`, or `name` for cluster-scoped kinds. */
  key: string;
  /** The resourceVersion the stored object must still have; '' for a create. */
  expectedRv: string;
  /** The object's JSON up to and after its resourceVersion value. */
  prefix: string;
  suffix: string;
  /** Operation id, logged with the event so a write whose reply was lost can be looked up. */
  op: string;
}

/** {0, revision} | {1} (exists) | {1, currentJson} (conflict) | {2} (not found), as lua/write.lua answers. */
export type WriteReply = [0, number] | [1, string?] | [2];

/** A batch leaves as soon as it holds this many writes instead of at the end of the tick, so Redis applies it
 *  while this process prepares the next one rather than the two taking turns. With 8 writers on 2 idle cores,
 *  batches of 2–3 gave 35–37k pod creates/s against 17–19k for whole-tick batches, at slightly less CPU per
 *  write on both sides (neither waits for the other, and waking up is costly on this VM). */
const MAX_BATCH = 3;

interface Queued {
  write: ObjectWrite;
  resolve: (reply: WriteReply) => void;
  reject: (err: unknown) => void;
}

export class WriteBatcher {
  /** Writes waiting for the end of this tick, by kind. */
  private readonly queued = new Map<string, Queued[]>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
  ) {}

  /** Applies `write` together with the others submitted in this tick; a failed script run fails them all. */
  submit(kind: string, write: ObjectWrite): Promise<WriteReply> {
    return new Promise((resolve, reject) => {
      let batch = this.queued.get(kind);
      if (!batch) {
        batch = [];
        this.queued.set(kind, batch);
        process.nextTick(() => this.flush(kind));
      }
      batch.push({ write, resolve, reject });
      if (batch.length >= MAX_BATCH) {
        this.flush(kind);
        sendNow(this.redis);
      }
    });
  }

  private flush(kind: string): void {
    const batch = this.queued.get(kind);
    if (!batch) return;
    this.queued.delete(kind);
    const args = [kind];
    for (const { write: w } of batch) args.push(w.event, w.key, w.expectedRv, w.prefix, w.suffix, w.op);
    runScript<WriteReply[]>(
      this.redis,
      'write',
      [this.keys.revision, this.keys.log, this.keys.objects(kind), this.keys.eventIndex],
      args,
    ).then(
      (replies) => {
        for (let i = 0; i < batch.length; i++) batch[i].resolve(replies[i]);
      },
      (err) => {
        for (const q of batch) q.reject(err);
      },
    );
  }
}
