// Table rendering per kind, cell by cell, against the API server's printers (kubectl-wire.md §6).
import assert from 'node:assert/strict';
import { KINDS } from '../kinds.js';
import type { KubeObject } from '../meta.js';
import { renderTable, tableRow } from './table.js';

const NOW = Date.parse('2025-01-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const S = 1000;

function obj(kind: string, name: string, rest: Partial<KubeObject> = {}): KubeObject {
  const { metadata, ...body } = rest;
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name, namespace: 'default', creationTimestamp: ago(12 * S), ...metadata },
    ...body,
  };
}

const cells = (kind: string, o: KubeObject) => tableRow(kind, o, NOW).cells;
const columns = (kind: string) => renderTable(kind, [], NOW).columnDefinitions;

describe('pod rows', () => {
  const pod = (status: object, spec: object = {}, metadata: object = {}) =>
    obj('Pod', 'web-0', {
      spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...spec },
      status,
      metadata,
    });
  const running = { running: { startedAt: ago(10 * S) } };

  const statusCases: [string, object, object?, object?][] = [
    ['Pending', { phase: 'Pending' }],
    [
      'ContainerCreating',
      {
        phase: 'Pending',
        containerStatuses: [{ name: 'nginx', state: { waiting: { reason: 'ContainerCreating' } } }],
      },
    ],
    [
      'ErrImagePull',
      {
        phase: 'Pending',
        containerStatuses: [{ name: 'nginx', state: { waiting: { reason: 'ErrImagePull' } } }],
      },
    ],
    [
      'ImagePullBackOff',
      {
        phase: 'Pending',
        containerStatuses: [{ name: 'nginx', state: { waiting: { reason: 'ImagePullBackOff' } } }],
      },
    ],
    ['Running', { phase: 'Running', containerStatuses: [{ name: 'nginx', ready: true, state: running }] }],
    [
      'Completed',
      {
        phase: 'Succeeded',
        containerStatuses: [{ name: 'nginx', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      },
    ],
    [
      'Error',
      {
        phase: 'Failed',
        containerStatuses: [{ name: 'nginx', state: { terminated: { exitCode: 1, reason: 'Error' } } }],
      },
    ],
    [
      'ExitCode:3',
      { phase: 'Failed', containerStatuses: [{ name: 'nginx', state: { terminated: { exitCode: 3 } } }] },
    ],
    [
      'Signal:9',
      {
        phase: 'Failed',
        containerStatuses: [{ name: 'nginx', state: { terminated: { exitCode: 137, signal: 9 } } }],
      },
    ],
    ['Evicted', { phase: 'Failed', reason: 'Evicted' }],
    [
      'SchedulingGated',
      {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      },
    ],
    [
      'Init:0/1',
      { phase: 'Pending', initContainerStatuses: [{ name: 'init', state: { running: {} } }] },
      { initContainers: [{ name: 'init' }] },
    ],
    [
      'Init:Error',
      {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'init', state: { terminated: { exitCode: 1, reason: 'Error' } } }],
      },
      { initContainers: [{ name: 'init' }] },
    ],
    [
      'Init:ExitCode:2',
      { phase: 'Pending', initContainerStatuses: [{ name: 'init', state: { terminated: { exitCode: 2 } } }] },
      { initContainers: [{ name: 'init' }] },
    ],
    [
      'Init:CrashLoopBackOff',
      {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'init', state: { waiting: { reason: 'CrashLoopBackOff' } } }],
      },
      { initContainers: [{ name: 'init' }] },
    ],
    [
      'Init:1/2',
      {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'b', state: { waiting: { reason: 'PodInitializing' } } },
        ],
      },
      { initContainers: [{ name: 'a' }, { name: 'b' }] },
    ],
    [
      'PodInitializing',
      {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
        containerStatuses: [{ name: 'nginx', state: { waiting: { reason: 'PodInitializing' } } }],
      },
      { initContainers: [{ name: 'a' }] },
    ],
    [
      'NotReady',
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'nginx', ready: true, state: running },
          { name: 'job', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
        ],
      },
      { containers: [{ name: 'nginx' }, { name: 'job' }] },
    ],
    [
      'Terminating',
      { phase: 'Running', containerStatuses: [{ name: 'nginx', ready: true, state: running }] },
      {},
      { deletionTimestamp: ago(0) },
    ],
    // A deleted pod that already finished is not Terminating.
    ['Succeeded', { phase: 'Succeeded' }, {}, { deletionTimestamp: ago(0) }],
    ['Unknown', { phase: 'Running', reason: 'NodeLost' }, {}, { deletionTimestamp: ago(0) }],
  ];
  for (const [want, status, spec, metadata] of statusCases) {
    it(`Status ${want}`, () => assert.equal(cells('Pod', pod(status, spec, metadata))[2], want));
  }

  it('Running with a Ready condition when a completed container sits beside a running one', () => {
    const p = pod(
      {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          { name: 'nginx', ready: true, state: running },
          { name: 'job', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
        ],
      },
      { containers: [{ name: 'nginx' }, { name: 'job' }] },
    );
    assert.deepEqual(cells('Pod', p).slice(1, 3), ['1/2', 'Running']);
  });

  it('Ready counts ready running containers and restartable init containers (sidecars)', () => {
    const p = pod(
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [
          { name: 'proxy', started: true, ready: true, restartCount: 1, state: running },
        ],
        containerStatuses: [
          { name: 'nginx', ready: true, state: running },
          { name: 'log', ready: false, state: running },
        ],
      },
      {
        initContainers: [{ name: 'proxy', restartPolicy: 'Always' }],
        containers: [{ name: 'nginx' }, { name: 'log' }],
      },
    );
    assert.deepEqual(cells('Pod', p).slice(1, 4), ['2/3', 'Running', '1']);
  });

  it('Restarts shows how long ago the last restart was; CrashLoopBackOff from the waiting reason', () => {
    const p = pod({
      phase: 'Running',
      containerStatuses: [
        {
          name: 'nginx',
          restartCount: 5,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(5 * S) } },
        },
      ],
    });
    assert.deepEqual(cells('Pod', p).slice(0, 5), ['web-0', '0/1', 'CrashLoopBackOff', '5 (5s ago)', '12s']);
  });

  it('wide cells: IP, node, nominated node and readiness gates, with <none> defaults', () => {
    assert.deepEqual(cells('Pod', pod({ phase: 'Pending' })).slice(5), [
      '<none>',
      '<none>',
      '<none>',
      '<none>',
    ]);
    const bound = pod(
      {
        phase: 'Running',
        podIPs: [{ ip: '10.1.0.7' }],
        nominatedNodeName: 'node-b',
        conditions: [{ type: 'example.com/gate', status: 'True' }],
      },
      {
        nodeName: 'node-a',
        readinessGates: [{ conditionType: 'example.com/gate' }, { conditionType: 'other' }],
      },
    );
    assert.deepEqual(cells('Pod', bound).slice(5), ['10.1.0.7', 'node-a', 'node-b', '1/2']);
    assert.equal(cells('Pod', pod({ phase: 'Running', podIP: '10.1.0.8' }))[5], '10.1.0.8');
  });

  it('finished pods carry a Completed row condition', () => {
    assert.deepEqual(tableRow('Pod', pod({ phase: 'Succeeded' }), NOW).conditions, [
      {
        type: 'Completed',
        status: 'True',
        reason: 'Succeeded',
        message: 'The pod has completed successfully.',
      },
    ]);
    assert.equal(tableRow('Pod', pod({ phase: 'Failed' }), NOW).conditions?.[0].reason, 'Failed');
    assert.equal(tableRow('Pod', pod({ phase: 'Running' }), NOW).conditions, undefined);
  });

  it('columns match the API server, the last four only with -o wide', () => {
    assert.deepEqual(
      columns('Pod').map((c) => [c.name, c.type, c.format, c.priority]),
      [
        ['Name', 'string', 'name', 0],
        ['Ready', 'string', '', 0],
        ['Status', 'string', '', 0],
        ['Restarts', 'string', '', 0],
        ['Age', 'string', '', 0],
        ['IP', 'string', '', 1],
        ['Node', 'string', '', 1],
        ['Nominated Node', 'string', '', 1],
        ['Readiness Gates', 'string', '', 1],
      ],
    );
  });
});

