import assert from 'node:assert/strict';
import { deepFreeze, shareWith } from './structural-sharing.js';

function pod(name: string, nodeName: string, ready: string) {
  return {
    metadata: {
      name,
      namespace: 'default',
      labels: { app: 'web' },
      ownerReferences: [{ kind: 'ReplicaSet', name: 'rs', uid: 'u1', controller: true }],
    },
    spec: { nodeName, containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'Ready', status: ready },
        { type: 'PodScheduled', status: 'True' },
      ],
    },
  };
}

describe('shareWith', () => {
  it('freezes everything it returns', () => {
    const p = shareWith(pod('a', 'n1', 'True'), undefined);
    for (const o of [p, p.metadata, p.metadata.labels, p.spec.containers[0].ports[0], p.status.conditions]) {
      assert.ok(Object.isFrozen(o));
    }
  });

  it('shares every part equal to the reference and keeps the parts that differ', () => {
    const a = shareWith(pod('a', 'n1', 'True'), undefined);
    const b = shareWith(pod('b', 'n2', 'False'), a);
    assert.deepEqual(b, pod('b', 'n2', 'False'), 'value unchanged');
    assert.equal(b.metadata.labels, a.metadata.labels);
    assert.equal(b.metadata.ownerReferences, a.metadata.ownerReferences);
    assert.equal(b.spec.containers, a.spec.containers);
    assert.equal(b.status.conditions[1], a.status.conditions[1]);
    assert.notEqual(b.status.conditions, a.status.conditions);
    assert.notEqual(b.status.conditions[0], a.status.conditions[0]);
    assert.notEqual(b.spec, a.spec);
    assert.notEqual(b.metadata, a.metadata);
  });

  it('returns the reference itself for an identical object', () => {
    const a = shareWith(pod('a', 'n1', 'True'), undefined);
    assert.equal(shareWith(pod('a', 'n1', 'True'), a), a);
  });

  const differing: Array<{ name: string; fresh: unknown; ref: unknown }> = [
    { name: 'an extra key', fresh: { x: { a: 1, b: 2 } }, ref: { x: { a: 1 } } },
    { name: 'a missing key', fresh: { x: { a: 1 } }, ref: { x: { a: 1, b: 2 } } },
    { name: 'a key set to undefined-looking null', fresh: { x: { a: null } }, ref: { x: {} } },
    { name: 'a longer array', fresh: { x: [1, 2, 3] }, ref: { x: [1, 2] } },
    { name: 'a shorter array', fresh: { x: [1] }, ref: { x: [1, 2] } },
    { name: 'an array where an object was', fresh: { x: [] }, ref: { x: {} } },
    { name: 'an object where an array was', fresh: { x: { 0: 1 } }, ref: { x: [1] } },
    { name: 'a number where a string was', fresh: { x: { a: 1 } }, ref: { x: { a: '1' } } },
  ];
  for (const c of differing) {
    it(`keeps the value when the reference has ${c.name}`, () => {
      const expected = structuredClone(c.fresh);
      const ref = deepFreeze(c.ref);
      const got = shareWith(c.fresh, ref) as { x: unknown };
      assert.deepEqual(got, expected);
      assert.notEqual(got.x, (ref as { x: unknown }).x);
    });
  }

  it('leaves frozen input untouched', () => {
    const a = deepFreeze({ x: { y: 1 } });
    assert.equal(shareWith(a, { x: { y: 1 } }), a);
  });
});
