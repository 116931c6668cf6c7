// Store CRUD against a real Redis: server-set metadata, Status errors, generation, main/status split, dryRun.
import assert from 'node:assert/strict';
import { isStatusError, type KubeObject } from '@kubesim/api';
import { TestRedis } from '@kubesim/testing';
import type { Store } from './store.js';
import { configMap, connectStore, deployment, node, pod } from './test-support.js';

async function rejectsWith(
  p: Promise<unknown>,
  code: number,
  reason: string,
  message?: string,
): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(isStatusError(err), `expected a StatusError, got ${err}`);
    assert.equal(err.status.code, code);
    assert.equal(err.status.reason, reason);
    if (message !== undefined) assert.equal(err.status.message, message);
    return true;
  });
}

describe('Store CRUD', () => {
  let redis: TestRedis;
  let store: Store;

  before(async () => {
    redis = await TestRedis.start();
  });
  after(async () => {
    await redis.destroy();
  });
  beforeEach(async () => {
    store = await connectStore(redis);
  });
  afterEach(async () => {
    await store.close();
  });

  it('create sets uid, creationTimestamp, generation 1 and resourceVersion = the new revision', async () => {
    const before = await store.revision();
    const created = await store.create(pod('web'));
    assert.match(created.metadata.uid ?? '', /^[0-9a-f-]{36}$/);
    assert.match(created.metadata.creationTimestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(created.metadata.generation, 1);
    assert.equal(created.metadata.resourceVersion, String(before + 1));
    assert.equal(await store.revision(), before + 1);
    assert.deepEqual(await store.get('Pod', 'default', 'web'), created);
  });

  it('stores JSON byte for byte: empty arrays and objects, large numbers', async () => {
    const cm = configMap('raw');
    cm.extra = { empty: [], nothing: {}, big: 1e300, nested: [[]] };
    const created = await store.create(cm);
    assert.deepEqual(created.extra, { empty: [], nothing: {}, big: 1e300, nested: [[]] });
    assert.deepEqual((await store.get('ConfigMap', 'default', 'raw'))?.extra, created.extra);
  });

  it('create of an existing name is 409 AlreadyExists and writes nothing', async () => {
    await store.create(pod('dup'));
    const rev = await store.revision();
    await rejectsWith(store.create(pod('dup')), 409, 'AlreadyExists', 'pods "dup" already exists');
    await rejectsWith(
      store.create(deployment('dup')).then(() => store.create(deployment('dup'))),
      409,
      'AlreadyExists',
      'deployments.apps "dup" already exists',
    );
    assert.equal(await store.revision(), rev + 1);
  });

  it('create with a resourceVersion is refused', async () => {
    const p = pod('with-rv');
    p.metadata.resourceVersion = '5';
    await rejectsWith(store.create(p), 400, 'BadRequest');
  });

  it('generateName appends 5 characters of the Kubernetes alphabet to a base of at most 58', async () => {
    const a = pod('');
    a.metadata = { namespace: 'default', generateName: 'web-7d4b9c8f5d-' };
    const created = await store.create(a);
    assert.match(created.metadata.name ?? '', /^web-7d4b9c8f5d-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const long = pod('');
    long.metadata = { namespace: 'default', generateName: `${'x'.repeat(70)}-` };
    const createdLong = await store.create(long);
    assert.equal(createdLong.metadata.name?.length, 63);
    assert.ok(createdLong.metadata.name?.startsWith('x'.repeat(58)));
  });

  it('missing objects: get is undefined, update and delete are 404 NotFound', async () => {
    assert.equal(await store.get('Pod', 'default', 'nope'), undefined);
    const p = pod('nope');
    await rejectsWith(store.update(p), 404, 'NotFound', 'pods "nope" not found');
    await rejectsWith(store.delete('Pod', 'default', 'nope'), 404, 'NotFound', 'pods "nope" not found');
    await rejectsWith(
      store.guaranteedUpdate('Deployment', 'default', 'nope', (d) => d),
      404,
      'NotFound',
      'deployments.apps "nope" not found',
    );
  });

  it('update with a stale resourceVersion is 409 Conflict; without one it is unconditional', async () => {
    const v1 = await store.create(configMap('cfg', { a: '1' }));
    const v2 = await store.update({ ...v1, data: { a: '2' } });
    assert.equal(Number(v2.metadata.resourceVersion), Number(v1.metadata.resourceVersion) + 1);
    await rejectsWith(
      store.update({ ...v1, data: { a: 'stale' } }),
      409,
      'Conflict',
      'Operation cannot be fulfilled on configmaps "cfg": the object has been modified; please apply your changes to the latest version and try again',
    );
    const blind = { ...v1, metadata: { ...v1.metadata, resourceVersion: undefined }, data: { a: '3' } };
    const v3 = await store.update(blind);
    assert.deepEqual(v3.data, { a: '3' });
    assert.deepEqual(await store.get('ConfigMap', 'default', 'cfg'), v3);
  });

  it('an update that changes nothing writes nothing and keeps the resourceVersion', async () => {
    const v1 = await store.create(deployment('same'));
    const rev = await store.revision();
    const reordered = { spec: v1.spec, metadata: v1.metadata, kind: v1.kind, apiVersion: v1.apiVersion };
    assert.deepEqual(await store.update(reordered), v1);
    assert.deepEqual(await store.guaranteedUpdate('Deployment', 'default', 'same', () => undefined), v1);
    assert.deepEqual(await store.guaranteedUpdate<KubeObject>('Deployment', 'default', 'same', (d) => d), v1);
    assert.equal(await store.revision(), rev);
  });

  it('generation moves only when the spec (or, without a spec, the data) changes', async () => {
    const d1 = await store.create(deployment('gen', 1));
    const labelled = await store.update({
      ...d1,
      metadata: { ...d1.metadata, labels: { app: 'gen', tier: 'x' } },
    });
    assert.equal(labelled.metadata.generation, 1);
    const statused = await store.updateStatus({
      ...labelled,
      status: { replicas: 1, observedGeneration: 1 },
    });
    assert.equal(statused.metadata.generation, 1);
    const scaled = await store.update({ ...statused, spec: { ...statused.spec, replicas: 3 } });
    assert.equal(scaled.metadata.generation, 2);
    const bumped = await store.guaranteedUpdate<KubeObject>('Deployment', 'default', 'gen', (d) => {
      d.spec.template.spec.containers[0].image = 'nginx:1.26';
      return d;
    });
    assert.equal(bumped.metadata.generation, 3);
    const generationBy = { ...bumped, metadata: { ...bumped.metadata, generation: 42 } };
    assert.equal((await store.update(generationBy)).metadata.generation, 3);

    const c1 = await store.create(configMap('gen-cm', { a: '1' }));
    const c2 = await store.update({ ...c1, metadata: { ...c1.metadata, annotations: { note: 'x' } } });
    assert.equal(c2.metadata.generation, 1);
    const c3 = await store.update({ ...c2, data: { a: '2' } });
    assert.equal(c3.metadata.generation, 2);
  });

  it('update keeps the stored status and updateStatus keeps everything but status', async () => {
    const d = await store.create(deployment('split', 2));
    const withStatus = await store.updateStatus({
      ...d,
      spec: { ...d.spec, replicas: 99 },
      metadata: { ...d.metadata, labels: { changed: 'yes' } },
      status: { replicas: 2 },
    });
    assert.equal(withStatus.spec.replicas, 2);
    assert.deepEqual(withStatus.metadata.labels, { app: 'split' });
    assert.deepEqual(withStatus.status, { replicas: 2 });
    const specChange = await store.update({
      ...withStatus,
      spec: { ...withStatus.spec, replicas: 5 },
      status: { replicas: 0 },
    });
    assert.equal(specChange.spec.replicas, 5);
    assert.deepEqual(specChange.status, { replicas: 2 });
    const viaMutate = await store.guaranteedUpdate<KubeObject>(
      'Deployment',
      'default',
      'split',
      (cur) => ({ ...cur, spec: { ...cur.spec, replicas: 7 }, status: { replicas: 5 } }),
      { subresource: 'status' },
    );
    assert.equal(viaMutate.spec.replicas, 5);
    assert.deepEqual(viaMutate.status, { replicas: 5 });
  });

  it('kinds without a status subresource: update writes status, updateStatus is 404', async () => {
    const cm = await store.create(configMap('nostatus'));
    await rejectsWith(store.updateStatus({ ...cm, status: { x: 1 } }), 404, 'NotFound');
  });

  it('update restores identity fields from the stored object', async () => {
    const cm = await store.create(configMap('ident', { a: '1' }));
    const tampered = await store.update({
      ...cm,
      metadata: { ...cm.metadata, uid: 'forged', creationTimestamp: '2000-01-01T00:00:00Z' },
      data: { a: '2' },
    });
    assert.equal(tampered.metadata.uid, cm.metadata.uid);
    assert.equal(tampered.metadata.creationTimestamp, cm.metadata.creationTimestamp);
  });

  it('list is the projection with the revision it was read at, optionally one namespace', async () => {
    await store.create(pod('a', 'ns1'));
    await store.create(pod('b', 'ns1'));
    await store.create(pod('c', 'ns2'));
    await store.create(node('n1'));
    const all = await store.list('Pod');
    assert.deepEqual(all.items.map((p) => p.metadata.name).sort(), ['a', 'b', 'c']);
    assert.equal(all.revision, await store.revision());
    const ns1 = await store.list('Pod', { namespace: 'ns1' });
    assert.deepEqual(ns1.items.map((p) => p.metadata.name).sort(), ['a', 'b']);
    const nodes = await store.list('Node');
    assert.deepEqual(
      nodes.items.map((n) => [n.metadata.name, n.metadata.namespace]),
      [['n1', undefined]],
    );
    assert.deepEqual((await store.list('Service')).items, []);
  });

  it('cluster-scoped objects drop a namespace; namespaced ones require one', async () => {
    const n = node('n2');
    n.metadata.namespace = 'ignored';
    const created = await store.create(n);
    assert.equal(created.metadata.namespace, undefined);
    assert.ok(await store.get('Node', '', 'n2'));
    await rejectsWith(store.create(pod('no-ns', '')), 422, 'Invalid');
  });

  it('validation failures are 422 Invalid and write nothing', async () => {
    const d = await store.create(deployment('valid', 2));
    const rev = await store.revision();
    const bad = deployment('invalid');
    bad.spec.replicas = -1;
    await rejectsWith(store.create(bad), 422, 'Invalid');
    await rejectsWith(store.create({ ...pod('Bad_Name') }), 422, 'Invalid');
    await rejectsWith(store.update({ ...d, spec: { ...d.spec, replicas: -3 } }), 422, 'Invalid');
    await rejectsWith(
      store.guaranteedUpdate<KubeObject>('Deployment', 'default', 'valid', (cur) => {
        cur.spec.selector = { matchLabels: { other: 'x' } };
        return cur;
      }),
      422,
      'Invalid',
    );
    await rejectsWith(
      store.create(deployment('invalid'), { dryRun: true }).then(() => store.create(bad, { dryRun: true })),
      422,
      'Invalid',
    );
    assert.equal(await store.revision(), rev);
    assert.deepEqual(await store.get('Deployment', 'default', 'valid'), d);
    assert.equal(await store.get('Deployment', 'default', 'invalid'), undefined);
  });

  it('defaults are applied before validation and storage', async () => {
    const created = await store.create(deployment('defaulted'));
    assert.equal(created.spec.revisionHistoryLimit, 10);
    assert.equal(created.spec.strategy.type, 'RollingUpdate');
    const p = await store.create(pod('defaulted-pod'));
    assert.equal(p.spec.terminationGracePeriodSeconds, 30);
    assert.equal(p.spec.restartPolicy, 'Always');
  });

  it('an unknown kind is 404', async () => {
    await rejectsWith(store.get('Gizmo', 'default', 'x'), 404, 'NotFound');
  });

  it('dryRun returns the would-be object and writes nothing', async () => {
    const rev0 = await store.revision();
    const dry = await store.create(deployment('dry'), { dryRun: true });
    assert.equal(dry.metadata.generation, 1);
    assert.equal(dry.metadata.resourceVersion, undefined);
    assert.equal(await store.get('Deployment', 'default', 'dry'), undefined);

    const real = await store.create(deployment('dry'));
    const rev1 = await store.revision();
    const dryUpdate = await store.update({ ...real, spec: { ...real.spec, replicas: 4 } }, { dryRun: true });
    assert.equal(dryUpdate.spec.replicas, 4);
    assert.equal(dryUpdate.metadata.generation, 2);
    const dryDelete = await store.delete('Deployment', 'default', 'dry', { dryRun: true });
    assert.equal(dryDelete.removed, true);
    assert.deepEqual(await store.get('Deployment', 'default', 'dry'), real);
    assert.equal(await store.revision(), rev1);
    assert.equal(rev1, rev0 + 1);
  });
});
