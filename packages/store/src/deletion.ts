// What a DELETE does to an object, decided as the Kubernetes registry decides it (rest.BeforeDelete and
// Store.Delete): graceful deletion for pods on a node, garbage-collection finalizers from the propagation
// policy, a deletionTimestamp while finalizers remain, removal otherwise.
import { deepEqual, type KubeObject, type ObjectMeta } from '@kubesim/api';
import { rfc3339 } from './object-meta.js';
import type { DeleteOptions } from './types.js';

export const FINALIZER_FOREGROUND = 'foregroundDeletion';
export const FINALIZER_ORPHAN = 'orphan';

export type DeletionPlan<T extends KubeObject> =
  /** Gone now; the DELETED event carries this last state. */
  | { action: 'remove'; object: T }
  /** Stays, marked for deletion (MODIFIED). */
  | { action: 'mark'; object: T }
  /** Deletion already under way and this request changes nothing. */
  | { action: 'none'; object: T };

const DEFAULT_POD_GRACE_SECONDS = 30;

/** CheckGracefulDelete for pods: the request's grace period, else the pod's own; 0 when the pod never ran on a
 *  node or has finished; negative means 1. */
function podGracePeriod(pod: KubeObject, requested: number | undefined): number {
  let period = requested ?? pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_POD_GRACE_SECONDS;
  if (!pod.spec?.nodeName) period = 0;
  const phase = pod.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') period = 0;
  return period < 0 ? 1 : period;
}

/** The finalizer list after applying the propagation policy: an explicit policy wins, else a GC finalizer
 *  already present keeps its meaning; Background (the default for our API groups) adds none. */
export function finalizersForPolicy(
  existing: string[] | undefined,
  policy: DeleteOptions['propagationPolicy'],
): string[] {
  const current = existing ?? [];
  const marker = current.find((f) => f === FINALIZER_ORPHAN || f === FINALIZER_FOREGROUND);
  const orphan = policy ? policy === 'Orphan' : marker === FINALIZER_ORPHAN;
  const foreground = policy ? policy === 'Foreground' : marker === FINALIZER_FOREGROUND;
  const next = current.filter((f) => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND);
  if (orphan) next.push(FINALIZER_ORPHAN);
  if (foreground) next.push(FINALIZER_FOREGROUND);
  const same = next.length === current.length && next.every((f) => current.includes(f));
  return same ? current : next;
}

/** markAsDeleting: the object waits for its finalizers with grace period 0. */
function markAsDeleting(meta: ObjectMeta, now: number): void {
  if (!meta.deletionTimestamp && (meta.generation ?? 0) > 0) meta.generation = (meta.generation ?? 0) + 1;
  if (!meta.deletionTimestamp || Date.parse(meta.deletionTimestamp) > now)
    meta.deletionTimestamp = rfc3339(now);
  meta.deletionGracePeriodSeconds = 0;
}

export function planDeletion<T extends KubeObject>(
  current: T,
  opts: DeleteOptions,
  now: number,
): DeletionPlan<T> {
  const meta: ObjectMeta = { ...current.metadata };
  const object = { ...current, metadata: meta };
  const requested =
    opts.gracePeriodSeconds === undefined
      ? undefined
      : opts.gracePeriodSeconds < 0
        ? 1
        : opts.gracePeriodSeconds;

  let graceful = false;
  let period = 0;
  if (current.kind === 'Pod') {
    const pending = meta.deletionTimestamp ? (meta.deletionGracePeriodSeconds ?? 0) : undefined;
    if (pending === undefined) {
      period = podGracePeriod(current, requested);
      meta.deletionTimestamp = rfc3339(now + period * 1000);
      meta.deletionGracePeriodSeconds = period;
      if ((meta.generation ?? 0) > 0) meta.generation = (meta.generation ?? 0) + 1;
      graceful = true;
    } else if (pending > 0) {
      // A pending graceful deletion may only be shortened; anything else leaves it (and its finalizers) alone.
      if (requested === undefined || requested >= pending) return { action: 'none', object: current };
      const start = Date.parse(meta.deletionTimestamp as string) - pending * 1000;
      meta.deletionTimestamp = rfc3339(start + requested * 1000);
      meta.deletionGracePeriodSeconds = requested;
      period = requested;
      graceful = true;
    }
  }

  const finalizers = finalizersForPolicy(meta.finalizers, opts.propagationPolicy);
  if (finalizers !== meta.finalizers && (finalizers.length > 0 || meta.finalizers !== undefined)) {
    meta.finalizers = finalizers;
  }
  const pendingFinalizers = finalizers.length > 0;

  if (!graceful) {
    if (!pendingFinalizers) return { action: 'remove', object };
    markAsDeleting(meta, now);
    return deepEqual(object, current) ? { action: 'none', object: current } : { action: 'mark', object };
  }
  return pendingFinalizers || period > 0 ? { action: 'mark', object } : { action: 'remove', object };
}
