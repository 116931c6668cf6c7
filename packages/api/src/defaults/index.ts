// applyDefaults: what the API server fills in before validation and storage, per kind, on a deep copy.
import { deepCopy, isRecord, type JsonRecord } from '../json.js';
import type { KubeObject } from '../meta.js';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './apps.js';
import {
  defaultEndpoints,
  defaultNamespace,
  defaultNode,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultService,
  defaultStorageClass,
} from './core.js';
import { defaultPod } from './pod.js';

const DEFAULTERS: Record<string, (obj: JsonRecord) => void> = {
  Namespace: defaultNamespace,
  Pod: defaultPod,
  Node: defaultNode,
  Service: defaultService,
  Endpoints: defaultEndpoints,
  PersistentVolume: defaultPersistentVolume,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  StorageClass: defaultStorageClass,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
};

/**
 * Returns a defaulted deep copy; the input is never touched. Idempotent. Kinds without defaults, and input that
 * is not an object, come back as plain copies; malformed fields are left in place for validation to report.
 */
export function applyDefaults<T extends KubeObject>(obj: T): T {
  const copy = deepCopy(obj);
  if (isRecord(copy) && typeof copy.kind === 'string' && Object.hasOwn(DEFAULTERS, copy.kind)) {
    DEFAULTERS[copy.kind](copy);
  }
  return copy;
}
