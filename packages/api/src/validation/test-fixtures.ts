// Valid objects of every kind, defaulted, for validation tests to mutate.
import { applyDefaults } from '../defaults/index.js';
import { deepCopy } from '../json.js';
import type { KubeObject } from '../meta.js';

const labels = { app: 'nginx' };
const podSpec = { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] };
const template = { metadata: { labels }, spec: podSpec };
const ns = 'default';

const raw: Record<string, KubeObject> = {
  Namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
  Pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', namespace: ns, labels }, spec: podSpec },
  Node: {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'node-1' },
    spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
    status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' } },
  },
  Service: {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'nginx', namespace: ns },
    spec: { selector: labels, ports: [{ port: 80 }] },
  },
  Endpoints: {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'nginx', namespace: ns },
    subsets: [{ addresses: [{ ip: '10.244.0.5', nodeName: 'node-1' }], ports: [{ port: 80 }] }],
  },
  PersistentVolume: {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv-1' },
    spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data/pv-1' } },
  },
  PersistentVolumeClaim: {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'www-web-0', namespace: ns },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  },
  ConfigMap: {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cfg', namespace: ns },
    data: { 'index.html': 'hi' },
  },
  Event: {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'nginx.17a8b', namespace: ns },
    involvedObject: { kind: 'Deployment', namespace: ns, name: 'nginx', uid: 'u1', apiVersion: 'apps/v1' },
    reason: 'ScalingReplicaSet',
    message: 'Scaled up replica set nginx-66b6c48dd5 to 3',
    type: 'Normal',
    count: 1,
    source: { component: 'deployment-controller' },
  },
  Deployment: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'x', namespace: ns },
    spec: { replicas: 3, selector: { matchLabels: labels }, template },
  },
  ReplicaSet: {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'x-66b6c48dd5', namespace: ns },
    spec: { replicas: 3, selector: { matchLabels: labels }, template },
  },
  StatefulSet: {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: ns },
    spec: {
      serviceName: 'nginx',
      selector: { matchLabels: labels },
      template,
      volumeClaimTemplates: [
        {
          metadata: { name: 'www' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
    },
  },
  DaemonSet: {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'x', namespace: ns },
    spec: { selector: { matchLabels: labels }, template },
  },
  ControllerRevision: {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name: 'web-6d5f8b7c9', namespace: ns },
    data: { spec: { template: { $patch: 'replace' } } },
    revision: 1,
  },
  StorageClass: {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard' },
    provisioner: 'kubesim.io/hostpath',
  },
  Lease: {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'node-1', namespace: 'kube-node-lease' },
    spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40 },
  },
};

/** A fresh, defaulted, valid object of the kind. */
export function validObject(kind: string): KubeObject {
  return applyDefaults(deepCopy(raw[kind]));
}

export const FIXTURE_KINDS = Object.keys(raw);
