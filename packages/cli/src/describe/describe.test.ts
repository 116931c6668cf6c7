import assert from 'node:assert/strict';
import type { Deployment, KubeObject, ReplicaSet } from '@kubesim/api';
import { describeNode, describeService, endpointsText, nodeRoles } from './cluster.js';
import { rfc1123z } from './format.js';
import { describeGeneric, smartLabel } from './generic.js';
import { describePod, qosClass } from './pod.js';
import type { EventView } from './sections.js';
import { describeDeployment, podPhaseCounts } from './workloads.js';

const NOW = Date.parse('2018-11-15T11:00:00Z');
const CREATED = '2018-11-15T10:58:03Z';

const deployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'nginx-deployment',
    namespace: 'default',
    uid: 'd-1',
    creationTimestamp: CREATED,
    labels: { app: 'nginx' },
    annotations: {
      'deployment.kubernetes.io/revision': '1',
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}\n',
    },
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'nginx' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.7.9', ports: [{ containerPort: 80, protocol: 'TCP' }] },
        ],
      },
    },
  },
  status: {
    replicas: 3,
    updatedReplicas: 3,
    availableReplicas: 3,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  },
};

const replicaSet = (name: string, replicas: number): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'nginx' } } },
  status: { replicas },
});

const scaled: EventView = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'e1' },
  type: 'Normal',
  reason: 'ScalingReplicaSet',
  message: 'Scaled up replica set nginx-deployment-5c689d88bb to 3',
  firstTimestamp: '2018-11-15T10:59:48Z',
  lastTimestamp: '2018-11-15T10:59:48Z',
  count: 1,
  source: { component: 'deployment-controller' },
};

