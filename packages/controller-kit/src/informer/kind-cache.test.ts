import assert from 'node:assert/strict';
import type { KubeObject } from '@kubesim/api';
import { builtInIndexers, CONTROLLER_INDEX, LABEL_INDEX, NAMESPACE_INDEX, NODE_INDEX } from './indexes.js';
import { KindCache } from './kind-cache.js';

function pod(p: {
  name?: string;
  ns?: string;
  labels?: Record<string, string>;
  owner?: string;
  node?: string;
}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name ?? 'p',
      namespace: p.ns ?? 'default',
      ...(p.labels ? { labels: p.labels } : {}),
      ...(p.owner
        ? {
            ownerReferences: [
              { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: p.owner, controller: true },
            ],
          }
        : {}),
    },
    spec: p.node ? { nodeName: p.node } : {},
  };
}

describe('KindCache indexes', () => {
  // Each case stores `before`, replaces it with `after` (same name), and lists every index's values after.
  const cases: Array<{
    name: string;
    before: KubeObject;
    after: KubeObject | 'deleted';
    want: Record<string, string[]>;
  }> = [
    {
      name: 'a label value change moves the object',
      before: pod({ labels: { app: 'a' } }),
      after: pod({ labels: { app: 'b' } }),
      want: {
        [LABEL_INDEX]: ['app=b'],
        [CONTROLLER_INDEX]: [],
        [NODE_INDEX]: [],
        [NAMESPACE_INDEX]: ['default'],
      },
    },
    {
      name: 'labels added and removed',
      before: pod({ labels: { app: 'a', old: 'x' } }),
      after: pod({ labels: { app: 'a', new: 'y' } }),
      want: { [LABEL_INDEX]: ['app=a', 'new=y'], [CONTROLLER_INDEX]: [], [NODE_INDEX]: [] },
    },
    {
      name: 'all labels dropped',
      before: pod({ labels: { app: 'a' } }),
      after: pod({}),
      want: { [LABEL_INDEX]: [] },
    },
    {
      name: 'a new controller',
      before: pod({ owner: 'uid-1' }),
      after: pod({ owner: 'uid-2' }),
      want: { [CONTROLLER_INDEX]: ['uid-2'] },
    },
    {
      name: 'orphaned',
      before: pod({ owner: 'uid-1' }),
      after: pod({}),
      want: { [CONTROLLER_INDEX]: [] },
    },
    {
      name: 'bound to a node',
      before: pod({}),
      after: pod({ node: 'n1' }),
      want: { [NODE_INDEX]: ['n1'] },
    },
    {
      name: 'moved to another node (recreated under the same name)',
      before: pod({ node: 'n1' }),
      after: pod({ node: 'n2' }),
      want: { [NODE_INDEX]: ['n2'] },
    },
    {
      name: 'deleted: every index forgets it',
      before: pod({ labels: { app: 'a' }, owner: 'uid-1', node: 'n1' }),
      after: 'deleted',
      want: { [LABEL_INDEX]: [], [CONTROLLER_INDEX]: [], [NODE_INDEX]: [], [NAMESPACE_INDEX]: [] },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const cache = new KindCache('Pod', builtInIndexers);
      cache.upsert(c.before);
      if (c.after === 'deleted') assert.equal(cache.remove('default', 'p'), c.before);
      else assert.equal(cache.upsert(c.after), c.before);
      for (const [index, values] of Object.entries(c.want)) {
        assert.deepEqual(cache.indexValues(index).sort(), values, index);
        for (const v of values) assert.deepEqual(cache.byIndex(index, v), [c.after], `${index}=${v}`);
      }
      assert.equal(cache.size, c.after === 'deleted' ? 0 : 1);
    });
  }

  it('keeps objects sharing an index value apart', () => {
    const cache = new KindCache('Pod', builtInIndexers);
    const a = pod({ name: 'a', node: 'n1' });
    const b = pod({ name: 'b', node: 'n1' });
    cache.upsert(a);
    cache.upsert(b);
    cache.upsert(pod({ name: 'a', node: 'n2' }));
    assert.deepEqual(cache.byIndex(NODE_INDEX, 'n1'), [b]);
    assert.deepEqual(
      cache.byIndex(NODE_INDEX, 'n2').map((p) => p.metadata.name),
      ['a'],
    );
  });

  it('indexes what it already holds when an index is added', () => {
    const cache = new KindCache('Pod', {});
    const a = pod({ name: 'a', labels: { tier: 'db' } });
    cache.upsert(a);
    cache.addIndexer('tier', (o) => (o.metadata.labels?.tier ? [o.metadata.labels.tier] : []));
    assert.deepEqual(cache.byIndex('tier', 'db'), [a]);
    assert.throws(() => cache.addIndexer('tier', () => []), /already exists/);
    assert.throws(() => cache.byIndex('nope', 'x'), /no index named/);
  });
});
