// Strategic merge patch cases: the bodies kubectl sends (kubectl-wire.md §8, §10) and the directive semantics of
// Kubernetes' strategicpatch package.
import assert from 'node:assert/strict';
import * as E from 'fp-ts/Either';
import type { JsonObject } from './json.js';
import { rootTypeOf } from './patch-meta.js';
import { strategicMerge } from './strategic-merge.js';

function smp(kind: string, original: JsonObject, patch: JsonObject): JsonObject {
  const r = strategicMerge(original, patch, rootTypeOf(kind));
  if (E.isLeft(r)) assert.fail(`unexpected failure: ${r.left.message}`);
  return r.right;
}

function smpFails(kind: string, original: JsonObject, patch: JsonObject) {
  const r = strategicMerge(original, patch, rootTypeOf(kind));
  if (E.isRight(r)) assert.fail(`expected a failure, got ${JSON.stringify(r.right)}`);
  return r.left;
}

const deployment = (): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'nginx-deployment',
    namespace: 'default',
    labels: { app: 'nginx' },
    annotations: { a: '1' },
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'nginx' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.7.9',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
          },
        ],
        tolerations: [{ key: 'x', operator: 'Exists' }],
        restartPolicy: 'Always',
      },
    },
  },
});

const spec = (o: JsonObject) => o.spec as JsonObject;
const podSpec = (o: JsonObject) => (spec(o).template as JsonObject).spec as JsonObject;
const containers = (o: JsonObject) => podSpec(o).containers as JsonObject[];