describe('kubectl describe output', () => {
  let zone: string | undefined;
  before(() => {
    zone = process.env.TZ;
    process.env.TZ = 'UTC';
  });
  after(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('formats times as Go RFC1123Z', () => {
    assert.equal(rfc1123z(CREATED), 'Thu, 15 Nov 2018 10:58:03 +0000');
  });

  it('describes a Deployment like kubectl (blocks aligned across Conditions and ReplicaSets)', () => {
    const out = describeDeployment(
      deployment,
      {
        newReplicaSet: replicaSet('nginx-deployment-5c689d88bb', 3),
        oldReplicaSets: [replicaSet('nginx-deployment-6b474476c4', 0)],
        events: [scaled],
      },
      NOW,
    );
    assert.equal(
      out,
      [
        'Name:                   nginx-deployment',
        'Namespace:              default',
        'CreationTimestamp:      Thu, 15 Nov 2018 10:58:03 +0000',
        'Labels:                 app=nginx',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=nginx',
        'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=nginx',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.7.9',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  nginx-deployment-6b474476c4 (0/0 replicas created)',
        'NewReplicaSet:   nginx-deployment-5c689d88bb (3/3 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  12s   deployment-controller  Scaled up replica set nginx-deployment-5c689d88bb to 3',
        '',
      ].join('\n'),
    );
  });

  it('prints Events: <none> in the last block when there are no events', () => {
    const out = describeDeployment(
      deployment,
      { newReplicaSet: replicaSet('nginx-deployment-5c689d88bb', 3), oldReplicaSets: [], events: [] },
      NOW,
    );
    assert.match(
      out,
      /\nOldReplicaSets: {2}<none>\nNewReplicaSet: {3}nginx-deployment-5c689d88bb \(3\/3 replicas created\)\nEvents: {10}<none>\n$/,
    );
  });

  it('collapses repeated events into (xN over AGE)', () => {
    const repeated = {
      ...scaled,
      count: 4,
      firstTimestamp: '2018-11-15T10:58:00Z',
      lastTimestamp: '2018-11-15T10:59:30Z',
    };
    const out = describeDeployment(deployment, { oldReplicaSets: [], events: [repeated] }, NOW);
    assert.match(out, /Normal {2}ScalingReplicaSet {2}30s \(x4 over 2m\) {2}deployment-controller/);
  });

  it('describes a running pod with container state, conditions and QoS', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-0',
        namespace: 'default',
        labels: { app: 'web' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 's-1', controller: true },
        ],
      },
      spec: {
        nodeName: 'node-1',
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.7.9',
            ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }],
          },
        ],
        volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }],
        tolerations: [
          {
            key: 'node.kubernetes.io/not-ready',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 300,
          },
        ],
      },
      status: {
        phase: 'Running',
        hostIP: '10.0.0.1',
        podIP: '10.244.1.5',
        podIPs: [{ ip: '10.244.1.5' }],
        startTime: CREATED,
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          {
            name: 'nginx',
            ready: true,
            restartCount: 0,
            containerID: 'sim://web-0/nginx',
            imageID: 'nginx@sha256:1',
            state: { running: { startedAt: CREATED } },
          },
        ],
      },
    };
    const out = describePod(pod, [], NOW);
    const expected = [
      'Name:         web-0',
      'Namespace:    default',
      'Node:         node-1/10.0.0.1',
      'Start Time:   Thu, 15 Nov 2018 10:58:03 +0000',
      'Labels:       app=web',
      'Annotations:  <none>',
      'Status:       Running',
      'IP:           10.244.1.5',
      'IPs:',
      '  IP:           10.244.1.5',
      'Controlled By:  StatefulSet/web',
      'Containers:',
      '  nginx:',
      '    Container ID:   sim://web-0/nginx',
      '    Image:          nginx:1.7.9',
      '    Image ID:       nginx@sha256:1',
      '    Port:           80/TCP (web)',
      '    Host Port:      0/TCP (web)',
      '    State:          Running',
      '      Started:      Thu, 15 Nov 2018 10:58:03 +0000',
      '    Ready:          True',
      '    Restart Count:  0',
      '    Environment:    <none>',
      '    Mounts:         <none>',
      'Conditions:',
      '  Type    Status',
      '  Ready   True ',
      'Volumes:',
      '  www:',
      '    Type:        PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
      '    ClaimName:   www-web-0',
      '    ReadOnly:    false',
      'QoS Class:       BestEffort',
      'Node-Selectors:  <none>',
      'Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
      'Events:          <none>',
      '',
    ];
    assert.equal(out, expected.join('\n'));
  });

  const qos: [string, KubeObject['spec'], string][] = [
    ['no resources', [{ name: 'a' }], 'BestEffort'],
    ['requests only', [{ name: 'a', resources: { requests: { cpu: '100m' } } }], 'Burstable'],
    [
      'limits for cpu and memory',
      [{ name: 'a', resources: { limits: { cpu: '1', memory: '1Gi' } } }],
      'Guaranteed',
    ],
    [
      'requests below limits',
      [{ name: 'a', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } } }],
      'Burstable',
    ],
  ];
  for (const [name, containers, want] of qos) {
    it(`computes QoS class: ${name}`, () => assert.equal(qosClass(containers), want));
  }

  it('counts only the pods a controller owns, by phase', () => {
    const pod = (phase: string, uid: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'r', uid, controller: true }],
      },
      status: { phase },
    });
    assert.deepEqual(
      podPhaseCounts(
        [pod('Running', 'a'), pod('Pending', 'a'), pod('Running', 'b'), pod('Failed', 'a')],
        'a',
      ),
      {
        running: 1,
        waiting: 1,
        succeeded: 0,
        failed: 1,
      },
    );
  });

  it('describes a Service with its endpoints', () => {
    const svc: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'nginx', namespace: 'default' },
      spec: {
        type: 'ClusterIP',
        selector: { app: 'nginx' },
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }],
        sessionAffinity: 'None',
      },
    };
    const endpoints: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'nginx' },
      subsets: [{ addresses: [{ ip: '10.244.0.1' }, { ip: '10.244.0.2' }], ports: [{ port: 80 }] }],
    };
    const out = describeService(svc, endpoints, [], NOW);
    assert.match(out, /^Port: {14}<unset> {2}80\/TCP$/m);
    assert.match(out, /^TargetPort: {8}80\/TCP$/m);
    assert.match(out, /^Endpoints: {9}10\.244\.0\.1:80,10\.244\.0\.2:80$/m);
    assert.match(out, /^Selector: {10}app=nginx$/m);
  });

  it('shortens long endpoint lists like kubectl', () => {
    const ips = ['1', '2', '3', '4', '5'].map((n) => ({ ip: `10.0.0.${n}` }));
    const ep = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {},
      subsets: [{ addresses: ips, ports: [{ name: 'http', port: 8080 }] }],
    };
    assert.equal(endpointsText(ep, 'http'), '10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 2 more...');
    assert.equal(endpointsText(ep, 'other'), '<none>');
  });

  it('describes a Node with its taints, capacity and pod requests', () => {
    const node: KubeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: 'node-1',
        creationTimestamp: CREATED,
        labels: { 'kubernetes.io/hostname': 'node-1', 'node-role.kubernetes.io/worker': '' },
      },
      spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] },
      status: {
        capacity: { cpu: '4', memory: '8Gi', pods: '110' },
        allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
        addresses: [{ type: 'Hostname', address: 'node-1' }],
      },
    };
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', creationTimestamp: CREATED },
      spec: { containers: [{ name: 'a', resources: { requests: { cpu: '500m', memory: '1Gi' } } }] },
    };
    const out = describeNode(node, { pods: [pod] }, NOW);
    assert.match(out, /^Roles:\s+worker$/m);
    assert.match(out, /^Taints:\s+dedicated=db:NoSchedule$/m);
    assert.match(out, /^Non-terminated Pods:\s+\(1 in total\)$/m);
    assert.match(out, /^ {2}default\s+p\s+500m \(12%\)\s+0 \(0%\)\s+1Gi \(12%\)\s+0 \(0%\)\s+117s$/m);
    assert.match(out, /^ {2}cpu\s+500m \(12%\)\s+0 \(0%\)$/m);
    assert.deepEqual(nodeRoles({ 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'db' }), [
      'control-plane',
      'db',
    ]);
  });

  const labels: [string, string][] = [
    ['apiVersion', 'API Version'],
    ['ownerReferences', 'Owner References'],
    ['uid', 'UID'],
    ['creationTimestamp', 'Creation Timestamp'],
    ['revision', 'Revision'],
    ['$patch', '$patch'],
    ['blockOwnerDeletion', 'Block Owner Deletion'],
  ];
  for (const [field, want] of labels) {
    it(`labels field ${field} as "${want}"`, () => assert.equal(smartLabel(field), want));
  }

  it('describes a ControllerRevision generically', () => {
    const cr: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'web-6b9d8d7f6c', namespace: 'default', labels: { app: 'web' } },
      revision: 2,
      data: { spec: { template: { $patch: 'replace' } } },
    };
    assert.equal(
      describeGeneric(cr, [], NOW),
      [
        'Name:         web-6b9d8d7f6c',
        'Namespace:    default',
        'Labels:       app=web',
        'Annotations:  <none>',
        'API Version:  apps/v1',
        'Data:',
        '  Spec:',
        '    Template:',
        '      $patch:  replace',
        'Kind:          ControllerRevision',
        'Metadata:',
        'Revision:  2',
        'Events:    <none>',
        '',
      ].join('\n'),
    );
  });
});
