import assert from 'node:assert/strict';
import type { KubeObject } from './meta.js';
import { controllerRef, getControllerOf, hasOwner, isControlledBy } from './owners.js';
import { equalIgnoreHash } from './template.js';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'nginx', namespace: 'default', uid: 'uid-d' },
};

describe('owner references', () => {
  it('controllerRef names the owner and sets controller and blockOwnerDeletion', () => {
    assert.deepEqual(controllerRef(deployment), {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'nginx',
      uid: 'uid-d',
      controller: true,
      blockOwnerDeletion: true,
    });
  });

  it('finds the controller and compares owners by uid', () => {
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'nginx-1',
        ownerReferences: [
          { apiVersion: 'v1', kind: 'ConfigMap', name: 'c', uid: 'uid-c' },
          controllerRef(deployment),
        ],
      },
    };
    assert.equal(getControllerOf(rs)?.uid, 'uid-d');
    assert.ok(isControlledBy(rs, deployment));
    assert.ok(!isControlledBy(rs, { ...deployment, metadata: { ...deployment.metadata, uid: 'other' } }));
    assert.ok(hasOwner(rs, 'uid-c'));
    assert.ok(!hasOwner(rs, 'uid-x'));
    const orphan: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } };
    assert.equal(getControllerOf(orphan), undefined);
    assert.ok(!hasOwner(orphan, 'uid-d'));
  });
});

describe('equalIgnoreHash (deployment_util_test.go TestEqualIgnoreHash)', () => {
  const template = (labels: Record<string, string>, image = 'nginx') => ({
    metadata: { labels },
    spec: { containers: [{ name: 'nginx', image }] },
  });
  const cases: { name: string; a: unknown; b: unknown; equal: boolean }[] = [
    {
      name: 'same spec, same labels',
      a: template({ something: 'else' }),
      b: template({ something: 'else' }),
      equal: true,
    },
    {
      name: 'same spec, only pod-template-hash label value is different',
      a: template({ something: 'else', 'pod-template-hash': 'value-1' }),
      b: template({ something: 'else', 'pod-template-hash': 'value-2' }),
      equal: true,
    },
    {
      name: "same spec, the former doesn't have pod-template-hash label",
      a: template({ something: 'else' }),
      b: template({ something: 'else', 'pod-template-hash': 'value-2' }),
      equal: true,
    },
    {
      name: 'same spec, the label is different, the former has no hash label, same number of labels',
      a: template({ something: 'else' }),
      b: template({ 'pod-template-hash': 'value-2' }),
      equal: false,
    },
    {
      name: 'same spec, the label is different, and the pod-template-hash label value is the same',
      a: template({ 'pod-template-hash': 'value-1' }),
      b: template({ something: 'else', 'pod-template-hash': 'value-1' }),
      equal: false,
    },
    {
      name: 'different spec, same labels',
      a: template({ a: 'b' }, 'nginx:1'),
      b: template({ a: 'b' }, 'nginx:2'),
      equal: false,
    },
    {
      name: 'only the hash label on one side, none on the other',
      a: template({ 'pod-template-hash': 'x' }),
      b: { spec: template({}).spec },
      equal: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(equalIgnoreHash(c.a, c.b), c.equal);
      assert.equal(equalIgnoreHash(c.b, c.a), c.equal);
    });
  }
});
