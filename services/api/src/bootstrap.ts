// Objects a fresh cluster has before anyone submits anything: the four system namespaces.
import { isStatusError } from '@kubesim/api';
import type { Store } from '@kubesim/store';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export async function ensureSystemNamespaces(store: Store): Promise<void> {
  for (const name of SYSTEM_NAMESPACES) {
    if (await store.get('Namespace', '', name)) continue;
    try {
      await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    } catch (err) {
      // Another API replica created it first.
      if (!isStatusError(err, 'AlreadyExists')) throw err;
    }
  }
}