describe('workload rows', () => {
  const template = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.7.9' }] } };

  it('Deployment: the row of kubectl-wire.md §6', () => {
    const d = obj('Deployment', 'nginx-deployment', {
      spec: { replicas: 3, selector: { matchLabels: { app: 'nginx' } }, template },
      status: { readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 },
    });
    assert.deepEqual(cells('Deployment', d), [
      'nginx-deployment',
      '3/3',
      3,
      3,
      '12s',
      'nginx',
      'nginx:1.7.9',
      'app=nginx',
    ]);
    assert.deepEqual(
      columns('Deployment').map((c) => c.name),
      ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector'],
    );
  });

  it('Deployment without status and with a set-based selector', () => {
    const d = obj('Deployment', 'd', {
      spec: {
        selector: {
          matchLabels: { tier: 'web' },
          matchExpressions: [
            { key: 'env', operator: 'In', values: ['prod', 'dev'] },
            { key: 'canary', operator: 'DoesNotExist' },
          ],
        },
        template: {
          spec: {
            containers: [
              { name: 'a', image: 'x' },
              { name: 'b', image: 'y' },
            ],
          },
        },
      },
    });
    assert.deepEqual(cells('Deployment', d), [
      'd',
      '0/1',
      0,
      0,
      '12s',
      'a,b',
      'x,y',
      '!canary,env in (dev,prod),tier=web',
    ]);
  });

  it('an invalid selector prints <invalid> for Deployments and <error> for ReplicaSets', () => {
    const selector = { matchExpressions: [{ key: 'a', operator: 'Near', values: ['b'] }] };
    assert.equal(
      cells('Deployment', obj('Deployment', 'd', { spec: { selector, template } }))[7],
      '<invalid>',
    );
    assert.equal(cells('ReplicaSet', obj('ReplicaSet', 'r', { spec: { selector, template } }))[7], '<error>');
  });

  it('ReplicaSet', () => {
    const rs = obj('ReplicaSet', 'nginx-deployment-775855699b', {
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '775855699b' } },
        template,
      },
      status: { replicas: 3, readyReplicas: 2 },
    });
    assert.deepEqual(cells('ReplicaSet', rs), [
      'nginx-deployment-775855699b',
      3,
      3,
      2,
      '12s',
      'nginx',
      'nginx:1.7.9',
      'app=nginx,pod-template-hash=775855699b',
    ]);
  });

  it('StatefulSet', () => {
    const sts = obj('StatefulSet', 'web', { spec: { replicas: 2, template }, status: { readyReplicas: 2 } });
    assert.deepEqual(cells('StatefulSet', sts), ['web', '2/2', '12s', 'nginx', 'nginx:1.7.9']);
  });

  it('DaemonSet: Node Selector <none> without one', () => {
    const ds = obj('DaemonSet', 'fluentd', {
      spec: { selector: { matchLabels: { name: 'fluentd' } }, template },
      status: {
        desiredNumberScheduled: 3,
        currentNumberScheduled: 3,
        numberReady: 2,
        updatedNumberScheduled: 3,
        numberAvailable: 2,
      },
    });
    assert.deepEqual(cells('DaemonSet', ds), [
      'fluentd',
      3,
      3,
      2,
      3,
      2,
      '<none>',
      '12s',
      'nginx',
      'nginx:1.7.9',
      'name=fluentd',
    ]);
    ds.spec.template = { spec: { ...template.spec, nodeSelector: { disk: 'ssd', zone: 'a' } } };
    assert.equal(cells('DaemonSet', ds)[6], 'disk=ssd,zone=a');
  });

  it('ControllerRevision: controller as daemonset.apps/x, and the revision number', () => {
    const cr = obj('ControllerRevision', 'x-6d5f8b7c9', {
      metadata: {
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'x', uid: 'u', controller: true },
        ],
      },
      revision: 2,
    });
    assert.deepEqual(cells('ControllerRevision', cr), ['x-6d5f8b7c9', 'daemonset.apps/x', 2, '12s']);
    assert.equal(
      cells('ControllerRevision', obj('ControllerRevision', 'orphan', { revision: 1 }))[1],
      '<none>',
    );
  });
});

