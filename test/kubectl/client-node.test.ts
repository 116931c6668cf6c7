// The official JavaScript client, @kubernetes/client-node, against a kubesim API: typed CoreV1Api/AppsV1Api
// calls with all three patch types and the scale subresource, the discovery-driven generic client, typed
// errors, a raw Watch, an informer (list, then follow), and exec over its WebSocket protocol. The node agent that
// answers exec is a test stand-in (the real one is a later wave).
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  Exec,
  KubeConfig,
  KubernetesObjectApi,
  makeInformer,
  PatchStrategy,
  setHeaderOptions,
  type V1Deployment,
  type V1Pod,
  type V1StatefulSet,
  type V1Status,
  Watch,
} from '@kubernetes/client-node';
import { type ApiHarness, startApiHarness } from '@kubesim/api-server';
import { TestRedis, waitFor } from '@kubesim/testing';
import { hostnameExec, runPod, startNodeAgent } from '../support/controller-stand-ins.js';

const NS = 'default';

function kubeConfigFor(server: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'kubesim', server, skipTLSVerify: true }],
    users: [{ name: 'kubesim' }],
    contexts: [{ name: 'kubesim', cluster: 'kubesim', user: 'kubesim', namespace: NS }],
    currentContext: 'kubesim',
  });
  return kc;
}

const pod = (name: string, labels: Record<string, string> = { app: 'client-node' }): V1Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.9.1' }] },
});

const deployment = (name: string): V1Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.7.9', ports: [{ containerPort: 80 }] }] },
    },
  },
});

async function apiError(call: Promise<unknown>): Promise<{ code: number; status: V1Status }> {
  try {
    await call;
  } catch (err) {
    assert.ok(err instanceof ApiException, `expected an ApiException, got ${err}`);
    return { code: err.code, status: JSON.parse(err.body as string) as V1Status };
  }
  throw new Error('the call succeeded but should have failed');
}

