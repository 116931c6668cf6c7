// meta.k8s.io Table rendering for `kubectl get`: the kind's printer gives columns and cells, and each row carries
// the object (by default as PartialObjectMetadata, which kubectl needs for -A and --show-labels).
import type { KubeObject, ListMeta, ObjectMeta } from '../meta.js';
import type { TableColumnDefinition, TablePrinter, TableRowCondition } from './printer.js';
import {
  configMapPrinter,
  defaultPrinter,
  eventPrinter,
  leasePrinter,
  namespacePrinter,
  nodePrinter,
  scalePrinter,
} from './printers/cluster.js';
import { endpointsPrinter, servicePrinter } from './printers/network.js';
import { podPrinter } from './printers/pods.js';
import {
  persistentVolumeClaimPrinter,
  persistentVolumePrinter,
  storageClassPrinter,
} from './printers/storage.js';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
} from './printers/workloads.js';

const PRINTERS: Record<string, TablePrinter> = {
  Pod: podPrinter,
  Deployment: deploymentPrinter,
  ReplicaSet: replicaSetPrinter,
  StatefulSet: statefulSetPrinter,
  DaemonSet: daemonSetPrinter,
  ControllerRevision: controllerRevisionPrinter,
  Service: servicePrinter,
  Endpoints: endpointsPrinter,
  PersistentVolume: persistentVolumePrinter,
  PersistentVolumeClaim: persistentVolumeClaimPrinter,
  StorageClass: storageClassPrinter,
  Node: nodePrinter,
  Namespace: namespacePrinter,
  Event: eventPrinter,
  ConfigMap: configMapPrinter,
  Lease: leasePrinter,
  Scale: scalePrinter,
};

export function printerFor(kind: string): TablePrinter {
  return PRINTERS[kind] ?? defaultPrinter;
}

/** What each row carries besides its cells (the includeObject query parameter). */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

export type TableVersion = 'v1' | 'v1beta1';

export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: string;
  metadata: ObjectMeta;
}

export interface TableRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
  object?: KubeObject | PartialObjectMetadata;
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: ListMeta;
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

export interface TableOptions {
  /** Default Metadata, as the API server does. */
  includeObject?: IncludeObject;
  /** meta.k8s.io version the client asked for; default v1. */
  version?: TableVersion;
  /** List metadata of the Table: the resourceVersion a following watch starts from, the continue token. */
  listMeta?: ListMeta;
}

export type Clock = number | Date;

const millis = (now: Clock) => (typeof now === 'number' ? now : now.getTime());

/** One object's row; also what each event of a Table watch carries. */
export function tableRow(
  kind: string,
  obj: KubeObject,
  now: Clock,
  opts: Pick<TableOptions, 'includeObject' | 'version'> = {},
): TableRow {
  const printer = printerFor(kind);
  const row: TableRow = { cells: printer.cells(obj, millis(now)) };
  const conditions = printer.conditions?.(obj);
  if (conditions) row.conditions = conditions;
  switch (opts.includeObject ?? 'Metadata') {
    case 'Metadata':
      row.object = {
        kind: 'PartialObjectMetadata',
        apiVersion: `meta.k8s.io/${opts.version ?? 'v1'}`,
        metadata: obj.metadata,
      };
      break;
    case 'Object':
      row.object = obj;
      break;
    case 'None':
      break;
  }
  return row;
}

/** A Table of the given objects of one kind, in the order given. */
export function renderTable(
  kind: string,
  objects: readonly KubeObject[],
  now: Clock,
  opts: TableOptions = {},
): Table {
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${opts.version ?? 'v1'}`,
    metadata: opts.listMeta ?? {},
    columnDefinitions: printerFor(kind).columns,
    rows: objects.map((o) => tableRow(kind, o, now, opts)),
  };
}
