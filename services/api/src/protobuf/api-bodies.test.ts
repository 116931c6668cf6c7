// Protobuf bodies through the real API server on every path that takes an object body: create, update, status,
// scale, binding, eviction and delete options, as Go typed clients (kubectl create, drain, controllers) send them.
import assert from 'node:assert/strict';
import type { Deployment, Pod } from '@kubesim/api';
import { TestRedis } from '@kubesim/testing';
import { type ApiHarness, startApiHarness } from '../testing/api-harness.js';
import { encodeObject, envelope } from './test-encoder.js';

const PROTOBUF = 'application/vnd.kubernetes.protobuf';

const deployment = (name: string, replicas: number) => ({
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  metadata: { name, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', resources: {} }] },
    },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
  },
  status: {},
});

const pod = (name: string) => ({
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'busybox' }] },
});

describe('protobuf request bodies through the API', () => {
  let redis: TestRedis;
  let h: ApiHarness;
  before(async () => {
    redis = await TestRedis.start();
    h = await startApiHarness(redis);
  });
  after(async () => {
    await h.close();
    await redis.destroy();
  });

  const send = async (method: string, path: string, object: Record<string, unknown>) => {
    const res = await fetch(new URL(path, h.server.url), {
      method,
      headers: { 'Content-Type': PROTOBUF, Accept: `${PROTOBUF},application/json` },
      body: encodeObject(object),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response JSON
    const body: any = await res.json();
    return { status: res.status, body };
  };
  const deployments = '/apis/apps/v1/namespaces/default/deployments';
  const pods = '/api/v1/namespaces/default/pods';

  it('creates and updates a Deployment, and answers in JSON', async () => {
    const created = await send('POST', deployments, deployment('web', 0));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.spec.replicas, 0);
    assert.deepEqual(created.body.spec.strategy.rollingUpdate, { maxSurge: '25%', maxUnavailable: 0 });

    const update = deployment('web', 4);
    const current = (await h.store.get<Deployment>('Deployment', 'default', 'web')) as Deployment;
    const updated = await send('PUT', `${deployments}/web`, {
      ...update,
      metadata: { ...update.metadata, resourceVersion: current.metadata.resourceVersion },
    });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.equal(
      ((await h.store.get<Deployment>('Deployment', 'default', 'web')) as Deployment).spec.replicas,
      4,
    );
  });

  it('writes status and scale', async () => {
    const status = await send('PUT', `${deployments}/web/status`, {
      ...deployment('web', 4),
      status: { observedGeneration: 2, replicas: 0, readyReplicas: 0 },
    });
    assert.equal(status.status, 200, JSON.stringify(status.body));

    const scale = await send('PUT', `${deployments}/web/scale`, {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 0 },
    });
    assert.equal(scale.status, 200, JSON.stringify(scale.body));
    assert.equal(scale.body.spec.replicas, 0);
    assert.equal(
      ((await h.store.get<Deployment>('Deployment', 'default', 'web')) as Deployment).spec.replicas,
      0,
    );
  });

  it('binds and evicts a pod', async () => {
    assert.equal((await send('POST', pods, pod('p1'))).status, 201);
    const bound = await send('POST', `${pods}/p1/binding`, {
      kind: 'Binding',
      apiVersion: 'v1',
      metadata: { name: 'p1' },
      target: { kind: 'Node', apiVersion: 'v1', name: 'node-1' },
    });
    assert.equal(bound.status, 201, JSON.stringify(bound.body));
    assert.equal(((await h.store.get<Pod>('Pod', 'default', 'p1')) as Pod).spec?.nodeName, 'node-1');

    const evicted = await send('POST', `${pods}/p1/eviction`, {
      kind: 'Eviction',
      apiVersion: 'policy/v1',
      metadata: { name: 'p1', namespace: 'default' },
      deleteOptions: { gracePeriodSeconds: 0 },
    });
    assert.equal(evicted.status, 201, JSON.stringify(evicted.body));
    assert.equal(await h.store.get('Pod', 'default', 'p1'), undefined);
  });

  it('deletes with protobuf DeleteOptions, honouring their preconditions', async () => {
    assert.equal((await send('POST', pods, pod('p2'))).status, 201);
    const stale = await send('DELETE', `${pods}/p2`, {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      gracePeriodSeconds: 0,
      preconditions: { uid: 'not-the-uid' },
    });
    assert.equal(stale.status, 409, JSON.stringify(stale.body));
    const gone = await send('DELETE', `${pods}/p2`, {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      gracePeriodSeconds: 0,
    });
    assert.equal(gone.status, 200, JSON.stringify(gone.body));
    assert.equal(await h.store.get('Pod', 'default', 'p2'), undefined);
  });

  it('answers 400 for a malformed body and 415 for a kind it cannot decode, changing nothing', async () => {
    const bad = await fetch(new URL(pods, h.server.url), {
      method: 'POST',
      headers: { 'Content-Type': PROTOBUF },
      body: Uint8Array.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0x7f]),
    });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { reason: string }).reason, 'BadRequest');
    const secret = await fetch(new URL(pods, h.server.url), {
      method: 'POST',
      headers: { 'Content-Type': PROTOBUF },
      body: envelope('v1', 'Secret', new Uint8Array()),
    });
    assert.equal(secret.status, 415);
    assert.match(((await secret.json()) as { message: string }).message, /Kind=Secret/);
    assert.equal((await h.store.list('Pod', { namespace: 'default' })).items.length, 0);
  });
});
