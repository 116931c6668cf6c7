// Admission done by the API server itself on every write from users: namespace lifecycle, the default
// NoExecute tolerations on pods, the DaemonSet template generation annotation and Service ClusterIPs.
import { type KubeObject, StatusError, statusErrors } from '@kubesim/api';
import type { Store } from '@kubesim/store';

const DEFAULT_TOLERATION_SECONDS = 300;
const NODE_FAILURE_TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];
const DS_GENERATION = 'deprecated.daemonset.template.generation';

interface Toleration {
  key?: string;
  operator?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** DefaultTolerationSeconds: every pod tolerates node failure for 5 minutes unless it says otherwise. */
export function addDefaultTolerations(pod: KubeObject): void {
  if (typeof pod.spec !== 'object' || pod.spec === null) return;
  const tolerations: Toleration[] = Array.isArray(pod.spec.tolerations) ? pod.spec.tolerations : [];
  const covers = (key: string) =>
    tolerations.some(
      (t) =>
        (t.key === key || ((t.key ?? '') === '' && t.operator === 'Exists')) &&
        (!t.effect || t.effect === 'NoExecute'),
    );
  const added = NODE_FAILURE_TAINTS.filter((key) => !covers(key)).map((key) => ({
    key,
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
  }));
  if (added.length) pod.spec.tolerations = [...tolerations, ...added];
}

/** The DaemonSet strategy stamps a generation that moves only when the pod template changes. */
export function stampDaemonSetGeneration(ds: KubeObject, old?: KubeObject): void {
  ds.metadata.annotations ??= {};
  if (!old) {
    ds.metadata.annotations[DS_GENERATION] = '1';
    return;
  }
  const prev = Number(old.metadata.annotations?.[DS_GENERATION] ?? '1');
  const changed = JSON.stringify(ds.spec?.template) !== JSON.stringify(old.spec?.template);
  ds.metadata.annotations[DS_GENERATION] = String(changed ? prev + 1 : prev);
}

/** Creating into a namespace needs the namespace to exist and not be terminating. */
export async function checkNamespace(store: Store, namespace: string): Promise<void> {
  const ns = await store.get('Namespace', '', namespace);
  if (!ns) throw new StatusError(statusErrors.notFound({ group: '', resource: 'namespaces' }, namespace));
  if (ns.metadata.deletionTimestamp) {
    throw new StatusError(
      statusErrors.forbidden(
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      ),
    );
  }
}

const SERVICE_CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0/16, the kubeadm default range

function ipString(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** Allocates a free ClusterIP for a Service that asks for one (not headless, not ExternalName). */
export async function allocateClusterIP(store: Store, svc: KubeObject): Promise<void> {
  const spec = svc.spec;
  if (typeof spec !== 'object' || spec === null || spec.type === 'ExternalName') return;
  if (spec.clusterIP === 'None') {
    spec.clusterIPs = ['None'];
    return;
  }
  const { items } = await store.list('Service');
  const used = new Set(items.map((s) => s.spec?.clusterIP));
  if (spec.clusterIP) {
    if (used.has(spec.clusterIP)) {
      throw new StatusError(
        statusErrors.invalid('Service', '', svc.metadata.name ?? '', [
          {
            reason: 'FieldValueInvalid',
            field: 'spec.clusterIPs',
            message: `Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`,
          },
        ]),
      );
    }
  } else {
    // .1 is the kubernetes Service and .10 kube-dns on real clusters; start above them.
    for (let host = 11; host < 65535; host++) {
      const ip = ipString(SERVICE_CIDR_BASE + host);
      if (!used.has(ip)) {
        spec.clusterIP = ip;
        break;
      }
    }
  }
  spec.clusterIPs = [spec.clusterIP];
}

/** Everything the API server adds to a new object before the store defaults and validates it. */
export async function admitCreate(store: Store, obj: KubeObject): Promise<void> {
  if (obj.metadata.namespace && obj.kind !== 'Namespace') await checkNamespace(store, obj.metadata.namespace);
  if (obj.kind === 'Pod') addDefaultTolerations(obj);
  if (obj.kind === 'DaemonSet') stampDaemonSetGeneration(obj);
  if (obj.kind === 'Service') await allocateClusterIP(store, obj);
}

/** Update-time admission: DaemonSet generation, and allocated ClusterIPs carried over when omitted. */
export function admitUpdate(obj: KubeObject, old: KubeObject): void {
  if (obj.kind === 'DaemonSet') stampDaemonSetGeneration(obj, old);
  if (obj.kind === 'Service' && obj.spec && typeof obj.spec === 'object' && !obj.spec.clusterIP) {
    obj.spec.clusterIP = old.spec?.clusterIP;
    obj.spec.clusterIPs = old.spec?.clusterIPs;
  }
}