describe('service and endpoints rows', () => {
  const svc = (spec: object, status: object = {}) => obj('Service', 'nginx', { spec, status });

  it('ClusterIP: 80/TCP, External-IP <none>, selector wide', () => {
    assert.deepEqual(
      cells(
        'Service',
        svc({
          type: 'ClusterIP',
          clusterIP: '10.96.0.10',
          clusterIPs: ['10.96.0.10'],
          ports: [{ port: 80, protocol: 'TCP' }],
          selector: { app: 'nginx' },
        }),
      ),
      ['nginx', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '12s', 'app=nginx'],
    );
  });

  it('NodePort shows port:nodePort/protocol; headless shows None; no ports shows <none>', () => {
    const np = svc({
      type: 'NodePort',
      clusterIP: '10.96.0.11',
      ports: [
        { port: 80, nodePort: 30080, protocol: 'TCP' },
        { port: 53, protocol: 'UDP' },
      ],
    });
    assert.deepEqual(cells('Service', np).slice(1, 5), [
      'NodePort',
      '10.96.0.11',
      '<none>',
      '80:30080/TCP,53/UDP',
    ]);
    assert.equal(cells('Service', svc({ clusterIP: 'None', ports: [{ port: 3306 }] }))[2], 'None');
    assert.deepEqual(cells('Service', svc({ type: 'ClusterIP' })).slice(2, 5), [
      '<none>',
      '<none>',
      '<none>',
    ]);
    assert.equal(
      cells('Service', svc({ type: 'ClusterIP', externalIPs: ['1.2.3.4', '5.6.7.8'] }))[3],
      '1.2.3.4,5.6.7.8',
    );
  });

  it('LoadBalancer: <pending> until an ingress address exists; ExternalName shows the name', () => {
    assert.equal(cells('Service', svc({ type: 'LoadBalancer' }))[3], '<pending>');
    const lb = svc(
      { type: 'LoadBalancer', externalIPs: ['9.9.9.9'] },
      { loadBalancer: { ingress: [{ ip: '5.5.5.5' }, { hostname: 'lb.example.com' }] } },
    );
    assert.equal(cells('Service', lb)[3], '5.5.5.5,lb.example.com,9.9.9.9');
    assert.equal(
      cells('Service', svc({ type: 'ExternalName', externalName: 'db.example.com' }))[3],
      'db.example.com',
    );
  });

  it('Endpoints: ip:port pairs, at most three then + N more...', () => {
    const ep = (subsets?: object[]) => obj('Endpoints', 'nginx', { subsets } as Partial<KubeObject>);
    assert.equal(cells('Endpoints', ep())[1], '<none>');
    assert.equal(
      cells(
        'Endpoints',
        ep([{ addresses: [{ ip: '10.1.0.1' }, { ip: '10.1.0.2' }], ports: [{ port: 80 }] }]),
      )[1],
      '10.1.0.1:80,10.1.0.2:80',
    );
    assert.equal(
      cells(
        'Endpoints',
        ep([
          {
            addresses: [{ ip: '10.1.0.1' }, { ip: '10.1.0.2' }, { ip: 'fd00::3' }, { ip: '10.1.0.4' }],
            ports: [{ port: 80 }],
          },
        ]),
      )[1],
      '10.1.0.1:80,10.1.0.2:80,[fd00::3]:80 + 1 more...',
    );
    assert.equal(cells('Endpoints', ep([{ addresses: [{ ip: '10.1.0.1' }] }]))[1], '10.1.0.1');
  });
});

