import assert from 'node:assert/strict';
import type { KubeObject } from '@kubesim/api';
import { pod, replicaSet } from '../test-support.js';
import { decodeSnapshot, encodeSnapshot, OBJECTS_PER_CHUNK } from './snapshot-codec.js';
import { shareWith } from './structural-sharing.js';

const roundTrip = async <T>(objects: object[]): Promise<T[]> =>
  [...decodeSnapshot<T>(await encodeSnapshot(objects))].flat();

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
  it('decodes what it encodes, in order, frozen throughout', async () => {
    const objects = [pod('a'), replicaSet('b', 2), { apiVersion: 'v1', kind: 'ConfigMap', data: {} }];
    const decoded = await roundTrip<object>(objects);
    assert.deepEqual(decoded, objects);
    const frozen = (v: unknown): boolean =>
      v === null || typeof v !== 'object' || (Object.isFrozen(v) && Object.values(v).every(frozen));
    assert.ok(decoded.every(frozen));
  });

  it('keeps the sharing: a part shared by many objects is one instance after decoding', async () => {
    const pods = sharedPods(10);
    const decoded = await roundTrip<KubeObject>(pods);
    assert.deepEqual(decoded, pods);
    const containers = new Set(decoded.map((p) => (p.spec as { containers: unknown }).containers));
    assert.equal(containers.size, 1, 'one containers array for all pods');
    const owners = new Set(decoded.map((p) => p.metadata.ownerReferences));
    assert.equal(owners.size, 1, 'one ownerReferences array');
    assert.notEqual(decoded[0].metadata, decoded[1].metadata, 'what differs stays apart');
  });

  it('writes a shared part once', async () => {
    const pods = sharedPods(1000);
    const encoded = (await encodeSnapshot(pods)).join('');
    assert.equal(encoded.split('nginx:1.25').length - 1, 1, 'the containers once');
    assert.equal(encoded.split('rs-uid').length - 1, 1, 'the owner reference once');
    assert.equal(encoded.split('"web-999"').length - 1, 1, 'each own field once');
  });

  it('splits objects into chunks after the table', async () => {
    const objects = Array.from({ length: OBJECTS_PER_CHUNK * 2 + 1 }, (_, i) => ({ i }));
    const chunks = await encodeSnapshot(objects);
    assert.equal(chunks.length, 4);
    assert.deepEqual(
      [...decodeSnapshot(chunks)].map((c) => c.length),
      [OBJECTS_PER_CHUNK, OBJECTS_PER_CHUNK, 1],
    );
    assert.deepEqual(await roundTrip([]), []);
  });

  it('keeps strings that look like references, and keys named __proto__, in rows and in plain objects', async () => {
    const json = '{"data":{"__proto__":"x","ref":"\\u00010","twice":"\\u0001\\u0001a","plain":""}}';
    for (const count of [1, 20]) {
      const objects = Array.from({ length: count }, () => JSON.parse(json));
      const decoded = await roundTrip<{ data: Record<string, string> }>(objects);
      assert.equal(JSON.stringify(decoded), JSON.stringify(objects));
      assert.ok(Object.hasOwn(decoded[0].data, '__proto__'));
      assert.equal(Object.getPrototypeOf(decoded[0].data), Object.prototype);
      assert.equal(decoded[0].data.ref, '\u00010');
    }
  });

  it('writes objects of a common shape as rows of what varies', async () => {
    const stamp = (i: number) => `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`;
    const objects = Array.from({ length: 50 }, (_, i) => ({
      kind: 'Pod',
      metadata: { name: `p-${i}`, n: i % 2, created: stamp(i) },
      status: { started: stamp(i), nearly: i === 7 ? 'other' : stamp(i) },
    }));
    const [header, rows] = await encodeSnapshot(objects);
    assert.equal(JSON.parse(header).shapes.length, 1);
    assert.deepEqual(
      JSON.parse(rows)[3],
      [0, 'p-3', 1, stamp(3), stamp(3)],
      'the constant kind is in the shape, and a value always repeated (started) is written once',
    );
    const decoded = await roundTrip<(typeof objects)[number]>(objects);
    assert.deepEqual(decoded, objects);
    assert.equal(decoded[7].status.nearly, 'other');
  });

  it('never runs stored text as code: field names and constants are literals', async () => {
    const evil = '"]);globalThis.pwned=1;([';
    const header = JSON.stringify({
      format: 2,
      table: [],
      shapes: [{ tree: { o: [[evil, 0]] }, constants: [[0, evil]], aliases: [] }],
    });
    const [[decoded]] = [...decodeSnapshot<Record<string, string>>([header, '[[0]]'])];
    assert.deepEqual(decoded, { [evil]: evil });
    assert.equal((globalThis as { pwned?: number }).pwned, undefined);
    const badConstant = header.replace(`[[0,${JSON.stringify(evil)}]]`, '[[0,{"x":1}]]');
    assert.throws(() => [...decodeSnapshot([badConstant, '[[0]]'])], /not a JSON primitive/);
  });

  it('refuses what it did not write: other formats, undefined parts and shapes, rows of the wrong length', async () => {
    const aliasing = (aliases: unknown) =>
      JSON.stringify({ format: 2, table: [], shapes: [{ tree: { a: [0, 0] }, constants: [], aliases }] });
    assert.throws(() => [...decodeSnapshot([aliasing([[0, 1]]), '[[0, 1]]'])], /not an earlier row value/);
    assert.throws(() => [...decodeSnapshot([aliasing(undefined), '[]'])], /without constants and aliases/);
    const header = (table: unknown[] = [], shapes: unknown[] = []) =>
      JSON.stringify({ format: 2, table, shapes });
    assert.throws(() => [...decodeSnapshot(['[]', '[]'])], /format/);
    assert.throws(() => [...decodeSnapshot([header([['\u00010']]), '[]'])], /undefined/);
    assert.throws(() => [...decodeSnapshot([header(), '[{"a":"\\u00015"}]'])], /undefined/);
    assert.throws(() => [...decodeSnapshot([header(), '[[3]]'])], /undefined shape/);
    assert.throws(
      () => [...decodeSnapshot([header([], [{ tree: 7, constants: [], aliases: [] }]), '[]'])],
      /not one/,
    );
    assert.throws(
      () => [
        ...decodeSnapshot([header([], [{ tree: { o: [['a', 0]] }, constants: [], aliases: [] }]), '[[0]]']),
      ],
      /row has 1 values/,
    );
    assert.throws(() => [...decodeSnapshot([])], /header/);
  });
});
