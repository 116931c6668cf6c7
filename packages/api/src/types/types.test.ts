import assert from 'node:assert/strict';
import * as E from 'fp-ts/Either';
import { applyDefaults } from '../defaults/index.js';
import { validateCreate } from '../validation/index.js';
import type { Deployment, StatefulSet } from './apps.js';
import type { Lease } from './coordination.js';
import type { Service } from './core.js';
import type { Pod } from './pod.js';

// The typed views must describe real manifests with Kubernetes' own JSON field names; these literals would not
// compile otherwise, and they must survive defaulting and validation unchanged in shape.
const deployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'nginx-deployment', namespace: 'default', labels: { app: 'nginx' } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'nginx' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.14.2',
            ports: [{ containerPort: 80, name: 'http' }],
            readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 },
            resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
            env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
          },
        ],
        tolerations: [
          {
            key: 'node.kubernetes.io/not-ready',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 300,
          },
        ],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] },
              ],
            },
          },
        },
      },
    },
  },
};

const statefulSet: StatefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    serviceName: 'nginx',
    replicas: 2,
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'registry.k8s.io/nginx-slim:0.8',
            volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
          },
        ],
      },
    },
    volumeClaimTemplates: [
      {
        metadata: { name: 'www' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
  },
};

const service: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'nginx', namespace: 'default' },
  spec: { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ name: 'web', port: 80 }] },
};

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-0', namespace: 'default' },
  spec: {
    containers: [{ name: 'nginx', image: 'nginx' }],
    volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }],
  },
  status: {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' }],
    containerStatuses: [
      {
        name: 'nginx',
        ready: true,
        restartCount: 0,
        image: 'nginx',
        imageID: '',
        state: { running: { startedAt: '2024-01-01T00:00:00Z' } },
      },
    ],
  },
};

const lease: Lease = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name: 'node-1', namespace: 'kube-node-lease' },
  spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2024-01-01T00:00:00.000000Z' },
};

describe('typed views', () => {
  for (const obj of [deployment, statefulSet, service, pod, lease]) {
    it(`${obj.kind} manifests default and validate`, () => {
      const result = validateCreate(applyDefaults(obj));
      assert.ok(E.isRight(result), E.isLeft(result) ? result.left.message : '');
    });
  }

  it('defaulting keeps the typed shape', () => {
    const d: Deployment = applyDefaults(deployment);
    assert.equal(d.spec.revisionHistoryLimit, 10);
    assert.equal(d.spec.template.spec.containers[0].imagePullPolicy, 'IfNotPresent');
  });
});
