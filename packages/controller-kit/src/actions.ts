// What a reconcile decides, as data: a list of writes the runner applies through the store. Reconcilers stay
// pure functions of (cache, now) → actions, testable with tables and no Redis; this small shell does the I/O.
import { isStatusError, type KubeObject, objectKey } from '@kubesim/api';
import type { DeleteOptions, Store } from '@kubesim/store';

export type Action =
  /** Create an object (name or generateName set by the reconciler). */
  | { type: 'create'; object: KubeObject }
  /** Replace an object; its metadata.resourceVersion must still be current, else 409 and the key is requeued. */
  | { type: 'update'; object: KubeObject }
  /** Replace an object's status (same optimistic concurrency as update). */
  | { type: 'updateStatus'; object: KubeObject }
  /**
   * Change an object from its latest stored version: `mutate` is re-run on a fresh read after every conflict
   * (GuaranteedUpdate), for changes that do not depend on the rest of the cache. Return undefined for no change.
   */
  | {
      type: 'mutate';
      kind: string;
      namespace: string;
      name: string;
      mutate: (current: KubeObject) => KubeObject | undefined;
      subresource?: 'status';
    }
  /** Delete an object; with `uid`, only that incarnation of the name. Already gone counts as done. */
  | {
      type: 'delete';
      kind: string;
      namespace: string;
      name: string;
      uid?: string;
      gracePeriodSeconds?: number;
      propagationPolicy?: DeleteOptions['propagationPolicy'];
    };

export interface AppliedAction {
  action: Action;
  /** The object as written, or as deleted; undefined for a delete of something already gone. */
  object?: KubeObject;
}

export interface ApplyResult {
  done: AppliedAction[];
  /** Actions not carried out: the one that failed (if any), then every one after it. */
  notDone: Action[];
  /** Why the first of notDone failed; undefined when everything was applied or the signal stopped it. */
  error?: unknown;
}

/** The `namespace/name` key of the object an action writes. */
export function actionKey(action: Action): string {
  if (action.type === 'create' || action.type === 'update' || action.type === 'updateStatus') {
    return objectKey(action.object.metadata.namespace, action.object.metadata.name ?? '');
  }
  return objectKey(action.namespace, action.name);
}

export function actionKind(action: Action): string {
  return action.type === 'create' || action.type === 'update' || action.type === 'updateStatus'
    ? action.object.kind
    : action.kind;
}

/**
 * Applies actions in order and stops at the first failure (as Kubernetes controllers stop a batch of creates
 * at the first error), or before the next write once `signal` aborts (leadership lost).
 */
export async function applyActions(
  store: Store,
  actions: readonly Action[],
  opts: { signal?: AbortSignal } = {},
): Promise<ApplyResult> {
  const done: AppliedAction[] = [];
  for (const [i, action] of actions.entries()) {
    if (opts.signal?.aborted) return { done, notDone: actions.slice(i) };
    try {
      done.push({ action, object: await applyOne(store, action) });
    } catch (error) {
      return { done, notDone: actions.slice(i), error };
    }
  }
  return { done, notDone: [] };
}

async function applyOne(store: Store, action: Action): Promise<KubeObject | undefined> {
  switch (action.type) {
    case 'create':
      return store.create(action.object);
    case 'update':
      return store.update(action.object);
    case 'updateStatus':
      return store.updateStatus(action.object);
    case 'mutate':
      return store.guaranteedUpdate(action.kind, action.namespace, action.name, action.mutate, {
        subresource: action.subresource,
      });
    case 'delete': {
      const opts: DeleteOptions = {};
      if (action.uid) opts.preconditions = { uid: action.uid };
      if (action.gracePeriodSeconds !== undefined) opts.gracePeriodSeconds = action.gracePeriodSeconds;
      if (action.propagationPolicy) opts.propagationPolicy = action.propagationPolicy;
      try {
        return (await store.delete(action.kind, action.namespace, action.name, opts)).object;
      } catch (err) {
        if (isStatusError(err, 'NotFound')) return undefined;
        throw err;
      }
    }
  }
}
