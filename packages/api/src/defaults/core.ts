// core/v1, storage.k8s.io/v1 defaulting for the non-pod kinds: Namespace, Node, Service, Endpoints,
// PersistentVolume, PersistentVolumeClaim, StorageClass.
import { isRecord, type JsonRecord } from '../json.js';
import { ensureRecord, recordAt, recordsAt, setDefault } from './set.js';

/** Namespaces carry their own name as a label (so namespace selectors can pick them) and start Active. */
export function defaultNamespace(obj: JsonRecord): void {
  const meta = recordAt(obj, 'metadata');
  if (meta && typeof meta.name === 'string' && meta.name !== '') {
    const labels = ensureRecord(meta, 'labels');
    if (labels) labels['kubernetes.io/metadata.name'] = meta.name;
  }
  const status = ensureRecord(obj, 'status');
  if (status) setDefault(status, 'phase', 'Active');
}

/** A node that reports no allocatable resources can allocate its whole capacity. */
export function defaultNode(obj: JsonRecord): void {
  const status = recordAt(obj, 'status');
  if (
    status &&
    isRecord(status.capacity) &&
    (status.allocatable === undefined || status.allocatable === null)
  ) {
    status.allocatable = { ...status.capacity };
  }
}

export function defaultService(obj: JsonRecord): void {
  const spec = ensureRecord(obj, 'spec');
  if (!spec) return;
  setDefault(spec, 'sessionAffinity', 'None');
  setDefault(spec, 'type', 'ClusterIP');
  const type = spec.type;
  if (spec.sessionAffinity === 'ClientIP') {
    const config = ensureRecord(spec, 'sessionAffinityConfig');
    const clientIP = config && ensureRecord(config, 'clientIP');
    if (clientIP) setDefault(clientIP, 'timeoutSeconds', 10800);
  }
  for (const port of recordsAt(spec, 'ports')) {
    setDefault(port, 'protocol', 'TCP');
    if (
      port.targetPort === undefined ||
      port.targetPort === null ||
      port.targetPort === 0 ||
      port.targetPort === ''
    ) {
      port.targetPort = port.port;
    }
  }
  if (type === 'ClusterIP' || type === 'NodePort' || type === 'LoadBalancer') {
    setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  }
  if (type === 'NodePort' || type === 'LoadBalancer') setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
}

export function defaultEndpoints(obj: JsonRecord): void {
  for (const subset of recordsAt(obj, 'subsets')) {
    for (const port of recordsAt(subset, 'ports')) setDefault(port, 'protocol', 'TCP');
  }
}

export function defaultPersistentVolume(obj: JsonRecord): void {
  const spec = ensureRecord(obj, 'spec');
  if (spec) {
    setDefault(spec, 'persistentVolumeReclaimPolicy', 'Retain');
    setDefault(spec, 'volumeMode', 'Filesystem');
  }
  const status = ensureRecord(obj, 'status');
  if (status) setDefault(status, 'phase', 'Pending');
}

export function defaultPersistentVolumeClaim(obj: JsonRecord): void {
  const spec = ensureRecord(obj, 'spec');
  if (spec) setDefault(spec, 'volumeMode', 'Filesystem');
  const status = ensureRecord(obj, 'status');
  if (status) setDefault(status, 'phase', 'Pending');
}

export function defaultStorageClass(obj: JsonRecord): void {
  setDefault(obj, 'reclaimPolicy', 'Delete');
  setDefault(obj, 'volumeBindingMode', 'Immediate');
}
