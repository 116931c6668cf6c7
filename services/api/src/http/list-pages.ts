// The later pages of a paged list. kubectl reads every list 500 objects at a time, and each page must show the
// list as it was at the first page's revision (Kubernetes serves continue tokens from that revision). The store
// lists only the present, so the first page keeps its whole sorted selection here for a while, and the pages
// after it are cut out of that. A page whose list is no longer held (expired, evicted, or read from another API
// server) lists the present instead, still in key order after the last key served.
import type { Listed } from './stored-list.js';

/** How long a list waits for its next page: kubectl asks for each one as soon as it printed the last. */
const KEEP_MS = 60_000;
/** Lists held at once; each may be a whole kind. */
const MAX_LISTS = 4;

export class ListPages {
  private readonly lists = new Map<string, { items: Listed[]; until: number }>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  /** Keeps a sorted selection for the pages after the first. */
  keep(key: string, items: Listed[]): void {
    this.expire();
    this.lists.delete(key);
    this.lists.set(key, { items, until: this.nowMs() + KEEP_MS });
    while (this.lists.size > MAX_LISTS) this.lists.delete(this.lists.keys().next().value as string);
  }

  /** The kept selection, if it is still here; each page served keeps it for another while. */
  get(key: string): Listed[] | undefined {
    this.expire();
    const list = this.lists.get(key);
    if (list) list.until = this.nowMs() + KEEP_MS;
    return list?.items;
  }

  private expire(): void {
    const now = this.nowMs();
    for (const [key, list] of this.lists) if (list.until <= now) this.lists.delete(key);
  }
}

/** What a kept list is found by: the same kind, scope and selectors at the same revision. */
export function listKey(parts: {
  kind: string;
  namespace: string | undefined;
  labelSelector: string;
  fieldSelector: string;
  revision: number;
}): string {
  return JSON.stringify([
    parts.kind,
    parts.namespace ?? '',
    parts.labelSelector,
    parts.fieldSelector,
    parts.revision,
  ]);
}

/** The items after `key` in a list sorted by key. */
export function after(items: Listed[], key: string): Listed[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].key <= key) lo = mid + 1;
    else hi = mid;
  }
  return items.slice(lo);
}
