// kubectl describe for Services (with their Endpoints), Nodes (conditions, capacity, the pods on them and what
// they request), PersistentVolumeClaims and PersistentVolumes.
import { type KubeObject, mustParseQuantity, type Quantity } from '@kubesim/api';
import { formatLabels } from '../output/server-table.js';
import { goSlice, rfc1123z, since } from './format.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './prefix-writer.js';
import {
  annotationsMultiline,
  type EventView,
  events,
  labelsMultiline,
  taintsMultiline,
} from './sections.js';

interface EndpointSubset {
  addresses?: { ip: string }[];
  ports?: { name?: string; port: number }[];
}

/** Ready addresses serving a Service port, at most three then `+ N more...` (formatEndpoints). */
export function endpointsText(endpoints: KubeObject | undefined, portName: string | undefined): string {
  const subsets: EndpointSubset[] = (endpoints?.subsets as EndpointSubset[] | undefined) ?? [];
  const list: string[] = [];
  for (const subset of subsets) {
    for (const port of subset.ports ?? []) {
      if ((port.name ?? '') !== (portName ?? '')) continue;
      for (const addr of subset.addresses ?? []) list.push(`${addr.ip}:${port.port}`);
    }
  }
  if (list.length === 0) return '<none>';
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

export function describeService(
  svc: KubeObject,
  endpoints: KubeObject | undefined,
  eventList: EventView[] | undefined,
  now: number,
): string {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', svc.metadata.labels);
  annotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).join(',') || '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).join(',') || '<none>'}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>';
    const protocol = port.protocol ?? 'TCP';
    w.write(LEVEL_0, `Port:\t${name}\t${port.port}/${protocol}\n`);
    w.write(LEVEL_0, `TargetPort:\t${port.targetPort ?? port.port}/${protocol}\n`);
    if (port.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${endpointsText(endpoints, port.name)}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy)
    w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy)
    w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  events(w, eventList, now);
  return w.output();
}

export interface NodeDetails {
  /** Pods bound to the node that have not finished. */
  pods: KubeObject[];
  lease?: KubeObject;
  leaseError?: string;
  events?: EventView[];
}

/** node-role.kubernetes.io/<role> and kubernetes.io/role labels, sorted. */
export function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) {
      roles.add(k.slice('node-role.kubernetes.io/'.length));
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

export function describeNode(node: KubeObject, details: NodeDetails, now: number): string {
  const w = new PrefixWriter();
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  w.write(LEVEL_0, `Roles:\t${nodeRoles(node.metadata.labels).join(',') || '<none>'}\n`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  taintsMultiline(w, 'Taints', spec.taints);
  w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  if (details.lease) {
    const leaseSpec = details.lease.spec ?? {};
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${leaseSpec.holderIdentity ?? '<unset>'}\n`);
    w.write(
      LEVEL_1,
      `AcquireTime:\t${leaseSpec.acquireTime ? rfc1123z(leaseSpec.acquireTime) : '<unset>'}\n`,
    );
    w.write(LEVEL_1, `RenewTime:\t${leaseSpec.renewTime ? rfc1123z(leaseSpec.renewTime) : '<unset>'}\n`);
  } else {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${details.leaseError ?? 'not found'}\n`);
  }
  const conditions: Record<string, string>[] = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        LEVEL_1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', status.capacity],
    ['Allocatable', status.allocatable],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const name of names) w.write(LEVEL_0, `  ${name}:\t${list[name]}\n`);
  }
  const info = status.nodeInfo ?? {};
  w.write(LEVEL_0, 'System Info:\n');
  for (const [label, field] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
  ]) {
    w.write(LEVEL_0, `  ${label}:\t${info[field] ?? ''}\n`);
  }
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
  if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
  nodeResources(w, node, details.pods, now);
  events(w, details.events, now);
  return w.output();
}

