// A watch on the event log: XREAD BLOCK on its own connection from the last revision it handed out. Because
// stream IDs are revisions, resuming after a reconnect or a Redis restart neither skips nor repeats an event.
import type { Redis } from 'ioredis';
import { closeConnection, isConnectionError } from './connection.js';
import { storeErrors } from './errors.js';
import type { ClusterKeys } from './keys.js';
import { parseEvent, rawEvent, revisionOf, type StreamEntry } from './log-entry.js';
import type { LogEvent, Watch } from './types.js';

const READ_COUNT = 1000;
/** How long one XREAD blocks before it is reissued; a stop() ends it at once regardless. */
const BLOCK_MS = 5000;

type XReadReply = [stream: string, entries: StreamEntry[]][] | null;

export class LogWatch implements Watch, AsyncIterator<LogEvent> {
  /** Read cursor: the last revision fetched from the log. */
  private last: number;
  /** Delivery position: the last revision handed out or passed over; never ahead of what the caller has seen. */
  private position: number;
  /** Fetched entries not yet handed out; `event` is absent for entries the kinds filter passes over. */
  private pending: { revision: number; event?: LogEvent }[] = [];
  private pendingAt = 0;
  private checkedStart = false;
  private stopped = false;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly conn: Redis,
    private readonly keys: ClusterKeys,
    fromRevision: number,
    private readonly kinds: ReadonlySet<string> | undefined,
    private readonly onStop: (w: LogWatch) => void,
  ) {
    this.last = fromRevision;
    this.position = fromRevision;
  }

  get revision(): number {
    return this.position;
  }

  [Symbol.asyncIterator](): AsyncIterator<LogEvent> {
    return this;
  }

  /** Calls are served one at a time, so two overlapping next() calls cannot read the same entries twice. */
  next(): Promise<IteratorResult<LogEvent>> {
    const result = this.turn.then(() => this.pull());
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async pull(): Promise<IteratorResult<LogEvent>> {
    while (!this.stopped) {
      if (this.pendingAt < this.pending.length) {
        const { revision, event } = this.pending[this.pendingAt++];
        this.position = revision;
        if (event) return { value: event, done: false };
        continue;
      }
      try {
        if (!this.checkedStart) {
          await this.assertRetained(this.last);
          this.checkedStart = true;
        }
        const reply = (await this.conn.xread(
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          this.keys.log,
          `${this.last}-0`,
        )) as XReadReply;
        if (reply && !this.stopped) await this.accept(reply[0][1]);
      } catch (err) {
        if (this.stopped) break;
        // ioredis reissues the read once Redis is back; anything else (410 included) ends the watch.
        if (!isConnectionError(err)) {
          this.stop();
          throw err;
        }
      }
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<LogEvent>> {
    this.stop();
    return { value: undefined, done: true };
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    closeConnection(this.conn);
    this.onStop(this);
  }

  private async accept(entries: StreamEntry[]): Promise<void> {
    this.pending = [];
    this.pendingAt = 0;
    for (const entry of entries) {
      const revision = revisionOf(entry);
      // Revisions are dense, so a hole means compaction trimmed events this watch had not read yet.
      if (revision !== this.last + 1) await this.assertRetained(this.last, revision);
      this.last = revision;
      const raw = rawEvent(entry);
      this.pending.push({
        revision,
        event: !this.kinds || this.kinds.has(raw.kind) ? parseEvent(raw) : undefined,
      });
    }
  }

  private async assertRetained(from: number, seen?: number): Promise<void> {
    const compacted = Number((await this.conn.get(this.keys.compacted)) ?? 0);
    if (from < compacted) throw storeErrors.expired(from, compacted);
    if (seen !== undefined) throw new Error(`event log has a hole between revisions ${from} and ${seen}`);
  }
}
