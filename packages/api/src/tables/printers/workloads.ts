// Printers of the apps/v1 workloads: Deployments, ReplicaSets, StatefulSets, DaemonSets and ControllerRevisions.
import type { KubeObject, OwnerReference } from '../../meta.js';
import { since } from '../duration.js';
import { containerCells, formatLabelSelector, formatLabels, selectorString } from '../format.js';
import { AGE_COLUMN, column, NAME_COLUMN, type TablePrinter, wide } from '../printer.js';

const CONTAINERS = wide('Containers', 'string', 'Names of each container in the template.');
const IMAGES = wide('Images', 'string', 'Images referenced by each container in the template.');
const SELECTOR = wide('Selector', 'string', 'Label selector of the pods the controller manages.');

/** spec.replicas as the printers see it: defaulted to 1 when absent, as the API server's defaulting does. */
const desiredReplicas = (obj: KubeObject): number => obj.spec?.replicas ?? 1;
const count = (v: unknown): number => (typeof v === 'number' ? v : 0);
const templateContainers = (obj: KubeObject) => containerCells(obj.spec?.template?.spec?.containers);

export const deploymentPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Ready pods out of the desired replicas.'),
    column('Up-to-date', 'string', 'Pods running the latest pod template.'),
    column('Available', 'string', 'Pods available to serve, ready for at least minReadySeconds.'),
    AGE_COLUMN,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  cells(d, now) {
    const [names, images] = templateContainers(d);
    return [
      d.metadata.name ?? '',
      `${count(d.status?.readyReplicas)}/${desiredReplicas(d)}`,
      count(d.status?.updatedReplicas),
      count(d.status?.availableReplicas),
      since(d.metadata.creationTimestamp, now),
      names,
      images,
      selectorString(d.spec?.selector) ?? '<invalid>',
    ];
  },
};

export const replicaSetPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', 'Number of desired pods.'),
    column('Current', 'integer', 'Number of pods that exist.'),
    column('Ready', 'integer', 'Number of ready pods.'),
    AGE_COLUMN,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  cells(rs, now) {
    const [names, images] = templateContainers(rs);
    return [
      rs.metadata.name ?? '',
      desiredReplicas(rs),
      count(rs.status?.replicas),
      count(rs.status?.readyReplicas),
      since(rs.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};

export const statefulSetPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Ready pods out of the desired replicas.'),
    AGE_COLUMN,
    CONTAINERS,
    IMAGES,
  ],
  cells(sts, now) {
    const [names, images] = templateContainers(sts);
    return [
      sts.metadata.name ?? '',
      `${count(sts.status?.readyReplicas)}/${desiredReplicas(sts)}`,
      since(sts.metadata.creationTimestamp, now),
      names,
      images,
    ];
  },
};

export const daemonSetPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', 'Number of nodes that should run the daemon pod.'),
    column('Current', 'integer', 'Number of nodes running at least one daemon pod.'),
    column('Ready', 'integer', 'Number of nodes whose daemon pod is ready.'),
    column('Up-to-date', 'integer', 'Number of nodes running the updated daemon pod.'),
    column('Available', 'integer', 'Number of nodes whose daemon pod is available.'),
    column('Node Selector', 'string', 'Labels a node must carry to run the daemon pod.'),
    AGE_COLUMN,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  cells(ds, now) {
    const [names, images] = templateContainers(ds);
    const s = ds.status ?? {};
    return [
      ds.metadata.name ?? '',
      count(s.desiredNumberScheduled),
      count(s.currentNumberScheduled),
      count(s.numberReady),
      count(s.updatedNumberScheduled),
      count(s.numberAvailable),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      since(ds.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};

/** `daemonset.apps/x`: the lower-cased Kind.group of the controlling owner, then its name. */
function controllerName(owner: OwnerReference | undefined): string {
  if (!owner) return '<none>';
  const slash = owner.apiVersion.indexOf('/');
  const group = slash >= 0 ? owner.apiVersion.slice(0, slash) : '';
  if (!owner.kind) return owner.name;
  return `${(group ? `${owner.kind}.${group}` : owner.kind).toLowerCase()}/${owner.name}`;
}

export const controllerRevisionPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Controller', 'string', 'The object that owns and controls this revision.'),
    column('Revision', 'string', 'Revision number of the state the object holds.'),
    AGE_COLUMN,
  ],
  cells(cr, now) {
    const owner = cr.metadata.ownerReferences?.find((o) => o.controller);
    return [
      cr.metadata.name ?? '',
      controllerName(owner),
      count(cr.revision),
      since(cr.metadata.creationTimestamp, now),
    ];
  },
};
