// Deleting a Namespace deletes everything in it, then the Namespace, as the namespace controller does on a
// real cluster (here synchronously inside the request, since no controller owns it yet). The system
// namespaces may not be deleted.
import { KINDS, StatusError, statusErrors } from '@kubesim/api';
import type { DeleteOptions, Store } from '@kubesim/store';

const UNDELETABLE = new Set(['default', 'kube-system', 'kube-public']);

export async function deleteNamespaceContents(
  store: Store,
  namespace: string,
  options: DeleteOptions,
): Promise<void> {
  if (UNDELETABLE.has(namespace)) {
    throw new StatusError(
      statusErrors.forbidden(`namespaces "${namespace}" is forbidden: this namespace may not be deleted`),
    );
  }
  if (options.dryRun) return;
  for (const info of KINDS.filter((k) => k.namespaced)) {
    const { items } = await store.list(info.kind, { namespace });
    for (const obj of items) {
      try {
        // No kubelet waits on these pods any more: their namespace is going away.
        await store.delete(info.kind, namespace, obj.metadata.name ?? '', { gracePeriodSeconds: 0 });
      } catch (err) {
        if (!(err instanceof StatusError && err.code === 404)) throw err;
      }
    }
  }
}