describe('storage rows', () => {
  it('PersistentVolumeClaim: bound shows capacity and RWO; pending leaves them empty', () => {
    const bound = obj('PersistentVolumeClaim', 'www-web-0', {
      spec: { volumeName: 'pvc-1', storageClassName: 'standard', accessModes: ['ReadWriteOnce'] },
      status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] },
    });
    assert.deepEqual(cells('PersistentVolumeClaim', bound), [
      'www-web-0',
      'Bound',
      'pvc-1',
      '1Gi',
      'RWO',
      'standard',
      '<unset>',
      '12s',
      '<unset>',
    ]);
    const pending = obj('PersistentVolumeClaim', 'data', { spec: {}, status: { phase: 'Pending' } });
    assert.deepEqual(cells('PersistentVolumeClaim', pending).slice(1, 6), ['Pending', '', '', '', '']);
    pending.metadata.deletionTimestamp = ago(0);
    assert.equal(cells('PersistentVolumeClaim', pending)[1], 'Terminating');
  });

  it('PersistentVolume: claim as namespace/name, access modes in fixed order', () => {
    const pv = obj('PersistentVolume', 'pvc-1', {
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        claimRef: { namespace: 'default', name: 'www-web-0' },
        storageClassName: 'standard',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound' },
    });
    assert.deepEqual(cells('PersistentVolume', pv), [
      'pvc-1',
      '1Gi',
      'RWO,RWX',
      'Delete',
      'Bound',
      'default/www-web-0',
      'standard',
      '<unset>',
      '',
      '12s',
      'Filesystem',
    ]);
  });

  it('StorageClass: (default) marker and API defaults', () => {
    const sc = obj('StorageClass', 'standard', {
      metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'kubesim.io/hostpath',
    });
    assert.deepEqual(cells('StorageClass', sc), [
      'standard (default)',
      'kubesim.io/hostpath',
      'Delete',
      'Immediate',
      false,
      '12s',
    ]);
  });
});

