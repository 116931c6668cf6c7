// meta.k8s.io/v1 messages the served kinds reach (apimachinery/pkg/apis/meta/v1/generated.proto), in the
// notation of ../schema.ts.
import type { MessageTable } from '../schema.js';

export const META_V1: MessageTable = {
  ObjectMeta:
    '1 name, 2 generateName, 3 namespace, 4 selfLink, 5 uid, 6 resourceVersion, 7 generation:i64, ' +
    '8 creationTimestamp:time, 9 deletionTimestamp:time, 10 deletionGracePeriodSeconds:i64!, 11 labels:{}, ' +
    '12 annotations:{}, 13 ownerReferences:OwnerReference*, 14 finalizers*, 17 managedFields:ManagedFieldsEntry*',
  OwnerReference: '1 kind, 3 name, 4 uid, 5 apiVersion, 6 controller:bool!, 7 blockOwnerDeletion:bool!',
  ManagedFieldsEntry:
    '1 manager, 2 operation, 3 apiVersion, 4 time:time, 6 fieldsType, 7 fieldsV1:raw, 8 subresource',
  LabelSelector: '1 matchLabels:{}, 2 matchExpressions:LabelSelectorRequirement*',
  LabelSelectorRequirement: '1 key, 2 operator, 3 values*',
  Condition: '1 type, 2 status, 3 observedGeneration:i64, 4 lastTransitionTime:time, 5 reason, 6 message',
  DeleteOptions:
    '1 gracePeriodSeconds:i64!, 2 preconditions:Preconditions, 3 orphanDependents:bool!, 4 propagationPolicy!, ' +
    '5 dryRun*, 6 ignoreStoreReadErrorWithClusterBreakingPotential:bool!',
  Preconditions: '1 uid!, 2 resourceVersion!',
};