describe('strategic merge patch', () => {
  it('set image: $setElementOrder plus a container merged by name keeps the other fields', () => {
    const out = smp('Deployment', deployment(), {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [{ image: 'nginx:1.91', name: 'nginx' }],
          },
        },
      },
    });
    assert.deepEqual(containers(out), [
      {
        name: 'nginx',
        image: 'nginx:1.91',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
    ]);
    assert.equal(podSpec(out).restartPolicy, 'Always');
    assert.ok(!('$setElementOrder' in podSpec(out)));
  });

  it('pause sets spec.paused and resume deletes it with null', () => {
    const paused = smp('Deployment', deployment(), { spec: { paused: true } });
    assert.equal(spec(paused).paused, true);
    const resumed = smp('Deployment', paused, { spec: { paused: null } });
    assert.ok(!('paused' in spec(resumed)));
    assert.equal(spec(resumed).replicas, 3);
  });

  it('rollout undo of a DaemonSet: $patch replace inside spec.template replaces the whole template', () => {
    const ds: JsonObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'x' },
      spec: {
        selector: { matchLabels: { name: 'x' } },
        template: {
          metadata: { labels: { name: 'x', extra: 'y' }, annotations: { z: '1' } },
          spec: {
            containers: [{ name: 'x', image: 'x:v2', env: [{ name: 'E', value: 'v' }] }],
            nodeSelector: { disk: 'ssd' },
          },
        },
      },
    };
    const data = JSON.parse(
      '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"name":"x"}},' +
        '"spec":{"containers":[{"image":"x:v1","imagePullPolicy":"IfNotPresent","name":"x","resources":{},' +
        '"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],' +
        '"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler",' +
        '"securityContext":{},"terminationGracePeriodSeconds":30}}}}',
    );
    const out = smp('DaemonSet', ds, data);
    assert.deepEqual(spec(out).template, {
      metadata: { labels: { name: 'x' } },
      spec: {
        containers: [
          {
            image: 'x:v1',
            imagePullPolicy: 'IfNotPresent',
            name: 'x',
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
      },
    });
    assert.deepEqual(spec(out).selector, { matchLabels: { name: 'x' } });
  });

  it('rollout restart adds the restartedAt annotation to the pod template, creating the map', () => {
    const out = smp('Deployment', deployment(), {
      spec: {
        template: {
          metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' } },
        },
      },
    });
    assert.deepEqual((spec(out).template as JsonObject).metadata, {
      labels: { app: 'nginx' },
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' },
    });
  });

  it('partition patch on a StatefulSet merges into updateStrategy', () => {
    const sts: JsonObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'mysql' },
      spec: { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } },
    };
    const patch = { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } } };
    const out = smp('StatefulSet', sts, patch);
    assert.deepEqual(spec(out).updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 2 } });
    assert.deepEqual(smp('StatefulSet', out, patch), out, 'a repeated patch changes nothing');
  });

  it('kubectl apply: last-applied annotation, $retainKeys on the strategy, a removed port and env var', () => {
    const patch = {
      metadata: {
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}\n' },
      },
      spec: {
        strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' },
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [
              {
                '$setElementOrder/env': [{ name: 'B' }],
                env: [{ $patch: 'delete', name: 'A' }],
                image: 'nginx:1.16.1',
                name: 'nginx',
                ports: [{ $patch: 'delete', containerPort: 80 }],
              },
            ],
          },
        },
      },
    };
    const out = smp('Deployment', deployment(), patch);
    assert.deepEqual(spec(out).strategy, { type: 'Recreate' });
    assert.deepEqual(containers(out), [
      { name: 'nginx', image: 'nginx:1.16.1', ports: [], env: [{ name: 'B', value: '2' }] },
    ]);
    assert.deepEqual((out.metadata as JsonObject).annotations, {
      a: '1',
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}\n',
    });
  });

  it('$retainKeys rejects a patch that sets a key it does not retain', () => {
    const status = smpFails('Deployment', deployment(), {
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
    });
    assert.equal(status.code, 400);
    assert.equal(status.message, 'invalid patch format of retainKeys');
  });

  it('adds a container and orders it with $setElementOrder', () => {
    const out = smp('Deployment', deployment(), {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }],
            containers: [{ name: 'sidecar', image: 'busybox' }],
          },
        },
      },
    });
    assert.deepEqual(
      containers(out).map((c) => c.name),
      ['nginx', 'sidecar'],
    );
  });

  it('without $setElementOrder a new list item goes before the server-only items, as the API server does', () => {
    const out = smp('Deployment', deployment(), {
      spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } },
    });
    assert.deepEqual(
      containers(out).map((c) => c.name),
      ['sidecar', 'nginx'],
    );
  });

  it('$setElementOrder reorders items the server already has, interleaving the server-only ones', () => {
    const pod: JsonObject = {
      kind: 'Pod',
      spec: { containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }] },
    };
    const out = smp('Pod', pod, {
      spec: {
        '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }],
        containers: [{ name: 'c', image: 'new' }],
      },
    });
    assert.deepEqual(
      (spec(out).containers as JsonObject[]).map((c) => c.name),
      ['b', 'c', 'a', 'd'],
    );
  });

  it('deletes a list item by merge key with $patch: delete', () => {
    const pod: JsonObject = { kind: 'Pod', spec: { containers: [{ name: 'a' }, { name: 'b' }] } };
    const out = smp('Pod', pod, { spec: { containers: [{ $patch: 'delete', name: 'a' }] } });
    assert.deepEqual(spec(out).containers, [{ name: 'b' }]);
  });

  it('replaces a merge list with a $patch: replace item', () => {
    const pod: JsonObject = { kind: 'Pod', spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b' }] } };
    const out = smp('Pod', pod, { spec: { containers: [{ name: 'c', image: 'y' }, { $patch: 'replace' }] } });
    assert.deepEqual(spec(out).containers, [{ name: 'c', image: 'y' }]);
  });

  it('$patch: delete on a map empties it', () => {
    const out = smp('Deployment', deployment(), { spec: { strategy: { $patch: 'delete' } } });
    assert.deepEqual(spec(out).strategy, {});
  });

  it('$patch: merge on a map is the default merge', () => {
    const out = smp('Deployment', deployment(), {
      spec: { strategy: { $patch: 'merge', type: 'Recreate' } },
    });
    assert.equal((spec(out).strategy as JsonObject).type, 'Recreate');
    assert.ok((spec(out).strategy as JsonObject).rollingUpdate);
  });

  it('keyless lists such as tolerations are replaced', () => {
    const out = smp('Deployment', deployment(), {
      spec: { template: { spec: { tolerations: [{ key: 'y', operator: 'Exists' }] } } },
    });
    assert.deepEqual(podSpec(out).tolerations, [{ key: 'y', operator: 'Exists' }]);
  });

  it('finalizers merge as a set and $deleteFromPrimitiveList removes entries', () => {
    const obj: JsonObject = { kind: 'Pod', metadata: { finalizers: ['a', 'b'] } };
    const added = smp('Pod', obj, { metadata: { finalizers: ['b', 'c'] } });
    assert.deepEqual((added.metadata as JsonObject).finalizers, ['a', 'b', 'c']);
    const removed = smp('Pod', added, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a', 'c'] } });
    assert.deepEqual((removed.metadata as JsonObject).finalizers, ['b']);
  });

  it('ownerReferences merge by uid', () => {
    const obj: JsonObject = {
      kind: 'ReplicaSet',
      metadata: { ownerReferences: [{ uid: 'u1', name: 'd', kind: 'Deployment', apiVersion: 'apps/v1' }] },
    };
    const out = smp('ReplicaSet', obj, { metadata: { ownerReferences: [{ uid: 'u1', controller: true }] } });
    assert.deepEqual((out.metadata as JsonObject).ownerReferences, [
      { uid: 'u1', name: 'd', kind: 'Deployment', apiVersion: 'apps/v1', controller: true },
    ]);
  });

  it('container ports merge by containerPort while service ports merge by port', () => {
    const pod: JsonObject = {
      kind: 'Pod',
      spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'http' }] }] },
    };
    const out = smp('Pod', pod, {
      spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
    });
    assert.deepEqual((spec(out).containers as JsonObject[])[0].ports, [
      { containerPort: 80, name: 'http', protocol: 'TCP' },
    ]);

    const svc: JsonObject = { kind: 'Service', spec: { ports: [{ port: 80, targetPort: 8080 }] } };
    const svcOut = smp('Service', svc, { spec: { ports: [{ port: 80, nodePort: 30080 }] } });
    assert.deepEqual(spec(svcOut).ports, [{ port: 80, targetPort: 8080, nodePort: 30080 }]);
  });

  it('volumes merge by name, volumeMounts by mountPath, conditions by type, hostAliases by ip', () => {
    const pod: JsonObject = {
      kind: 'Pod',
      spec: {
        volumes: [{ name: 'data', emptyDir: {} }],
        hostAliases: [{ ip: '10.0.0.1', hostnames: ['a'] }],
        containers: [{ name: 'a', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
      },
      status: {
        conditions: [
          { type: 'Ready', status: 'False' },
          { type: 'PodScheduled', status: 'True' },
        ],
      },
    };
    const out = smp('Pod', pod, {
      spec: {
        volumes: [{ name: 'data', emptyDir: { medium: 'Memory' } }],
        hostAliases: [{ ip: '10.0.0.1', hostnames: ['b'] }],
        containers: [{ name: 'a', volumeMounts: [{ mountPath: '/data', readOnly: true }] }],
      },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    });
    assert.deepEqual(spec(out).volumes, [{ name: 'data', emptyDir: { medium: 'Memory' } }]);
    assert.deepEqual(spec(out).hostAliases, [{ ip: '10.0.0.1', hostnames: ['b'] }]);
    assert.deepEqual((spec(out).containers as JsonObject[])[0].volumeMounts, [
      { name: 'data', mountPath: '/data', readOnly: true },
    ]);
    assert.deepEqual((out.status as JsonObject).conditions, [
      { type: 'Ready', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ]);
  });

  it('volumes honour $retainKeys to switch the volume source', () => {
    const pod: JsonObject = { kind: 'Pod', spec: { volumes: [{ name: 'data', emptyDir: {} }] } };
    const out = smp('Pod', pod, {
      spec: { volumes: [{ $retainKeys: ['hostPath', 'name'], name: 'data', hostPath: { path: '/tmp' } }] },
    });
    assert.deepEqual(spec(out).volumes, [{ name: 'data', hostPath: { path: '/tmp' } }]);
  });

  it('a merge-list item without its merge key is rejected with 422', () => {
    const status = smpFails('Deployment', deployment(), {
      spec: { template: { spec: { containers: [{ image: 'nginx' }] } } },
    });
    assert.equal(status.code, 422);
    assert.equal(status.reason, 'Invalid');
    assert.match(status.details?.causes?.[0]?.message ?? '', /does not contain declared merge key: name/);
  });

  it('rejects malformed directives with 400', () => {
    const cases: [JsonObject, RegExp][] = [
      [{ spec: { strategy: { $patch: 'explode' } } }, /unknown patch type: explode/],
      [
        { spec: { template: { spec: { containers: [{ $patch: 'merge', name: 'nginx' }] } } } },
        /cannot yet be specified/,
      ],
      [
        { metadata: { '$deleteFromPrimitiveList/finalizers': 'a' } },
        /invalid patch format of primitive list/,
      ],
      [
        { spec: { template: { spec: { '$setElementOrder/containers': 'x' } } } },
        /invalid patch format of setElementOrder list/,
      ],
      [{ spec: { strategy: { $retainKeys: 'type' } } }, /invalid patch format of retainKeys/],
      [
        {
          spec: {
            template: {
              spec: {
                '$setElementOrder/containers': [{ name: 'nginx' }],
                containers: [{ name: 'other', image: 'x' }],
              },
            },
          },
        },
        /doesn't match \$setElementOrder list/,
      ],
    ];
    for (const [patch, message] of cases) {
      const status = smpFails('Deployment', deployment(), patch);
      assert.equal(status.code, 400, JSON.stringify(patch));
      assert.match(status.message, message);
    }
  });

  it('lists of lists are rejected', () => {
    const status = smpFails(
      'Node',
      { kind: 'Node', spec: { podCIDRs: ['a'] } },
      { spec: { podCIDRs: [['b']] } },
    );
    assert.equal(status.code, 422);
  });

  it('directives in a new subtree are applied, never stored', () => {
    const out = smp(
      'Deployment',
      { kind: 'Deployment', spec: {} },
      {
        spec: {
          template: {
            $patch: 'replace',
            spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ name: 'a', env: null }] },
          },
        },
      },
    );
    assert.deepEqual(spec(out).template, { spec: { containers: [{ name: 'a' }] } });
  });

  it('a field the schema does not know merges as a map and replaces as a list', () => {
    const out = smp(
      'Deployment',
      { kind: 'Deployment', spec: { extra: { a: 1, l: [1, 2] } } },
      {
        spec: { extra: { b: 2, l: [3] } },
      },
    );
    assert.deepEqual(spec(out).extra, { a: 1, b: 2, l: [3] });
  });

  it('a value of another shape replaces the original', () => {
    const out = smp('Deployment', deployment(), { spec: { replicas: { odd: true } } });
    assert.deepEqual(spec(out).replicas, { odd: true });
  });

  it('never modifies its inputs', () => {
    const original = deployment();
    const patch = {
      spec: { paused: true, template: { spec: { containers: [{ name: 'nginx', image: 'x' }] } } },
    };
    const before = JSON.stringify([original, patch]);
    smp('Deployment', original, patch);
    assert.equal(JSON.stringify([original, patch]), before);
  });
});
