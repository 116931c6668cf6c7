// Server-owned metadata: timestamps, create stamping, the generation rule and the main/status split.
import assert from 'node:assert/strict';
import { type KubeObject, kindInfo } from '@kubesim/api';
import { prepareForStatusUpdate, prepareForUpdate, rfc3339, stampForCreate } from './object-meta.js';

const info = (kind: string) => {
  const i = kindInfo(kind);
  assert.ok(i);
  return i;
};

describe('object metadata', () => {
  it('rfc3339 is UTC with whole seconds, like metav1.Time', () => {
    assert.equal(rfc3339(Date.parse('2024-05-01T12:34:56.789Z')), '2024-05-01T12:34:56Z');
    assert.equal(rfc3339(0), '1970-01-01T00:00:00Z');
  });

  it('create replaces server-owned fields and drops a namespace on cluster-scoped kinds', () => {
    const sent: KubeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'x', namespace: 'ns', uid: 'mine', generation: 9, deletionTimestamp: 'y' },
    };
    const out = stampForCreate(sent, info('Node'), 'n1', 'uid-1', Date.parse('2024-01-01T00:00:00Z'));
    assert.deepEqual(out.metadata, {
      name: 'n1',
      uid: 'uid-1',
      generation: 1,
      creationTimestamp: '2024-01-01T00:00:00Z',
    });
    assert.equal(sent.metadata.uid, 'mine', 'input untouched');
  });

  const stored: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'd',
      namespace: 'ns',
      uid: 'u',
      generation: 4,
      creationTimestamp: 't',
      labels: { a: 'b' },
    },
    spec: { replicas: 1, template: { spec: { containers: [{ name: 'c', image: 'i' }] } } },
    status: { replicas: 1 },
  };
  const generationCases: { name: string; change: (d: KubeObject) => KubeObject; generation: number }[] = [
    {
      name: 'label change',
      change: (d) => ({ ...d, metadata: { ...d.metadata, labels: { x: 'y' } } }),
      generation: 4,
    },
    {
      name: 'status change (dropped on the main resource)',
      change: (d) => ({ ...d, status: { replicas: 9 } }),
      generation: 4,
    },
    { name: 'spec change', change: (d) => ({ ...d, spec: { ...d.spec, replicas: 2 } }), generation: 5 },
    {
      name: 'spec reordered',
      change: (d) => ({ ...d, spec: { template: d.spec.template, replicas: 1 } }),
      generation: 4,
    },
    {
      name: 'client-sent generation',
      change: (d) => ({ ...d, metadata: { ...d.metadata, generation: 100 } }),
      generation: 4,
    },
  ];
  for (const c of generationCases) {
    it(`generation after a ${c.name}: ${c.generation}`, () => {
      const next = prepareForUpdate(c.change(stored), stored, info('Deployment'));
      assert.equal(next.metadata.generation, c.generation);
      assert.deepEqual(next.status, stored.status);
    });
  }

  it('kinds without a spec: a data change is a new generation', () => {
    const cm: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', generation: 1 },
      data: { a: '1' },
    };
    assert.equal(prepareForUpdate({ ...cm, data: { a: '2' } }, cm, info('ConfigMap')).metadata.generation, 2);
    const annotated = { ...cm, metadata: { ...cm.metadata, annotations: { n: 'x' } } };
    assert.equal(prepareForUpdate(annotated, cm, info('ConfigMap')).metadata.generation, 1);
  });

  it('identity and deletion state come from the stored object', () => {
    const deleting = {
      ...stored,
      metadata: { ...stored.metadata, deletionTimestamp: 'z', deletionGracePeriodSeconds: 0 },
    };
    const sent = {
      ...stored,
      metadata: { ...stored.metadata, uid: 'forged', creationTimestamp: 'now', namespace: 'other' },
    };
    const next = prepareForUpdate<KubeObject>(sent, deleting, info('Deployment'));
    assert.equal(next.metadata.uid, 'u');
    assert.equal(next.metadata.creationTimestamp, 't');
    assert.equal(next.metadata.namespace, 'ns');
    assert.equal(next.metadata.deletionTimestamp, 'z');
    assert.equal(next.metadata.deletionGracePeriodSeconds, 0);
  });

  it('a status update keeps everything but status', () => {
    const sent = {
      ...stored,
      metadata: { ...stored.metadata, labels: {} },
      spec: { replicas: 7 },
      status: { replicas: 3 },
    };
    const next = prepareForStatusUpdate(sent, stored);
    assert.deepEqual({ ...next, status: undefined }, { ...stored, status: undefined });
    assert.deepEqual(next.status, { replicas: 3 });
  });
});