describe('cluster rows', () => {
  const node = (ready: string | undefined, extra: Partial<KubeObject> = {}) =>
    obj('Node', 'node-a', {
      status: {
        conditions: ready
          ? [
              { type: 'MemoryPressure', status: 'False' },
              { type: 'Ready', status: ready },
            ]
          : [],
        nodeInfo: {
          kubeletVersion: 'v1.32.0',
          osImage: 'kubesim',
          kernelVersion: '6.1',
          containerRuntimeVersion: 'kubesim://1',
        },
        addresses: [
          { type: 'InternalIP', address: '10.0.0.1' },
          { type: 'Hostname', address: 'node-a' },
        ],
      },
      ...extra,
    });

  it('Node status: Ready, NotReady, Unknown and SchedulingDisabled', () => {
    assert.deepEqual(cells('Node', node('True')), [
      'node-a',
      'Ready',
      '<none>',
      '12s',
      'v1.32.0',
      '10.0.0.1',
      '<none>',
      'kubesim',
      '6.1',
      'kubesim://1',
    ]);
    assert.equal(cells('Node', node('False'))[1], 'NotReady');
    assert.equal(cells('Node', node('Unknown'))[1], 'NotReady');
    assert.equal(cells('Node', node(undefined))[1], 'Unknown');
    assert.equal(
      cells('Node', node('True', { spec: { unschedulable: true } }))[1],
      'Ready,SchedulingDisabled',
    );
  });

  it('Node roles from node-role labels and kubernetes.io/role, sorted', () => {
    const n = node('True');
    n.metadata.labels = {
      'node-role.kubernetes.io/worker': '',
      'node-role.kubernetes.io/control-plane': '',
      'kubernetes.io/role': 'edge',
      'node-role.kubernetes.io/': '',
    };
    assert.equal(cells('Node', n)[2], 'control-plane,edge,worker');
  });

  it('Node wide cells default to <unknown> without node info', () => {
    assert.deepEqual(cells('Node', obj('Node', 'bare')).slice(4), [
      '',
      '<none>',
      '<none>',
      '<unknown>',
      '<unknown>',
      '<unknown>',
    ]);
  });

  it('Namespace', () => {
    assert.deepEqual(cells('Namespace', obj('Namespace', 'default', { status: { phase: 'Active' } })), [
      'default',
      'Active',
      '12s',
    ]);
  });

  it('Event: Last Seen, Type, Reason, Object, Message (and the wide cells)', () => {
    const ev = obj('Event', 'nginx.17a', {
      involvedObject: { kind: 'Pod', name: 'nginx-1', fieldPath: 'spec.containers{nginx}' },
      reason: 'Pulled',
      message: ' Successfully pulled image "nginx" \n',
      type: 'Normal',
      source: { component: 'kubelet', host: 'node-a' },
      firstTimestamp: ago(3 * 60 * S),
      lastTimestamp: ago(30 * S),
      count: 4,
    } as Partial<KubeObject>);
    assert.deepEqual(cells('Event', ev), [
      '30s',
      'Normal',
      'Pulled',
      'pod/nginx-1',
      'spec.containers{nginx}',
      'kubelet, node-a',
      'Successfully pulled image "nginx"',
      '3m',
      4,
      'nginx.17a',
    ]);
    assert.deepEqual(
      columns('Event')
        .filter((c) => c.priority === 0)
        .map((c) => c.name),
      ['Last Seen', 'Type', 'Reason', 'Object', 'Message'],
    );
  });

  it('Event from the new API: eventTime, series and reporting controller', () => {
    const ev = obj('Event', 'e', {
      involvedObject: { kind: 'Deployment' },
      eventTime: ago(90 * S),
      series: { count: 7, lastObservedTime: ago(20 * S) },
      reportingComponent: 'deployment-controller',
      lastTimestamp: null,
    } as Partial<KubeObject>);
    const c = cells('Event', ev);
    assert.deepEqual(
      [c[0], c[3], c[5], c[7], c[8]],
      ['20s', 'deployment', 'deployment-controller', '90s', 7],
    );
    const single = cells(
      'Event',
      obj('Event', 'f', { involvedObject: { kind: 'Pod', name: 'p' } } as Partial<KubeObject>),
    );
    assert.deepEqual([single[0], single[8]], ['<unknown>', 1]);
  });

  it('ConfigMap counts data and binaryData keys; Lease shows its holder', () => {
    assert.deepEqual(
      cells(
        'ConfigMap',
        obj('ConfigMap', 'cfg', {
          data: { a: '1', b: '2' },
          binaryData: { c: 'AA==' },
        } as Partial<KubeObject>),
      ),
      ['cfg', 3, '12s'],
    );
    assert.deepEqual(cells('Lease', obj('Lease', 'node-a', { spec: { holderIdentity: 'node-a' } })), [
      'node-a',
      'node-a',
      '12s',
    ]);
    assert.deepEqual(cells('Lease', obj('Lease', 'free', { spec: {} })), ['free', '', '12s']);
  });

  it('other kinds get Name and Created At', () => {
    const o = obj('Widget', 'w', { metadata: { creationTimestamp: '2024-03-04T05:06:07Z' } });
    assert.deepEqual(cells('Widget', o), ['w', '2024-03-04T05:06:07Z']);
    assert.deepEqual(
      columns('Widget').map((c) => [c.name, c.type]),
      [
        ['Name', 'string'],
        ['Created At', 'date'],
      ],
    );
  });
});

