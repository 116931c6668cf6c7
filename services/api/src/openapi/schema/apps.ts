// Schemas of apps/v1 workloads (Deployment, ReplicaSet, StatefulSet, DaemonSet, ControllerRevision), plus the
// autoscaling/v1 Scale their scale subresource speaks.
import { TYPE_META } from './meta.js';
import type { GroupDefinitions } from './registry.js';

const WORKLOAD_CONDITION = {
  type: 'string! | Type of the condition.',
  status: 'string! | True, False or Unknown.',
  lastTransitionTime: 'Time | Last time the status changed.',
  reason: 'string | CamelCase reason for the last transition.',
  message: 'string | Human-readable details.',
};

export const APPS: GroupDefinitions = {
  package: 'io.k8s.api.apps.v1',
  definitions: {
    Deployment: [
      'Declarative updates for Pods and ReplicaSets.',
      {
        ...TYPE_META,
        spec: 'DeploymentSpec | Desired behaviour of the Deployment.',
        status: 'DeploymentStatus | Most recently observed status of the Deployment. Read-only.',
      },
    ],
    DeploymentSpec: [
      'The desired behaviour of a Deployment.',
      {
        replicas: 'integer | Number of desired pods. Default 1.',
        selector: 'LabelSelector! | Label selector for pods; must match the template labels. Immutable.',
        template: 'PodTemplateSpec! | Template of the pods to create.',
        strategy: 'DeploymentStrategy retainKeys | How existing pods are replaced by new ones.',
        minReadySeconds:
          'integer | Seconds a new pod must be ready, without crashing, to count as available. Default 0.',
        revisionHistoryLimit: 'integer | Number of old ReplicaSets kept for rollback. Default 10.',
        paused: 'boolean | While true, template changes do not start a rollout.',
        progressDeadlineSeconds:
          'integer | Seconds a rollout may go without progress before it is reported failed. Default 600.',
      },
    ],
    DeploymentStrategy: [
      'How to replace existing pods with new ones.',
      {
        type: 'string | Recreate or RollingUpdate. Default RollingUpdate.',
        rollingUpdate: 'RollingUpdateDeployment | Parameters of a rolling update; only for RollingUpdate.',
      },
    ],
    RollingUpdateDeployment: [
      'Parameters of a Deployment rolling update.',
      {
        maxUnavailable:
          'IntOrString | Pods that may be unavailable during the update, number or percent. Default 25%.',
        maxSurge:
          'IntOrString | Pods that may be created above the desired count, number or percent. Default 25%.',
      },
    ],
    DeploymentStatus: [
      'Observed state of a Deployment.',
      {
        observedGeneration: 'int64 | Generation observed by the controller.',
        replicas: 'integer | Non-terminating pods targeted by the Deployment.',
        updatedReplicas: 'integer | Non-terminating pods with the desired template.',
        readyReplicas: 'integer | Pods with a Ready condition.',
        availableReplicas: 'integer | Pods available for at least minReadySeconds.',
        unavailableReplicas: 'integer | Pods still needed for 100% availability.',
        terminatingReplicas: 'integer | Pods that are terminating.',
        conditions: "[]DeploymentCondition merge(type) | Latest observations of the Deployment's state.",
        collisionCount: 'integer | Count of hash collisions of the pod template.',
      },
    ],
    DeploymentCondition: [
      'A condition of a Deployment: Available, Progressing or ReplicaFailure.',
      { ...WORKLOAD_CONDITION, lastUpdateTime: 'Time | Last time the condition was updated.' },
    ],
    ReplicaSet: [
      'Ensures a specified number of pod replicas are running.',
      {
        ...TYPE_META,
        spec: 'ReplicaSetSpec | Desired behaviour of the ReplicaSet.',
        status: 'ReplicaSetStatus | Most recently observed status of the ReplicaSet. Read-only.',
      },
    ],
    ReplicaSetSpec: [
      'The desired behaviour of a ReplicaSet.',
      {
        replicas: 'integer | Number of desired pods. Default 1.',
        minReadySeconds: 'integer | Seconds a new pod must be ready to count as available. Default 0.',
        selector: 'LabelSelector! | Label selector for pods; must match the template labels.',
        template: 'PodTemplateSpec | Template of the pods to create.',
      },
    ],
    ReplicaSetStatus: [
      'Observed state of a ReplicaSet.',
      {
        replicas: 'integer! | Most recently observed number of non-terminating pods.',
        fullyLabeledReplicas: 'integer | Pods whose labels match the template labels.',
        readyReplicas: 'integer | Pods with a Ready condition.',
        availableReplicas: 'integer | Pods available for at least minReadySeconds.',
        terminatingReplicas: 'integer | Pods that are terminating.',
        observedGeneration: 'int64 | Generation observed by the controller.',
        conditions: "[]ReplicaSetCondition merge(type) | Latest observations of the ReplicaSet's state.",
      },
    ],
    ReplicaSetCondition: ['A condition of a ReplicaSet.', WORKLOAD_CONDITION],
    StatefulSet: [
      'Manages pods with stable identities and stable storage.',
      {
        ...TYPE_META,
        spec: 'StatefulSetSpec | Desired behaviour of the StatefulSet.',
        status: 'StatefulSetStatus | Most recently observed status of the StatefulSet. Read-only.',
      },
    ],
    StatefulSetSpec: [
      'The desired behaviour of a StatefulSet.',
      {
        replicas: 'integer | Number of desired pods. Default 1.',
        selector: 'LabelSelector! | Label selector for pods; must match the template labels.',
        template: 'PodTemplateSpec! | Template of the pods; each gets a stable name <set>-<ordinal>.',
        volumeClaimTemplates: '[]PersistentVolumeClaim | Claims created per pod and mounted by it.',
        serviceName: "string | Headless service that governs the pods' network identity.",
        podManagementPolicy: 'string | OrderedReady or Parallel. Default OrderedReady.',
        updateStrategy: 'StatefulSetUpdateStrategy | How pods are updated when the template changes.',
        revisionHistoryLimit: 'integer | Number of old ControllerRevisions kept. Default 10.',
        minReadySeconds: 'integer | Seconds a new pod must be ready to count as available. Default 0.',
        persistentVolumeClaimRetentionPolicy:
          'StatefulSetPersistentVolumeClaimRetentionPolicy | What happens to the claims when pods go away.',
        ordinals: 'StatefulSetOrdinals | Numbering of the pods.',
      },
    ],
    StatefulSetUpdateStrategy: [
      'How a StatefulSet updates its pods.',
      {
        type: 'string | RollingUpdate or OnDelete. Default RollingUpdate.',
        rollingUpdate: 'RollingUpdateStatefulSetStrategy | Parameters of a rolling update.',
      },
    ],
    RollingUpdateStatefulSetStrategy: [
      'Parameters of a StatefulSet rolling update.',
      {
        partition: 'integer | Pods with an ordinal below the partition are not updated. Default 0.',
        maxUnavailable: 'IntOrString | Pods that may be unavailable during the update. Default 1.',
      },
    ],
    StatefulSetPersistentVolumeClaimRetentionPolicy: [
      'Lifecycle of the claims created from volumeClaimTemplates.',
      {
        whenDeleted: 'string | Retain or Delete when the StatefulSet is deleted. Default Retain.',
        whenScaled: 'string | Retain or Delete when the StatefulSet scales down. Default Retain.',
      },
    ],
    StatefulSetOrdinals: ['Numbering of StatefulSet pods.', { start: 'integer | First ordinal. Default 0.' }],
    StatefulSetStatus: [
      'Observed state of a StatefulSet.',
      {
        observedGeneration: 'int64 | Generation observed by the controller.',
        replicas: 'integer! | Pods created by the controller.',
        readyReplicas: 'integer | Pods with a Ready condition.',
        currentReplicas: 'integer | Pods at currentRevision.',
        updatedReplicas: 'integer | Pods at updateRevision.',
        currentRevision: 'string | Revision the pods below the partition run.',
        updateRevision: 'string | Revision of the current template.',
        collisionCount: 'integer | Count of hash collisions of the revisions.',
        conditions: "[]StatefulSetCondition merge(type) | Latest observations of the StatefulSet's state.",
        availableReplicas: 'integer | Pods available for at least minReadySeconds.',
      },
    ],
    StatefulSetCondition: ['A condition of a StatefulSet.', WORKLOAD_CONDITION],
    DaemonSet: [
      'Runs a copy of a pod on every eligible node.',
      {
        ...TYPE_META,
        spec: 'DaemonSetSpec | Desired behaviour of the DaemonSet.',
        status: 'DaemonSetStatus | Most recently observed status of the DaemonSet. Read-only.',
      },
    ],
    DaemonSetSpec: [
      'The desired behaviour of a DaemonSet.',
      {
        selector: 'LabelSelector! | Label selector for pods; must match the template labels.',
        template: 'PodTemplateSpec! | Template of the pods, one per eligible node.',
        updateStrategy: 'DaemonSetUpdateStrategy | How pods are replaced when the template changes.',
        minReadySeconds: 'integer | Seconds a new pod must be ready to count as available. Default 0.',
        revisionHistoryLimit: 'integer | Number of old ControllerRevisions kept. Default 10.',
      },
    ],
    DaemonSetUpdateStrategy: [
      'How a DaemonSet replaces its pods.',
      {
        type: 'string | RollingUpdate or OnDelete. Default RollingUpdate.',
        rollingUpdate: 'RollingUpdateDaemonSet | Parameters of a rolling update.',
      },
    ],
    RollingUpdateDaemonSet: [
      'Parameters of a DaemonSet rolling update.',
      {
        maxUnavailable: 'IntOrString | Nodes whose pod may be unavailable during the update. Default 1.',
        maxSurge: 'IntOrString | Nodes that may run an extra updated pod during the update. Default 0.',
      },
    ],
    DaemonSetStatus: [
      'Observed state of a DaemonSet.',
      {
        currentNumberScheduled: 'integer! | Nodes running at least one daemon pod that should.',
        numberMisscheduled: 'integer! | Nodes running a daemon pod that should not.',
        desiredNumberScheduled: 'integer! | Nodes that should run the daemon pod.',
        numberReady: 'integer! | Nodes whose daemon pod is ready.',
        observedGeneration: 'int64 | Generation observed by the controller.',
        updatedNumberScheduled: 'integer | Nodes running the updated daemon pod.',
        numberAvailable: 'integer | Nodes whose daemon pod is available.',
        numberUnavailable: 'integer | Nodes whose daemon pod is not available.',
        collisionCount: 'integer | Count of hash collisions of the revisions.',
        conditions: "[]DaemonSetCondition merge(type) | Latest observations of the DaemonSet's state.",
      },
    ],
    DaemonSetCondition: ['A condition of a DaemonSet.', WORKLOAD_CONDITION],
    ControllerRevision: [
      'An immutable snapshot of state data; DaemonSets and StatefulSets keep their template history in them.',
      {
        ...TYPE_META,
        data: 'object | The serialized state, a patch holding the pod template.',
        revision: 'int64! | Revision number of the state.',
      },
    ],
  },
};

export const AUTOSCALING: GroupDefinitions = {
  package: 'io.k8s.api.autoscaling.v1',
  definitions: {
    Scale: [
      'Scaling request for a resource (the scale subresource).',
      {
        ...TYPE_META,
        spec: 'ScaleSpec | Desired scale.',
        status: 'ScaleStatus | Current scale. Read-only.',
      },
    ],
    ScaleSpec: ['Desired scale.', { replicas: 'integer | Desired number of instances.' }],
    ScaleStatus: [
      'Current scale.',
      {
        replicas: 'integer! | Actual number of instances.',
        selector: 'string | Label selector of the pods, in query string form.',
      },
    ],
  },
};
