// Waiting for an object to disappear, as kubectl delete does: GET it, and while it is still there (same uid)
// watch it by name until a DELETED event, or another uid (a recreated pod) shows the old one is gone.
import type { KindInfo, KubeObject } from '@kubesim/api';
import type { KubeClient } from '@kubesim/client';
import { CliError } from '../errors.js';

export async function waitUntilGone(
  client: KubeClient,
  info: KindInfo,
  namespace: string | undefined,
  name: string,
  uid: string | undefined,
  deadline: number,
): Promise<void> {
  const gone = (obj: KubeObject | undefined) => !obj || (uid !== undefined && obj.metadata.uid !== uid);
  for (;;) {
    if (Date.now() >= deadline)
      throw new CliError(`timed out waiting for the condition on ${info.resource}/${name}`);
    const list = await client.list(info.kind, { namespace, fieldSelector: `metadata.name=${name}` });
    if (gone(list.items.find((o) => o.metadata.name === name))) return;
    const abort = new AbortController();
    const timer = Number.isFinite(deadline)
      ? setTimeout(() => abort.abort(), Math.max(0, deadline - Date.now()))
      : undefined;
    try {
      for await (const event of client.watch(info.kind, {
        namespace,
        fieldSelector: `metadata.name=${name}`,
        resourceVersion: list.metadata.resourceVersion,
        signal: abort.signal,
      })) {
        if (event.type === 'ERROR') break;
        if (event.type === 'DELETED' && (uid === undefined || event.object.metadata.uid === uid)) return;
        if ((event.type === 'ADDED' || event.type === 'MODIFIED') && gone(event.object)) return;
      }
    } catch {
      // A broken or expired watch is not the end of the wait: list and watch again, as an informer does (a
      // server that is really gone fails the list).
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  }
}
