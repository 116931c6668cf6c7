// Compacts the event log as kube-apiserver compacts etcd: every interval it trims the log up to the revision it
// read one interval earlier, so every watcher and lister has had a whole interval to catch up, while the most
// recent `retain` revisions always stay (for `ksim log`, `ksim at` and watches that resume). Several API
// replicas may each run one: compaction only moves forward, so they never undo each other.
import type { Clock, Logger } from '@kubesim/controller-kit';
import type { Store } from '@kubesim/store';

export interface CompactorOptions {
  store: Store;
  clock: Clock;
  log: Logger;
  /** Simulated milliseconds between compactions. */
  intervalMs: number;
  /** Revisions always kept behind the head. */
  retain: number;
  signal: AbortSignal;
}

/** Runs until `signal` aborts. */
export async function runCompactor(opts: CompactorOptions): Promise<void> {
  const { store, clock, log } = opts;
  let previous: number | undefined;
  let compacted = -1;
  while (await clock.sleep(opts.intervalMs, opts.signal)) {
    try {
      const head = await store.revision();
      if (previous !== undefined) {
        const now = await store.compact(opts.retain, { upTo: previous });
        if (now > compacted) log.info({ compacted: now, head }, 'compacted the event log');
        compacted = now;
      }
      previous = head;
    } catch (err) {
      log.warn({ why: err instanceof Error ? err.message : String(err) }, 'log compaction failed; retrying');
    }
  }
}

export interface CompactionSettings {
  /** Simulated milliseconds between compactions; 0 turns compaction off. */
  intervalMs: number;
  retain: number;
}

/** KSIM_COMPACTION_INTERVAL (simulated seconds, default 300 as kube-apiserver; 0 = off) and
 *  KSIM_COMPACTION_RETAIN (revisions, default 100,000). */
export function compactionSettings(env: NodeJS.ProcessEnv): CompactionSettings {
  const count = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
    return n;
  };
  return {
    intervalMs: count('KSIM_COMPACTION_INTERVAL', 300) * 1000,
    retain: count('KSIM_COMPACTION_RETAIN', 100_000),
  };
}