describe('renderTable', () => {
  const pods = [
    obj('Pod', 'a', { metadata: { labels: { app: 'x' } }, status: { phase: 'Running' } }),
    obj('Pod', 'b', { status: { phase: 'Pending' } }),
  ];

  it('renders a meta.k8s.io/v1 Table whose rows carry PartialObjectMetadata', () => {
    const table = renderTable('Pod', pods, new Date(NOW), { listMeta: { resourceVersion: '42' } });
    assert.equal(table.kind, 'Table');
    assert.equal(table.apiVersion, 'meta.k8s.io/v1');
    assert.deepEqual(table.metadata, { resourceVersion: '42' });
    assert.equal(table.rows.length, 2);
    assert.deepEqual(table.rows[0].object, {
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: pods[0].metadata,
    });
    assert.deepEqual(JSON.parse(JSON.stringify(table.columnDefinitions[0])), {
      name: 'Name',
      type: 'string',
      format: 'name',
      description: 'Name of the object, unique within its namespace.',
      priority: 0,
    });
  });

  it('honours includeObject and the v1beta1 version', () => {
    assert.ok(!('object' in renderTable('Pod', pods, NOW, { includeObject: 'None' }).rows[0]));
    assert.equal(renderTable('Pod', pods, NOW, { includeObject: 'Object' }).rows[0].object, pods[0]);
    const beta = renderTable('Pod', pods, NOW, { version: 'v1beta1' });
    assert.equal(beta.apiVersion, 'meta.k8s.io/v1beta1');
    assert.equal(beta.rows[0].object?.apiVersion, 'meta.k8s.io/v1beta1');
  });

  it('every registered kind renders as many cells as it has columns', () => {
    for (const info of KINDS) {
      const table = renderTable(info.kind, [obj(info.kind, 'x')], NOW);
      assert.equal(table.rows[0].cells.length, table.columnDefinitions.length, info.kind);
    }
  });
});
