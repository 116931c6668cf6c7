// apps/v1 messages (api/apps/v1/generated.proto), in the notation of ../schema.ts.
import type { MessageTable } from '../schema.js';

const WORKLOAD_CONDITION = '1 type, 2 status, 3 lastTransitionTime:time, 4 reason, 5 message';

export const APPS_V1: MessageTable = {
  ControllerRevision: '1 metadata:ObjectMeta, 2 data:raw, 3 revision:i64!',
  DaemonSet: '1 metadata:ObjectMeta, 2 spec:DaemonSetSpec, 3 status:DaemonSetStatus',
  DaemonSetCondition: WORKLOAD_CONDITION,
  DaemonSetSpec:
    '1 selector:LabelSelector, 2 template:PodTemplateSpec, 3 updateStrategy:DaemonSetUpdateStrategy, ' +
    '4 minReadySeconds:i32, 6 revisionHistoryLimit:i32!',
  DaemonSetStatus:
    '1 currentNumberScheduled:i32!, 2 numberMisscheduled:i32!, 3 desiredNumberScheduled:i32!, 4 numberReady:i32!, ' +
    '5 observedGeneration:i64, 6 updatedNumberScheduled:i32, 7 numberAvailable:i32, 8 numberUnavailable:i32, ' +
    '9 collisionCount:i32!, 10 conditions:DaemonSetCondition*',
  DaemonSetUpdateStrategy: '1 type, 2 rollingUpdate:RollingUpdateDaemonSet',
  Deployment: '1 metadata:ObjectMeta, 2 spec:DeploymentSpec, 3 status:DeploymentStatus',
  DeploymentCondition:
    '1 type, 2 status, 4 reason, 5 message, 6 lastUpdateTime:time, 7 lastTransitionTime:time',
  DeploymentSpec:
    '1 replicas:i32!, 2 selector:LabelSelector, 3 template:PodTemplateSpec, 4 strategy:DeploymentStrategy, ' +
    '5 minReadySeconds:i32, 6 revisionHistoryLimit:i32!, 7 paused:bool, 9 progressDeadlineSeconds:i32!, ' +
    '10 podReplacementPolicy!',
  DeploymentStatus:
    '1 observedGeneration:i64, 2 replicas:i32, 3 updatedReplicas:i32, 4 availableReplicas:i32, ' +
    '5 unavailableReplicas:i32, 6 conditions:DeploymentCondition*, 7 readyReplicas:i32, 8 collisionCount:i32!, ' +
    '9 terminatingReplicas:i32!',
  DeploymentStrategy: '1 type, 2 rollingUpdate:RollingUpdateDeployment',
  ReplicaSet: '1 metadata:ObjectMeta, 2 spec:ReplicaSetSpec, 3 status:ReplicaSetStatus',
  ReplicaSetCondition: WORKLOAD_CONDITION,
  ReplicaSetSpec:
    '1 replicas:i32!, 2 selector:LabelSelector, 3 template:PodTemplateSpec, 4 minReadySeconds:i32',
  ReplicaSetStatus:
    '1 replicas:i32!, 2 fullyLabeledReplicas:i32, 3 observedGeneration:i64, 4 readyReplicas:i32, ' +
    '5 availableReplicas:i32, 6 conditions:ReplicaSetCondition*, 7 terminatingReplicas:i32!',
  RollingUpdateDaemonSet: '1 maxUnavailable:ios!, 2 maxSurge:ios!',
  RollingUpdateDeployment: '1 maxUnavailable:ios!, 2 maxSurge:ios!',
  RollingUpdateStatefulSetStrategy: '1 partition:i32!, 2 maxUnavailable:ios!',
  StatefulSet: '1 metadata:ObjectMeta, 2 spec:StatefulSetSpec, 3 status:StatefulSetStatus',
  StatefulSetCondition: WORKLOAD_CONDITION,
  StatefulSetOrdinals: '1 start:i32!',
  StatefulSetPersistentVolumeClaimRetentionPolicy: '1 whenDeleted, 2 whenScaled',
  StatefulSetSpec:
    '1 replicas:i32!, 2 selector:LabelSelector, 3 template:PodTemplateSpec, ' +
    '4 volumeClaimTemplates:PersistentVolumeClaim*, 5 serviceName, 6 podManagementPolicy, ' +
    '7 updateStrategy:StatefulSetUpdateStrategy, 8 revisionHistoryLimit:i32!, 9 minReadySeconds:i32, ' +
    '10 persistentVolumeClaimRetentionPolicy:StatefulSetPersistentVolumeClaimRetentionPolicy, ' +
    '11 ordinals:StatefulSetOrdinals',
  StatefulSetStatus:
    '1 observedGeneration:i64, 2 replicas:i32!, 3 readyReplicas:i32, 4 currentReplicas:i32, ' +
    '5 updatedReplicas:i32, 6 currentRevision, 7 updateRevision, 9 collisionCount:i32!, ' +
    '10 conditions:StatefulSetCondition*, 11 availableReplicas:i32',
  StatefulSetUpdateStrategy: '1 type, 2 rollingUpdate:RollingUpdateStatefulSetStrategy',
};
