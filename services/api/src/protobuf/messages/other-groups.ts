// Messages of the smaller groups kubesim touches: storage.k8s.io/v1 StorageClass, coordination.k8s.io/v1 Lease,
// autoscaling/v1 Scale and policy/v1 Eviction (each group's generated.proto), in the notation of ../schema.ts.
import type { MessageTable } from '../schema.js';

export const STORAGE_V1: MessageTable = {
  StorageClass:
    '1 metadata:ObjectMeta, 2 provisioner, 3 parameters:{}, 4 reclaimPolicy!, 5 mountOptions*, ' +
    '6 allowVolumeExpansion:bool!, 7 volumeBindingMode!, 8 allowedTopologies:TopologySelectorTerm*',
};

export const COORDINATION_V1: MessageTable = {
  Lease: '1 metadata:ObjectMeta, 2 spec:LeaseSpec',
  LeaseSpec:
    '1 holderIdentity!, 2 leaseDurationSeconds:i32!, 3 acquireTime:utime, 4 renewTime:utime, ' +
    '5 leaseTransitions:i32!, 6 strategy!, 7 preferredHolder!',
};

export const AUTOSCALING_V1: MessageTable = {
  Scale: '1 metadata:ObjectMeta, 2 spec:ScaleSpec, 3 status:ScaleStatus',
  ScaleSpec: '1 replicas:i32!',
  ScaleStatus: '1 replicas:i32!, 2 selector',
};

export const POLICY_V1: MessageTable = {
  Eviction: '1 metadata:ObjectMeta, 2 deleteOptions:DeleteOptions',
};
