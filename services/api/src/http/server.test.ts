import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KubeObject, StatusError } from '@kubesim/api';
import { TestRedis } from '@kubesim/testing';
import { type ApiHarness, startApiHarness } from '../testing/api-harness.js';
import { loadOrCreateServingCert } from './tls.js';
import { nextBookmark } from './watch.js';

const deployment = (name: string, replicas = 3): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.7.9', ports: [{ containerPort: 80 }] }] },
    },
  },
});

async function expectStatus(p: Promise<unknown>, code: number, reason?: string): Promise<StatusError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof StatusError, `expected a StatusError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if (reason) assert.equal(err.reason, reason);
    return err;
  }
  assert.fail(`expected HTTP ${code}`);
}

describe('API server', () => {
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

  const raw = (path: string, init: RequestInit = {}) => fetch(new URL(path, h.server.url), init);
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response JSON
  const json = async (res: Response | Promise<Response>): Promise<any> => (await res).json();

  it('answers /version, /healthz and discovery', async () => {
    const version = await json(raw('/version'));
    assert.equal(version.major, '1');
    assert.match(version.minor, /^\d+$/);
    assert.equal(await (await raw('/healthz')).text(), 'ok');
    const agg = await raw('/apis', {
      headers: {
        Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
      },
    });
    assert.match(agg.headers.get('content-type') ?? '', /as=APIGroupDiscoveryList/);
    const legacy = await json(raw('/apis/apps/v1'));
    assert.ok(legacy.resources.some((r: { name: string }) => r.name === 'deployments'));
  });

  it('creates with defaults and server metadata, then gets and lists', async () => {
    const created = await h.client.create({
      ...deployment('web'),
      metadata: { ...deployment('web').metadata, namespace: 'default' },
    });
    assert.equal(created.metadata.generation, 1);
    assert.ok(created.metadata.uid);
    assert.match(created.metadata.resourceVersion ?? '', /^\d+$/);
    assert.equal(created.spec.strategy.rollingUpdate.maxSurge, '25%');
    assert.equal(created.spec.revisionHistoryLimit, 10);
    const got = await h.client.get('Deployment', 'default', 'web');
    assert.equal(got.kind, 'Deployment');
    assert.equal(got.apiVersion, 'apps/v1');
    const list = await h.client.list('Deployment', {
      namespace: 'default',
      labelSelector: 'app in (web,other)',
    });
    assert.deepEqual(
      list.items.map((d) => d.metadata.name),
      ['web'],
    );
    assert.match(list.metadata.resourceVersion ?? '', /^\d+$/);
    const none = await h.client.list('Deployment', { namespace: 'default', labelSelector: 'app!=web' });
    assert.equal(none.items.length, 0);
  });

  it('renders Tables for kubectl get', async () => {
    const res = await raw('/apis/apps/v1/namespaces/default/deployments', {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
    });
    const table = await json(res);
    assert.equal(table.kind, 'Table');
    assert.deepEqual(
      table.columnDefinitions
        .filter((c: { priority: number }) => c.priority === 0)
        .map((c: { name: string }) => c.name),
      ['Name', 'Ready', 'Up-to-date', 'Available', 'Age'],
    );
    assert.equal(table.rows[0].cells[0], 'web');
    assert.equal(table.rows[0].object.metadata.name, 'web');
  });

  it('refuses bad input with a Status and writes nothing', async () => {
    const before = await h.store.revision();
    const bad = deployment('Bad_Name', -1);
    const invalid = await expectStatus(
      h.client.create({ ...bad, metadata: { ...bad.metadata, namespace: 'default' } }),
      422,
      'Invalid',
    );
    const fields = (invalid.status.details?.causes ?? []).map((c) => c.field);
    assert.ok(fields.includes('metadata.name'), JSON.stringify(fields));
    assert.ok(fields.includes('spec.replicas'), JSON.stringify(fields));
    const post = (body: string, contentType = 'application/json') =>
      raw('/apis/apps/v1/namespaces/default/deployments', {
        method: 'POST',
        body,
        headers: { 'Content-Type': contentType },
      });
    assert.equal((await post('{not json')).status, 400);
    assert.equal((await post(JSON.stringify({ ...deployment('x'), apiVersion: 'apps/v2' }))).status, 400);
    assert.equal((await post(JSON.stringify({ ...deployment('x'), kind: 'Pod' }))).status, 400);
    assert.equal((await post('[]')).status, 400);
    assert.equal((await post('a: b', 'application/xml')).status, 415);
    assert.equal((await post('x'.repeat(4 * 1024 * 1024))).status, 413);
    assert.equal((await raw('/apis/apps/v1/namespaces/default/widgets')).status, 404);
    const missingNs = await post(
      JSON.stringify({ ...deployment('y'), metadata: { name: 'y', namespace: 'nope' } }),
    );
    assert.equal(missingNs.status, 400);
    const intoMissing = await raw('/apis/apps/v1/namespaces/nope/deployments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(deployment('z')),
    });
    assert.equal(intoMissing.status, 404);
    assert.equal((await json(intoMissing)).message, 'namespaces "nope" not found');
    const badSelector = await raw('/api/v1/namespaces/default/pods?labelSelector=a%20in%20(');
    assert.equal(badSelector.status, 400);
    assert.equal((await json(badSelector)).kind, 'Status');
    assert.equal(await h.store.revision(), before);
  });

  it('detects stale updates with 409 Conflict', async () => {
    const cur = await h.client.get('Deployment', 'default', 'web');
    await h.client.update({ ...cur, spec: { ...cur.spec, replicas: 4 } });
    await expectStatus(h.client.update({ ...cur, spec: { ...cur.spec, replicas: 5 } }), 409, 'Conflict');
  });

  it('applies the three patch dialects and keeps a no-op patch a no-op', async () => {
    const setImage = {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [{ name: 'nginx', image: 'nginx:1.91' }],
          },
        },
      },
    };
    const patched = await h.client.patch('Deployment', 'default', 'web', 'strategic', setImage);
    assert.equal(patched.spec.template.spec.containers[0].image, 'nginx:1.91');
    assert.equal(patched.spec.template.spec.containers[0].ports[0].containerPort, 80);
    assert.equal(patched.metadata.generation, 3);
    const merged = await h.client.patch('Deployment', 'default', 'web', 'merge', {
      metadata: { labels: { tier: 'web' } },
    });
    assert.equal(merged.metadata.labels?.tier, 'web');
    const json = await h.client.patch('Deployment', 'default', 'web', 'json', [
      { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:1.9.1' },
    ]);
    assert.equal(json.spec.template.spec.containers[0].image, 'nginx:1.9.1');
    const again = await h.client.patch('Deployment', 'default', 'web', 'json', [
      { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:1.9.1' },
    ]);
    assert.equal(again.metadata.resourceVersion, json.metadata.resourceVersion);
    await expectStatus(
      h.client.patch('Deployment', 'default', 'web', 'json', [
        { op: 'replace', path: '/spec/nope/x', value: 1 },
      ]),
      422,
    );
    await expectStatus(
      h.client.patch('Deployment', 'default', 'web', 'merge', { spec: { replicas: -2 } }),
      422,
      'Invalid',
    );
  });

  it('serves the scale subresource', async () => {
    const scale = await h.client.get('Deployment', 'default', 'web', 'scale');
    assert.equal(scale.kind, 'Scale');
    assert.equal(scale.apiVersion, 'autoscaling/v1');
    assert.equal(scale.status.selector, 'app=web');
    const before = await h.client.get('Deployment', 'default', 'web');
    const scaled = await h.client.patch(
      'Deployment',
      'default',
      'web',
      'merge',
      { spec: { replicas: 7 } },
      { subresource: 'scale' },
    );
    assert.equal(scaled.spec.replicas, 7);
    const after = await h.client.get('Deployment', 'default', 'web');
    assert.equal(after.spec.replicas, 7);
    assert.equal(after.metadata.generation, (before.metadata.generation ?? 0) + 1);
  });

  it('keeps status and spec writes apart', async () => {
    const cur = await h.client.get('Deployment', 'default', 'web');
    const withStatus = await h.client.update(
      { ...cur, spec: { ...cur.spec, replicas: 1 }, status: { replicas: 7, observedGeneration: 9 } },
      'status',
    );
    assert.equal(withStatus.status.replicas, 7);
    assert.equal(withStatus.spec.replicas, 7);
    const viaMain = await h.client.update({ ...withStatus, status: { replicas: 0 } });
    assert.equal(viaMain.status.replicas, 7);
  });

  it('honours dryRun=All', async () => {
    const before = await h.store.revision();
    const d = deployment('dry');
    const out = await h.client.create(
      { ...d, metadata: { ...d.metadata, namespace: 'default' } },
      { dryRun: 'All' },
    );
    assert.equal(out.metadata.name, 'dry');
    await expectStatus(h.client.get('Deployment', 'default', 'dry'), 404, 'NotFound');
    assert.equal(await h.store.revision(), before);
  });

  it('delivers 1,000 watched changes in order, then DELETED', async () => {
    const cm = await h.client.create<KubeObject>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'counter', namespace: 'default' },
      data: { n: '0' },
    });
    const seen: string[] = [];
    const ac = new AbortController();
    const watching = (async () => {
      for await (const ev of h.client.watch('ConfigMap', {
        namespace: 'default',
        fieldSelector: 'metadata.name=counter',
        resourceVersion: cm.metadata.resourceVersion,
        signal: ac.signal,
      })) {
        seen.push(
          ev.type === 'DELETED'
            ? 'DELETED'
            : String((ev.object as KubeObject & { data: { n: string } }).data.n),
        );
        if (ev.type === 'DELETED') ac.abort();
      }
    })();
    for (let i = 1; i <= 1000; i++)
      await h.client.patch('ConfigMap', 'default', 'counter', 'merge', { data: { n: String(i) } });
    await h.client.delete('ConfigMap', 'default', 'counter');
    await watching;
    assert.equal(seen.length, 1001);
    assert.deepEqual(seen.slice(0, 3), ['1', '2', '3']);
    assert.equal(seen[999], '1000');
    assert.equal(seen[1000], 'DELETED');
  });

  it('sends bookmarks at the revision read so far only to watches that allow them', async () => {
    const from = await h.store.revision();
    const watch = (bookmarks: boolean) =>
      raw(
        `/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=3&resourceVersion=${from}` +
          (bookmarks ? '&allowWatchBookmarks=true' : ''),
      ).then((res) => res.text());
    const cm = (name: string, namespace: string) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace },
    });
    await h.client.create(cm('seen', 'default'));
    // Changes this watch passes over (another namespace, another kind) still move its bookmark on.
    await h.client.create(cm('elsewhere', 'kube-system'));
    await h.client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bookmarked' } });
    const head = await h.store.revision();
    // Watches from before the changes read them at once; the bookmark comes 1 s later.
    const [withBookmarks, without] = [watch(true), watch(false)];
    const lines = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    const events = lines(await withBookmarks);
    assert.deepEqual(
      events.map((e) => e.type),
      ['ADDED', 'BOOKMARK'],
      'one bookmark, 2 s before the 3 s timeout',
    );
    assert.deepEqual(events[1].object, {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(head) },
    });
    assert.deepEqual(
      lines(await without).map((e) => e.type),
      ['ADDED'],
    );
  });

  it('schedules bookmarks every minute and once more 2 s before the deadline', () => {
    assert.deepEqual(nextBookmark(0, undefined), { inMs: 60_000, last: false });
    assert.deepEqual(nextBookmark(0, 300_000), { inMs: 60_000, last: false });
    assert.deepEqual(nextBookmark(250_000, 300_000), { inMs: 48_000, last: true });
    assert.deepEqual(nextBookmark(298_000, 300_000), { inMs: 0, last: true });
    assert.equal(nextBookmark(299_000, 300_000), undefined);
  });

  it('binds a pod once and deletes a bound pod gracefully', async () => {
    await h.client.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p1', namespace: 'default', labels: { app: 'p' } },
      spec: { containers: [{ name: 'c', image: 'busybox' }] },
    });
    const bind = (node: string) =>
      raw('/api/v1/namespaces/default/pods/p1/binding', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          apiVersion: 'v1',
          kind: 'Binding',
          metadata: { name: 'p1' },
          target: { kind: 'Node', name: node },
        }),
      });
    assert.equal((await bind('node-1')).status, 201);
    assert.equal((await bind('node-2')).status, 409);
    const pod = await h.client.get('Pod', 'default', 'p1');
    assert.equal(pod.spec.nodeName, 'node-1');
    assert.deepEqual(
      pod.spec.tolerations.map((t: { key: string }) => t.key),
      ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'],
    );
    const deleting = await h.client.delete('Pod', 'default', 'p1');
    assert.ok(deleting.metadata.deletionTimestamp);
    assert.equal(deleting.metadata.deletionGracePeriodSeconds, 30);
    await h.client.delete('Pod', 'default', 'p1', { gracePeriodSeconds: 0 });
    await expectStatus(h.client.get('Pod', 'default', 'p1'), 404);
  });

  it('serves container logs', async () => {
    await h.client.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'logger', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'busybox' }] },
    });
    for (const line of ['one', 'two', 'three']) await h.logs.append('default', 'logger', 'c', line);
    const all = await (await raw('/api/v1/namespaces/default/pods/logger/log')).text();
    assert.equal(all, 'one\ntwo\nthree\n');
    const tail = await (await raw('/api/v1/namespaces/default/pods/logger/log?tailLines=1')).text();
    assert.equal(tail, 'three\n');
    const wrong = await raw('/api/v1/namespaces/default/pods/logger/log?container=nope');
    assert.equal(wrong.status, 400);
  });

  it('deletes collections by label', async () => {
    for (const n of ['a', 'b', 'c']) {
      await h.client.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `dc-${n}`, namespace: 'default', labels: { group: n === 'c' ? 'keep' : 'drop' } },
      });
    }
    const res = await raw('/api/v1/namespaces/default/configmaps?labelSelector=group%3Ddrop', {
      method: 'DELETE',
    });
    assert.equal(res.status, 200);
    const left = await h.client.list('ConfigMap', { namespace: 'default', labelSelector: 'group' });
    assert.deepEqual(
      left.items.map((c) => c.metadata.name),
      ['dc-c'],
    );
  });

  it('deletes a namespace with everything in it, but never a system namespace', async () => {
    await h.client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'scratch' } });
    await h.client.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', namespace: 'scratch' },
    });
    const d = deployment('gone');
    await h.client.create({ ...d, metadata: { ...d.metadata, namespace: 'scratch' } });
    await h.client.delete('Namespace', undefined, 'scratch');
    await expectStatus(h.client.get('Namespace', undefined, 'scratch'), 404);
    assert.equal((await h.store.list('ConfigMap', { namespace: 'scratch' })).items.length, 0);
    assert.equal((await h.store.list('Deployment', { namespace: 'scratch' })).items.length, 0);
    await expectStatus(h.client.delete('Namespace', undefined, 'default'), 403, 'Forbidden');
  });

  it('serves https and requires the bearer token when one is configured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ksim-tls-'));
    const tls = await loadOrCreateServingCert(dir);
    assert.deepEqual(await loadOrCreateServingCert(dir), tls, 'the certificate is kept, not regenerated');
    const secured = await startApiHarness(redis, { token: 's3cret', tls });
    const get = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        httpsGet(`${secured.server.url}/api/v1/namespaces`, { headers, rejectUnauthorized: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject);
      });
    try {
      assert.match(secured.server.url, /^https:/);
      assert.equal(await get({}), 401);
      assert.equal(await get({ Authorization: 'Bearer wrong' }), 401);
      assert.equal(await get({ Authorization: 'Bearer s3cret' }), 200);
    } finally {
      await secured.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
