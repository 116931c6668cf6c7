// Which container of a pod logs and exec talk to: the one asked for, else the pod's default-container annotation,
// else the first, with kubectl's notice when the pod has several.
import type { KubeObject } from '@kubesim/api';
import { CliError } from '../errors.js';

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

export function chooseContainer(
  pod: KubeObject,
  requested: string | undefined,
): { name: string; notice?: string } {
  const names: string[] = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
  if (requested) {
    const all = [...names, ...(pod.spec?.initContainers ?? []).map((c: { name: string }) => c.name)];
    if (!all.includes(requested)) {
      throw new CliError(`container ${requested} is not valid for pod ${pod.metadata.name}`);
    }
    return { name: requested };
  }
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && names.includes(annotated)) return { name: annotated };
  if (names.length === 0) throw new CliError(`pod ${pod.metadata.name} does not have a container`);
  return names.length > 1
    ? { name: names[0], notice: `Defaulted container "${names[0]}" out of: ${names.join(', ')}` }
    : { name: names[0] };
}
