// Small shapes shared by several kinds: resource lists, conditions, object references.
/** Resource name → quantity text (`cpu: "500m"`, `memory: "128Mi"`, `storage: "1Gi"`). */
export type ResourceList = Record<string, string>;

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

export interface LocalObjectReference {
  name?: string;
}

export interface TypedLocalObjectReference {
  apiGroup?: string;
  kind: string;
  name: string;
}