describe('@kubernetes/client-node against kubesim', function () {
  this.timeout(30_000);
  let redis: TestRedis;
  let h: ApiHarness;
  let kc: KubeConfig;
  let core: CoreV1Api;
  let apps: AppsV1Api;

  before(async () => {
    redis = await TestRedis.start();
    h = await startApiHarness(redis);
    kc = kubeConfigFor(h.server.url);
    core = kc.makeApiClient(CoreV1Api);
    apps = kc.makeApiClient(AppsV1Api);
  });

  after(async () => {
    await h?.close();
    await redis?.destroy();
  });

  it('CoreV1Api: create, read, list by label, the three patch types, delete', async () => {
    const created = await core.createNamespacedPod({ namespace: NS, body: pod('cn-0') });
    assert.equal(created.metadata?.namespace, NS);
    assert.match(created.metadata?.uid ?? '', /^[0-9a-f-]{36}$/);
    assert.ok(created.metadata?.creationTimestamp instanceof Date, 'timestamps decode as dates');
    assert.equal(created.spec?.containers[0].imagePullPolicy, 'IfNotPresent');
    await core.createNamespacedPod({ namespace: NS, body: pod('other', { app: 'other' }) });

    const read = await core.readNamespacedPod({ name: 'cn-0', namespace: NS });
    assert.equal(read.metadata?.resourceVersion, created.metadata?.resourceVersion);
    const list = await core.listNamespacedPod({ namespace: NS, labelSelector: 'app=client-node' });
    assert.deepEqual(
      list.items.map((p) => p.metadata?.name),
      ['cn-0'],
    );
    assert.match(list.metadata?.resourceVersion ?? '', /^\d+$/);

    const jsonPatched = await core.patchNamespacedPod(
      { name: 'cn-0', namespace: NS, body: [{ op: 'add', path: '/metadata/labels/tier', value: 'web' }] },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );
    assert.equal(jsonPatched.metadata?.labels?.tier, 'web');
    const merged = await core.patchNamespacedPod(
      { name: 'cn-0', namespace: NS, body: { metadata: { annotations: { note: 'merge' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    assert.equal(merged.metadata?.annotations?.note, 'merge');
    const strategic = await core.patchNamespacedPod(
      {
        name: 'cn-0',
        namespace: NS,
        body: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.91' }] } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    assert.equal(strategic.spec?.containers.length, 1);
    assert.equal(strategic.spec?.containers[0].image, 'nginx:1.91');
    assert.equal(
      strategic.spec?.containers[0].imagePullPolicy,
      'IfNotPresent',
      'merged by name, not replaced',
    );

    await core.deleteNamespacedPod({ name: 'cn-0', namespace: NS });
    await core.deleteNamespacedPod({ name: 'other', namespace: NS });
    const { code, status } = await apiError(core.readNamespacedPod({ name: 'cn-0', namespace: NS }));
    assert.equal(code, 404);
    assert.equal(status.reason, 'NotFound');
    assert.equal(status.message, 'pods "cn-0" not found');
  });

  it('AppsV1Api: Deployment create, read, list, replace, the scale subresource, delete', async () => {
    const created = await apps.createNamespacedDeployment({ namespace: NS, body: deployment('web') });
    assert.equal(created.metadata?.generation, 1);
    assert.equal(created.spec?.strategy?.type, 'RollingUpdate');
    const listed = await apps.listNamespacedDeployment({ namespace: NS });
    assert.deepEqual(
      listed.items.map((d) => d.metadata?.name),
      ['web'],
    );

    const current = await apps.readNamespacedDeployment({ name: 'web', namespace: NS });
    current.spec!.template.spec!.containers[0].image = 'nginx:1.9.1';
    const replaced = await apps.replaceNamespacedDeployment({ name: 'web', namespace: NS, body: current });
    assert.equal(replaced.metadata?.generation, 2);
    const stale = await apiError(
      apps.replaceNamespacedDeployment({ name: 'web', namespace: NS, body: current }),
    );
    assert.equal(stale.code, 409);
    assert.equal(stale.status.reason, 'Conflict');

    const scale = await apps.readNamespacedDeploymentScale({ name: 'web', namespace: NS });
    assert.equal(scale.kind, 'Scale');
    assert.equal(scale.spec?.replicas, 2);
    const scaled = await apps.patchNamespacedDeploymentScale(
      { name: 'web', namespace: NS, body: { spec: { replicas: 5 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    assert.equal(scaled.spec?.replicas, 5);
    const after = await apps.readNamespacedDeployment({ name: 'web', namespace: NS });
    assert.equal(after.spec?.replicas, 5);
    assert.equal(after.metadata?.generation, 3);

    const dup = await apiError(apps.createNamespacedDeployment({ namespace: NS, body: deployment('web') }));
    assert.equal(dup.code, 409);
    assert.equal(dup.status.reason, 'AlreadyExists');
    assert.equal(dup.status.message, 'deployments.apps "web" already exists');
    const bad = deployment('bad');
    bad.spec!.replicas = -1;
    const invalid = await apiError(apps.createNamespacedDeployment({ namespace: NS, body: bad }));
    assert.equal(invalid.code, 422);
    assert.equal(invalid.status.reason, 'Invalid');
    assert.match(
      invalid.status.message ?? '',
      /spec\.replicas: Invalid value: -1: must be greater than or equal to 0/,
    );

    await apps.deleteNamespacedDeployment({ name: 'web', namespace: NS });
    assert.equal((await apps.listNamespacedDeployment({ namespace: NS })).items.length, 0);
  });

  it('KubernetesObjectApi resolves kinds through discovery and manages any object', async () => {
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const sts: V1StatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: NS },
      spec: {
        serviceName: 'db',
        replicas: 1,
        selector: { matchLabels: { app: 'db' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: { containers: [{ name: 'mysql', image: 'mysql:5.7' }] },
        },
      },
    };
    const created = await objects.create(sts);
    assert.equal(created.kind, 'StatefulSet');
    const read = await objects.read({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: NS },
    });
    assert.equal(read.metadata?.uid, created.metadata?.uid);
    const list = await objects.list('apps/v1', 'StatefulSet', NS);
    assert.deepEqual(
      list.items.map((o) => o.metadata?.name),
      ['db'],
    );
    await objects.delete({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: NS },
    });
    assert.equal(await h.store.get('StatefulSet', NS, 'db'), undefined);
  });

  it('a Watch on pods receives ADDED, MODIFIED and DELETED, in order', async () => {
    const from = (await core.listNamespacedPod({ namespace: NS })).metadata?.resourceVersion;
    const events: string[] = [];
    const watch = new Watch(kc);
    const req = await watch.watch(
      `/api/v1/namespaces/${NS}/pods`,
      { resourceVersion: from, labelSelector: 'app=watched' },
      (type, obj: V1Pod) =>
        events.push(`${type} ${obj.metadata?.name} ${obj.metadata?.labels?.step ?? ''}`.trim()),
      () => {},
    );
    try {
      await core.createNamespacedPod({ namespace: NS, body: pod('w-0', { app: 'watched' }) });
      await core.createNamespacedPod({ namespace: NS, body: pod('ignored', { app: 'unwatched' }) });
      await core.patchNamespacedPod(
        { name: 'w-0', namespace: NS, body: { metadata: { labels: { step: 'two' } } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
      await core.deleteNamespacedPod({ name: 'w-0', namespace: NS });
      await waitFor(() => events.length >= 3, { timeoutMs: 10_000 });
      assert.deepEqual(events, ['ADDED w-0', 'MODIFIED w-0 two', 'DELETED w-0 two']);
    } finally {
      req.abort();
      await core.deleteNamespacedPod({ name: 'ignored', namespace: NS });
    }
  });

  it('an informer lists what exists, then follows adds, updates and deletes', async () => {
    await core.createNamespacedPod({ namespace: NS, body: pod('inf-0', { app: 'informed' }) });
    const informer = makeInformer(
      kc,
      `/api/v1/namespaces/${NS}/pods`,
      () => core.listNamespacedPod({ namespace: NS, labelSelector: 'app=informed' }),
      'app=informed',
    );
    const seen: string[] = [];
    informer.on('add', (p) => seen.push(`add ${p.metadata?.name}`));
    informer.on('update', (p) => seen.push(`update ${p.metadata?.name} ${p.metadata?.labels?.step}`));
    informer.on('delete', (p) => seen.push(`delete ${p.metadata?.name}`));
    await informer.start();
    try {
      await waitFor(() => seen.includes('add inf-0'), { timeoutMs: 10_000 });
      await core.createNamespacedPod({ namespace: NS, body: pod('inf-1', { app: 'informed' }) });
      await core.patchNamespacedPod(
        { name: 'inf-0', namespace: NS, body: { metadata: { labels: { step: 'two' } } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
      await core.deleteNamespacedPod({ name: 'inf-1', namespace: NS });
      await waitFor(() => seen.includes('delete inf-1'), { timeoutMs: 10_000 });
      assert.deepEqual(seen, ['add inf-0', 'add inf-1', 'update inf-0 two', 'delete inf-1']);
      assert.deepEqual(
        informer.list(NS).map((p) => p.metadata?.name),
        ['inf-0'],
      );
      assert.equal(informer.get('inf-0', NS)?.metadata?.labels?.step, 'two');
    } finally {
      await informer.stop();
    }
  });

  it('Exec runs a command through the node agent over WebSocket', async () => {
    const agent = await startNodeAgent(h, 'node-1', hostnameExec);
    try {
      await core.createNamespacedPod({ namespace: NS, body: pod('web-0', { app: 'exec' }) });
      await runPod(h.store, NS, 'web-0');
      const run = async (command: string[]) => {
        const stdout = new PassThrough();
        const stderr = new PassThrough();
        let out = '';
        let err = '';
        stdout.on('data', (d) => {
          out += d;
        });
        stderr.on('data', (d) => {
          err += d;
        });
        const status = await new Promise<V1Status>((resolve, reject) => {
          new Exec(kc)
            .exec(NS, 'web-0', 'nginx', command, stdout, stderr, null, false, resolve)
            .catch(reject);
        });
        return { status, out, err };
      };
      const ok = await run(['sh', '-c', 'hostname']);
      assert.equal(ok.status.status, 'Success');
      await waitFor(() => ok.out === 'web-0\n', { timeoutMs: 5_000 });
      const failed = await run(['sh', '-c', 'curl localhost']);
      assert.equal(failed.status.status, 'Failure');
      assert.equal(failed.status.reason, 'NonZeroExitCode');
      assert.equal(failed.status.details?.causes?.[0].message, '127');
    } finally {
      agent.stop();
    }
  });

  it('the store still agrees with its log', async () => {
    const v = await h.store.verify();
    assert.ok(v.ok, v.mismatches.join('\n'));
  });
});
