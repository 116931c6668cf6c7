// Finds the container a pods/log, exec or attach request is about, with the API server's refusals.
import { type KubeObject, StatusError, statusErrors } from '@kubesim/api';
import type { ApiContext } from './context.js';

export interface PodContainer {
  pod: KubeObject;
  container: string;
}

const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container';

export async function podContainer(
  api: ApiContext,
  namespace: string,
  name: string,
  requested: string | null,
): Promise<PodContainer> {
  const pod = await api.store.get('Pod', namespace, name);
  if (!pod) throw new StatusError(statusErrors.notFound({ group: '', resource: 'pods' }, name));
  const names: string[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map(
    (c: { name: string }) => c.name,
  );
  let container = requested ?? '';
  if (!container) {
    const regular: string[] = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
    const preferred = pod.metadata.annotations?.[DEFAULT_CONTAINER];
    if (preferred && regular.includes(preferred)) container = preferred;
    else if (regular.length === 1) container = regular[0];
    else {
      throw new StatusError(
        statusErrors.badRequest(
          `a container name must be specified for pod ${name}, choose one of: [${regular.join(' ')}]`,
        ),
      );
    }
  }
  if (!names.includes(container)) {
    throw new StatusError(statusErrors.badRequest(`container ${container} is not valid for pod ${name}`));
  }
  return { pod, container };
}

/** exec and attach need a container that is running on a node. */
export function requireRunning(pod: KubeObject, container: string): string {
  const name = pod.metadata.name ?? '';
  const node = pod.spec?.nodeName;
  if (!node) throw new StatusError(statusErrors.badRequest(`pod ${name} does not have a host assigned`));
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new StatusError(
      statusErrors.badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`),
    );
  }
  const statuses: { name: string; state?: { running?: unknown } }[] = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  if (!statuses.find((s) => s.name === container)?.state?.running) {
    throw new StatusError(
      statusErrors.badRequest(`unable to upgrade connection: container not found ("${container}")`),
    );
  }
  return node;
}