function nodeResources(w: PrefixWriter, node: KubeObject, pods: readonly KubeObject[], now: number): void {
  const allocatable: Record<string, string> =
    Object.keys(node.status?.allocatable ?? {}).length > 0
      ? node.status.allocatable
      : (node.status?.capacity ?? {});
  const capacityOf = (name: string) => quantity(allocatable[name]);
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const total = { requests: new Map<string, Quantity>(), limits: new Map<string, Quantity>() };
  for (const pod of pods) {
    const { requests, limits } = podResources(pod);
    for (const [name, q] of requests) addTo(total.requests, name, q);
    for (const [name, q] of limits) addTo(total.limits, name, q);
    const cell = (list: Map<string, Quantity>, name: string) =>
      fraction(list.get(name), capacityOf(name), name === 'cpu');
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell(requests, 'cpu')}\t${cell(limits, 'cpu')}\t${cell(requests, 'memory')}\t${cell(limits, 'memory')}\t${since(pod.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const cell = (list: Map<string, Quantity>) => fraction(list.get(name), capacityOf(name), name === 'cpu');
    w.write(LEVEL_1, `${name}\t${cell(total.requests)}\t${cell(total.limits)}\n`);
  }
}

/** Sum of a pod's container requests and limits (requests default to limits, as the API defaults them). */
function podResources(pod: KubeObject): { requests: Map<string, Quantity>; limits: Map<string, Quantity> } {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  for (const c of pod.spec?.containers ?? []) {
    const lim: Record<string, string> = c.resources?.limits ?? {};
    const req: Record<string, string> = { ...lim, ...(c.resources?.requests ?? {}) };
    for (const [name, value] of Object.entries(req)) addTo(requests, name, quantity(value));
    for (const [name, value] of Object.entries(lim)) addTo(limits, name, quantity(value));
  }
  return { requests, limits };
}

// The first quantity of a resource keeps its own format (1Gi stays 1Gi), as Go's DeepCopy-then-Add does.
function addTo(totals: Map<string, Quantity>, name: string, q: Quantity): void {
  const sum = totals.get(name);
  totals.set(name, sum ? sum.add(q) : q);
}

function quantity(text: string | undefined): Quantity {
  try {
    return mustParseQuantity(text ?? '0');
  } catch {
    return mustParseQuantity('0');
  }
}

/** `100m (2%)`: a quantity and its whole percentage of what the node can allocate. */
function fraction(value: Quantity | undefined, of: Quantity, milli: boolean): string {
  const q = value ?? quantity('0');
  const whole = milli ? Number(of.milliValue()) : Number(of.value());
  const part = milli ? Number(q.milliValue()) : Number(q.value());
  const percent = whole === 0 ? 0 : Math.trunc((part / whole) * 100);
  return `${q.toString()} (${percent}%)`;
}

/** Access modes abbreviated as storageutil.GetAccessModesAsString does. */
function accessModes(modes: string[] | undefined): string {
  const order: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return order
    .filter(([m]) => modes?.includes(m))
    .map(([, s]) => s)
    .join(',');
}

export function describePersistentVolumeClaim(
  pvc: KubeObject,
  usedBy: readonly KubeObject[],
  eventList: EventView[] | undefined,
  now: number,
): string {
  const w = new PrefixWriter();
  const spec = pvc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace}\n`);
  w.write(LEVEL_0, `StorageClass:\t${spec.storageClassName ?? ''}\n`);
  w.write(
    LEVEL_0,
    pvc.metadata.deletionTimestamp
      ? `Status:\tTerminating (lasts ${since(pvc.metadata.deletionTimestamp, now)})\n`
      : `Status:\t${pvc.status?.phase ?? ''}\n`,
  );
  w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
  labelsMultiline(w, 'Labels', pvc.metadata.labels);
  annotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goSlice(pvc.metadata.finalizers)}\n`);
  const bound = Boolean(spec.volumeName);
  w.write(LEVEL_0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '0') : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  const names = usedBy.map((p) => p.metadata.name ?? '').sort();
  w.write(LEVEL_0, 'Used By:\t');
  if (names.length === 0) w.line('<none>');
  names.forEach((name, i) => {
    w.write(LEVEL_0, i === 0 ? `${name}\n` : `\t${name}\n`);
  });
  events(w, eventList, now);
  return w.output();
}

export function describePersistentVolume(
  pv: KubeObject,
  eventList: EventView[] | undefined,
  now: number,
): string {
  const w = new PrefixWriter();
  const spec = pv.spec ?? {};
  w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`);
  labelsMultiline(w, 'Labels', pv.metadata.labels);
  annotationsMultiline(w, 'Annotations', pv.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goSlice(pv.metadata.finalizers)}\n`);
  w.write(LEVEL_0, `StorageClass:\t${spec.storageClassName ?? ''}\n`);
  w.write(
    LEVEL_0,
    pv.metadata.deletionTimestamp
      ? `Status:\tTerminating (lasts ${since(pv.metadata.deletionTimestamp, now)})\n`
      : `Status:\t${pv.status?.phase ?? ''}\n`,
  );
  w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace}/${spec.claimRef.name}` : ''}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(LEVEL_0, `Capacity:\t${spec.capacity?.storage ?? '0'}\n`);
  w.write(LEVEL_0, 'Node Affinity:\t');
  w.line('<none>');
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(LEVEL_0, 'Source:\n');
  if (spec.hostPath) {
    w.write(
      LEVEL_2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type || ''}\n`,
    );
  } else if (spec.local) {
    w.write(
      LEVEL_2,
      `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`,
    );
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
  events(w, eventList, now);
  return w.output();
}
