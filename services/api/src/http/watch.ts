// Watch streams: newline-delimited {"type","object"} events from a resourceVersion, filtered by namespace
// and selectors, as plain objects or one-row Tables, ending on timeoutSeconds or when the client leaves.
import { apiVersionOf, isStatusError, type KubeObject, keyOf, StatusError, statusErrors } from '@kubesim/api';
import type { LogEvent } from '@kubesim/store';
import type { ResourceCall } from './context.js';
import { responseFormat, watchEventObject } from './render.js';
import { listOptionsOf, type Selection, selectionOf } from './request-options.js';

type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** Translates log events into what one watcher sees. An object that stops matching the selection is
 *  DELETED for this watcher, one that starts matching is ADDED, as the API server's watch cache does. */
export class WatchFilter {
  private readonly inView = new Set<string>();
  constructor(
    private readonly kind: string,
    private readonly namespace: string | undefined,
    private readonly selection: Selection,
  ) {}

  seed(obj: KubeObject): void {
    this.inView.add(keyOf(obj));
  }

  apply(ev: LogEvent): { type: WatchType; object: KubeObject } | undefined {
    if (ev.kind !== this.kind) return undefined;
    if (this.namespace !== undefined && ev.namespace !== this.namespace) return undefined;
    const key = keyOf(ev.object);
    const matches = this.selection.matches(ev.object);
    const wasIn = this.inView.has(key);
    if (ev.type === 'DELETED') {
      this.inView.delete(key);
      return matches || wasIn ? { type: 'DELETED', object: ev.object } : undefined;
    }
    if (matches) {
      this.inView.add(key);
      return { type: wasIn || ev.type === 'MODIFIED' ? 'MODIFIED' : 'ADDED', object: ev.object };
    }
    if (wasIn) {
      this.inView.delete(key);
      return { type: 'DELETED', object: ev.object };
    }
    return undefined;
  }
}

/** How often a watch that allows bookmarks gets one, besides the one just before its timeout (the API
 *  server's watch cache: every minute, and 2 s before the deadline). */
const BOOKMARK_EVERY_MS = 60_000;
const BOOKMARK_BEFORE_DEADLINE_MS = 2_000;

/** When the next bookmark is due, and whether it is the one before the deadline (the last); undefined when
 *  none is (too close to the deadline). */
export function nextBookmark(
  nowMs: number,
  deadlineMs: number | undefined,
): { inMs: number; last: boolean } | undefined {
  if (deadlineMs === undefined) return { inMs: BOOKMARK_EVERY_MS, last: false };
  const beforeDeadline = deadlineMs - BOOKMARK_BEFORE_DEADLINE_MS - nowMs;
  if (beforeDeadline < 0) return undefined;
  return beforeDeadline <= BOOKMARK_EVERY_MS
    ? { inMs: beforeDeadline, last: true }
    : { inMs: BOOKMARK_EVERY_MS, last: false };
}

function startRevision(rv: string | undefined): number | undefined {
  if (rv === undefined || rv === '' || rv === '0') return undefined;
  if (!/^\d+$/.test(rv)) throw new StatusError(statusErrors.badRequest(`invalid resource version: ${rv}`));
  return Number(rv);
}

export async function watchObjects(call: ResourceCall): Promise<void> {
  const { store } = call.api;
  const { info } = call.target;
  const query = new URLSearchParams(call.query);
  // The legacy single-object form `/pods/NAME?watch=1` is a watch with a name field selector.
  if (call.target.name)
    query.set(
      'fieldSelector',
      [query.get('fieldSelector'), `metadata.name=${call.target.name}`].filter(Boolean).join(','),
    );
  const opts = listOptionsOf({ ...call, query });
  const selection = selectionOf(opts);
  const { timeoutSeconds } = opts;
  const format = responseFormat(call, true);
  let from = startRevision(opts.resourceVersion);
  const namespace = info.namespaced ? call.target.namespace : undefined;
  const filter = new WatchFilter(info.kind, namespace, selection);
  const initial: KubeObject[] = [];
  if (from === undefined) {
    const listed = await store.list(info.kind, namespace ? { namespace } : {});
    from = listed.revision;
    for (const o of listed.items) if (selection.matches(o)) initial.push(o);
  }

  const { res } = call;
  res.writeHead(200, {
    'Content-Type': format.contentType,
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache',
  });
  res.flushHeaders();
  const send = (type: WatchType, object: unknown) => {
    res.write(
      `${JSON.stringify({ type, object: type === 'ERROR' ? object : watchEventObject(call, format, object as KubeObject) })}\n`,
    );
  };
  for (const o of initial) {
    filter.seed(o);
    send('ADDED', o);
  }

  const watch = store.watch({ fromRevision: from, kinds: [info.kind] });
  const stop = () => watch.stop();
  call.req.on('close', stop);
  res.on('close', stop);
  const deadline = timeoutSeconds !== undefined ? Date.now() + timeoutSeconds * 1000 : undefined;
  const timer = deadline !== undefined ? setTimeout(stop, deadline - Date.now()) : undefined;
  // A bookmark carries the revision the watch has read up to (every event before it was sent or did not
  // concern this watcher), so a client that resumes from it neither misses anything nor reads a stale revision
  // that compaction may have taken. It is only ever sent between two events.
  const apiVersion = apiVersionOf(info);
  let bookmarkTimer: NodeJS.Timeout | undefined;
  const scheduleBookmark = () => {
    const next = nextBookmark(Date.now(), deadline);
    if (next === undefined) return;
    bookmarkTimer = setTimeout(() => {
      const metadata = { resourceVersion: String(watch.revision) };
      res.write(
        `${JSON.stringify({ type: 'BOOKMARK', object: { kind: info.kind, apiVersion, metadata } })}\n`,
      );
      if (!next.last) scheduleBookmark();
    }, next.inMs);
  };
  if (opts.allowWatchBookmarks) scheduleBookmark();
  try {
    for await (const ev of watch) {
      const out = filter.apply(ev);
      if (out) send(out.type, out.object);
    }
  } catch (err) {
    if (isStatusError(err)) send('ERROR', err.status);
    else send('ERROR', statusErrors.internal(err instanceof Error ? err.message : String(err)));
  } finally {
    clearTimeout(timer);
    clearTimeout(bookmarkTimer);
    res.end();
  }
}
