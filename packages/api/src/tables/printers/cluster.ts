// Printers of Nodes, Namespaces, Events, ConfigMaps and Leases, and the default printer for any other kind.
import type { KubeObject } from '../../meta.js';
import { since } from '../duration.js';
import { AGE_COLUMN, column, NAME_COLUMN, type TablePrinter, wide } from '../printer.js';

interface NodeCondition {
  type: string;
  status: string;
}

interface NodeAddress {
  type: string;
  address: string;
}

const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';
const LEGACY_ROLE_LABEL = 'kubernetes.io/role';

/** Roles from `node-role.kubernetes.io/<role>` labels and the legacy `kubernetes.io/role=<role>`, sorted. */
function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_LABEL_PREFIX) && k.length > ROLE_LABEL_PREFIX.length)
      roles.add(k.slice(ROLE_LABEL_PREFIX.length));
    else if (k === LEGACY_ROLE_LABEL && v !== '') roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

/** `Ready` / `NotReady` / `Unknown` from the Ready condition, plus `SchedulingDisabled` when cordoned. */
function nodeStatus(node: KubeObject): string {
  const ready = (node.status?.conditions as NodeCondition[] | undefined)?.find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: KubeObject, type: string): string {
  return (
    (node.status?.addresses as NodeAddress[] | undefined)?.find((a) => a.type === type)?.address ?? '<none>'
  );
}

export const nodePrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    AGE_COLUMN,
    column('Version', 'string', 'Kubelet version reported by the node.'),
    wide('Internal-IP', 'string', 'Internal IP address of the node.'),
    wide('External-IP', 'string', 'External IP address of the node.'),
    wide('OS-Image', 'string', 'Operating system image of the node.'),
    wide('Kernel-Version', 'string', 'Kernel version of the node.'),
    wide('Container-Runtime', 'string', 'Container runtime version of the node.'),
  ],
  cells(node, now) {
    const info = node.status?.nodeInfo ?? {};
    return [
      node.metadata.name ?? '',
      nodeStatus(node),
      nodeRoles(node),
      since(node.metadata.creationTimestamp, now),
      info.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
};

export const namespacePrinter: TablePrinter = {
  columns: [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  cells(ns, now) {
    return [ns.metadata.name ?? '', ns.status?.phase ?? '', since(ns.metadata.creationTimestamp, now)];
  },
};

/** Event source: component (or reporting controller), then `, host` (or reporting instance) when known. */
function eventSource(ev: KubeObject): string {
  const source = (ev.source ?? {}) as { component?: string; host?: string };
  const component = source.component || (ev.reportingComponent as string | undefined) || '';
  const host = source.host || (ev.reportingInstance as string | undefined) || '';
  return host ? `${component}, ${host}` : component;
}

export const eventPrinter: TablePrinter = {
  columns: [
    column('Last Seen', 'string', 'Time since the event last occurred.'),
    column('Type', 'string', 'Normal or Warning.'),
    column('Reason', 'string', 'Short machine-readable reason for the event.'),
    column('Object', 'string', 'The object the event is about, as kind/name.'),
    wide('Subobject', 'string', 'Part of the object the event is about.'),
    wide('Source', 'string', 'Component that reported the event.'),
    column('Message', 'string', 'Human-readable description of the event.'),
    wide('First Seen', 'string', 'Time since the event first occurred.'),
    wide('Count', 'string', 'Number of times the event occurred.'),
    column('Name', 'string', 'Name of the event object.', { format: 'name', priority: 1 }),
  ],
  cells(ev, now) {
    const involved = (ev.involvedObject ?? {}) as { kind?: string; name?: string; fieldPath?: string };
    const series = ev.series as { count?: number; lastObservedTime?: string } | undefined;
    const firstSeen = ev.firstTimestamp ? since(ev.firstTimestamp, now) : since(ev.eventTime, now);
    let lastSeen = ev.lastTimestamp ? since(ev.lastTimestamp, now) : firstSeen;
    // Events without a series count once even when the new API leaves count unset.
    let count = typeof ev.count === 'number' && ev.count !== 0 ? ev.count : 1;
    if (series) {
      lastSeen = since(series.lastObservedTime, now);
      count = series.count ?? 0;
    }
    const kind = (involved.kind ?? '').toLowerCase();
    return [
      lastSeen,
      ev.type ?? '',
      ev.reason ?? '',
      involved.name ? `${kind}/${involved.name}` : kind,
      involved.fieldPath ?? '',
      eventSource(ev),
      String(ev.message ?? '').trim(),
      firstSeen,
      count,
      ev.metadata.name ?? '',
    ];
  },
};

export const configMapPrinter: TablePrinter = {
  columns: [NAME_COLUMN, column('Data', 'string', 'Number of data and binaryData keys.'), AGE_COLUMN],
  cells(cm, now) {
    const keys = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
    return [cm.metadata.name ?? '', keys, since(cm.metadata.creationTimestamp, now)];
  },
};

export const leasePrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Holder', 'string', 'Identity of the current holder of the lease.'),
    AGE_COLUMN,
  ],
  cells(lease, now) {
    return [
      lease.metadata.name ?? '',
      lease.spec?.holderIdentity ?? '',
      since(lease.metadata.creationTimestamp, now),
    ];
  },
};

export const scalePrinter: TablePrinter = {
  columns: [
    column('Name', 'string', 'Name of the scaled object.'),
    column('Desired', 'integer', 'Desired number of instances.'),
    column('Available', 'integer', 'Actual number of instances.'),
    AGE_COLUMN,
  ],
  cells(scale, now) {
    return [
      scale.metadata.name ?? '',
      scale.spec?.replicas ?? 0,
      scale.status?.replicas ?? 0,
      since(scale.metadata.creationTimestamp, now),
    ];
  },
};

/** Kinds without a printer of their own get the API server's default: the name and the creation time. */
export const defaultPrinter: TablePrinter = {
  columns: [NAME_COLUMN, column('Created At', 'date', 'Time the object was created, in UTC.')],
  cells(obj) {
    const created = Date.parse(obj.metadata.creationTimestamp ?? '');
    const at = Number.isNaN(created)
      ? '0001-01-01T00:00:00Z'
      : new Date(created).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return [obj.metadata.name ?? '', at];
  },
};
