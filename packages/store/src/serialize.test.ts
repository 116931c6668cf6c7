// Canonical stored JSON and the resourceVersion splice point the write scripts rely on.
import assert from 'node:assert/strict';
import type { KubeObject } from '@kubesim/api';
import { canonical, jsonAt, objectAt, serialize } from './serialize.js';

const obj = (metadata: Record<string, unknown>, rest: Record<string, unknown> = {}): KubeObject =>
  ({
    status: { phase: 'Running' },
    metadata,
    kind: 'Pod',
    spec: { x: [] },
    apiVersion: 'v1',
    ...rest,
  }) as KubeObject;

describe('serialize', () => {
  it('orders apiVersion, kind, metadata (Kubernetes field order), then the rest as given', () => {
    const c = canonical(obj({ labels: { a: 'b' }, uid: 'u', name: 'n', namespace: 'ns', custom: 1 }), '7');
    assert.deepEqual(Object.keys(c), ['apiVersion', 'kind', 'metadata', 'status', 'spec']);
    assert.deepEqual(Object.keys(c.metadata), [
      'name',
      'namespace',
      'uid',
      'resourceVersion',
      'labels',
      'custom',
    ]);
    assert.equal(c.metadata.resourceVersion, '7');
  });

  const cases: { name: string; input: KubeObject }[] = [
    { name: 'plain object', input: obj({ name: 'a', namespace: 'b', resourceVersion: '3' }) },
    {
      name: 'a nested resourceVersion before and after the object’s own',
      input: obj({ name: 'a', uid: 'u' }, { involvedObject: { resourceVersion: '99' }, apiVersion: 'v1' }),
    },
    {
      name: 'strings that look like the splice point',
      input: obj({ name: '"resourceVersion":"1"', annotations: { x: '"resourceVersion":"ksim-rv-' } }),
    },
    {
      name: 'empty arrays and objects, unicode',
      input: obj({ name: 'ü' }, { data: { e: [], o: {}, s: '\u2028' } }),
    },
  ];
  for (const c of cases) {
    it(`splits so that prefix + revision + suffix is the object at that revision: ${c.name}`, () => {
      const s = serialize(c.input);
      const json = jsonAt(s, 1234);
      const parsed = JSON.parse(json);
      assert.equal(parsed.metadata.resourceVersion, '1234');
      assert.deepEqual(parsed, JSON.parse(JSON.stringify(objectAt(s, 1234))));
      // The write scripts take the first "resourceVersion":"<digits>" in the stored JSON as the object's own.
      assert.equal(/"resourceVersion":"(\d+)"/.exec(json)?.[1], '1234');
      assert.equal(objectAt(s, undefined).metadata.resourceVersion, undefined);
    });
  }

  it('refuses non-string identity fields, which would break the splice-point guarantee', () => {
    assert.throws(() => serialize(obj({ name: { resourceVersion: '1' } })), TypeError);
  });
});
