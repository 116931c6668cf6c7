import assert from 'node:assert/strict';
import type { KubeObject } from '@kubesim/api';
import { pod, replicaSet } from '../test-support.js';
import { decodeSnapshot, encodeSnapshot, OBJECTS_PER_CHUNK } from './snapshot-codec.js';
import { shareWith } from './structural-sharing.js';

const roundTrip = <T>(objects: object[]): T[] => [...decodeSnapshot<T>([...encodeSnapshot(objects)])].flat();

/** Pods of one ReplicaSet, shared as an informer caches them: each shares with the one before. */
function sharedPods(n: number): KubeObject[] {
  const owner = { ...replicaSet('web', n), metadata: { ...replicaSet('web', n).metadata, uid: 'rs-uid' } };
  const pods: KubeObject[] = [];
  for (let i = 0; i < n; i++) {
    const p = pod(`web-${i}`, { labels: { app: 'web' }, owner, nodeName: `node-${i % 3}` });
    pods.push(shareWith(structuredClone(p), pods.at(-1)));
  }
  return pods;
}

describe('informer snapshot codec', () => {
  it('decodes what it encodes, in order, frozen throughout', () => {
    const objects = [pod('a'), replicaSet('b', 2), { apiVersion: 'v1', kind: 'ConfigMap', data: {} }];
    const decoded = roundTrip<object>(objects);
    assert.deepEqual(decoded, objects);
    const frozen = (v: unknown): boolean =>
      v === null || typeof v !== 'object' || (Object.isFrozen(v) && Object.values(v).every(frozen));
    assert.ok(decoded.every(frozen));
  });

  it('keeps the sharing: a part shared by many objects is one instance after decoding', () => {
    const pods = sharedPods(10);
    const decoded = roundTrip<KubeObject>(pods);
    assert.deepEqual(decoded, pods);
    const containers = new Set(decoded.map((p) => (p.spec as { containers: unknown }).containers));
    assert.equal(containers.size, 1, 'one containers array for all pods');
    const owners = new Set(decoded.map((p) => p.metadata.ownerReferences));
    assert.equal(owners.size, 1, 'one ownerReferences array');
    assert.notEqual(decoded[0].metadata, decoded[1].metadata, 'what differs stays apart');
  });

  it('writes a shared part once', () => {
    const pods = sharedPods(1000);
    const encoded = [...encodeSnapshot(pods)].join('');
    assert.equal(encoded.split('nginx:1.25').length - 1, 1, 'the containers once');
    assert.equal(encoded.split('rs-uid').length - 1, 1, 'the owner reference once');
    assert.equal(encoded.split('"web-999"').length - 1, 1, 'each own field once');
  });

  it('splits objects into chunks after the table', () => {
    const objects = Array.from({ length: OBJECTS_PER_CHUNK * 2 + 1 }, (_, i) => ({ i }));
    const chunks = [...encodeSnapshot(objects)];
    assert.equal(chunks.length, 4);
    assert.deepEqual(
      [...decodeSnapshot(chunks)].map((c) => c.length),
      [OBJECTS_PER_CHUNK, OBJECTS_PER_CHUNK, 1],
    );
    assert.deepEqual([...encodeSnapshot([])], ['[]']);
    assert.deepEqual(roundTrip([]), []);
  });

  it('keeps strings that look like references, and keys named __proto__', () => {
    const odd = { data: { __proto__: 'x', ref: '\u00010', twice: '\u0001\u0001a', plain: '' } };
    const parsed = JSON.parse(JSON.stringify(odd).replace('"data":{', '"data":{"__proto__":"x",'));
    const objects = [parsed, parsed.data];
    const decoded = roundTrip<typeof parsed>(objects);
    assert.deepEqual(JSON.parse(JSON.stringify(decoded)), JSON.parse(JSON.stringify(objects)));
    assert.equal(Object.keys(decoded[0].data).includes('__proto__'), true);
    assert.equal(decoded[0].data.ref, '\u00010');
  });

  it('refuses a reference to a part not defined before it', () => {
    assert.throws(() => [...decodeSnapshot(['[["\\u00010"]]', '[]'])], /undefined/);
    assert.throws(() => [...decodeSnapshot(['[]', '["\\u00015"]'])], /undefined/);
    assert.throws(() => [...decodeSnapshot([])], /table/);
  });
});
