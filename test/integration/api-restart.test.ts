// The API as a real process, killed with SIGKILL and restarted on the same port while clients watch: kubectl
// `get -w` (a single watch, which kubectl does not retry), kubectl `rollout status` (an informer that re-lists and
// re-watches), a @kubernetes/client-node informer, and a raw HTTP watch that resumes from its last
// resourceVersion. Changes made while the API is down (by writers of the store, as controllers are) must reach
// every resuming client; none may be missed or repeated.
import assert from 'node:assert/strict';
import http from 'node:http';
import {
  CoreV1Api,
  KubeConfig,
  makeInformer,
  PatchStrategy,
  setHeaderOptions,
  type V1Pod,
} from '@kubernetes/client-node';
import type { Deployment, KubeObject } from '@kubesim/api';
import { Store } from '@kubesim/store';
import { freePort, TestRedis, uniqueName, waitFor } from '@kubesim/testing';
import { ApiProcess } from '../support/api-process.js';
import { writeStatus } from '../support/controller-stand-ins.js';
import { Kubectl, parseTable } from '../support/kubectl.js';
import { kubectlBinary } from '../support/kubectl-binaries.js';

const NS = 'default';

const pod = (name: string, labels: Record<string, string> = {}): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS, labels: { app: 'restart', ...labels } },
    spec: { containers: [{ name: 'main', image: 'nginx:1.9.1' }] },
  }) as KubeObject;

const relabel = (store: Store, name: string, step: string) =>
  store.guaranteedUpdate('Pod', NS, name, (p) => {
    p.metadata.labels = { ...p.metadata.labels, step };
    return p;
  });

interface RawEvent {
  type: string;
  name: string;
  rv: number;
}

/**
 * A raw watch that follows a collection from a resourceVersion and, whenever the stream breaks, reconnects from
 * the last resourceVersion it saw, as an informer does.
 */
class ResumingWatch {
  readonly events: RawEvent[] = [];
  reconnects = 0;
  private stopped = false;
  private req?: http.ClientRequest;

  constructor(
    private readonly base: () => string,
    private readonly path: string,
    private rv: number,
  ) {
    void this.loop();
  }

  private once(): Promise<void> {
    return new Promise((resolve) => {
      const url = new URL(`${this.base()}${this.path}?watch=true&resourceVersion=${this.rv}`);
      const req = http.get(url, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return resolve();
        }
        let buffered = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffered += chunk;
          let nl = buffered.indexOf('\n');
          while (nl >= 0) {
            const line = buffered.slice(0, nl);
            buffered = buffered.slice(nl + 1);
            nl = buffered.indexOf('\n');
            if (!line.trim()) continue;
            const e = JSON.parse(line) as { type: string; object: KubeObject & { code?: number } };
            if (e.type === 'ERROR') throw new Error(`watch error: ${line}`);
            if (e.type === 'BOOKMARK') continue;
            const rv = Number(e.object.metadata.resourceVersion);
            this.events.push({ type: e.type, name: e.object.metadata.name ?? '', rv });
            this.rv = rv;
          }
        });
        res.on('end', resolve);
        res.on('error', () => resolve());
        res.on('aborted', () => resolve());
      });
      req.on('error', () => resolve());
      this.req = req;
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      await this.once();
      if (this.stopped) return;
      this.reconnects++;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  stop(): void {
    this.stopped = true;
    this.req?.destroy();
  }
}

describe('API restart: clients keep up across a SIGKILL of the API process', function () {
  this.timeout(120_000);
  let redis: TestRedis;
  let api: ApiProcess;
  let store: Store;
  let k: Kubectl;
  let kc: KubeConfig;

  before(async function () {
    this.timeout(180_000);
    redis = await TestRedis.start();
    const cluster = uniqueName('restart');
    api = await ApiProcess.start({ redisUrl: redis.url, cluster, port: await freePort() });
    store = await Store.connect({ url: redis.url, cluster });
    k = new Kubectl(await kubectlBinary({ from: 'machine' }), api.url);
    kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'kubesim', server: api.url, skipTLSVerify: true }],
      users: [{ name: 'kubesim' }],
      contexts: [{ name: 'kubesim', cluster: 'kubesim', user: 'kubesim' }],
      currentContext: 'kubesim',
    });
  });

  after(async () => {
    await k?.dispose();
    await api?.stop();
    await store?.close();
    await redis?.destroy();
  });

  it('get -w, rollout status and a client-node informer see every change, including those made while it was down', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.9.1' }] },
        },
      },
    };
    await k.ok(['create', '-f', '-'], { input: JSON.stringify(deployment) });

    // Three watchers, each on its own connection.
    const getWatch = k.start(['get', 'pods', '-w', '-l', 'app=restart', '--output-watch-events', '-v=6']);
    await getWatch.waitForWatch('/api/v1/namespaces/default/pods');
    const rollout = k.start(['rollout', 'status', 'deployment/web']);
    await rollout.waitForOutput((o) => o.includes('Waiting for deployment spec update to be observed...'));
    const seen: string[] = [];
    const informer = makeInformer(
      kc,
      `/api/v1/namespaces/${NS}/pods`,
      () => core.listNamespacedPod({ namespace: NS, labelSelector: 'app=restart' }),
      'app=restart',
    );
    informer.on('add', (p: V1Pod) => seen.push(`add ${p.metadata?.name}`));
    informer.on('update', (p: V1Pod) => seen.push(`update ${p.metadata?.name} ${p.metadata?.labels?.step}`));
    informer.on('delete', (p: V1Pod) => seen.push(`delete ${p.metadata?.name}`));
    // The client's documented pattern: an informer stops on errors; its owner starts it again.
    let restarts = 0;
    informer.on('error', () => {
      restarts++;
      setTimeout(() => void informer.start().catch(() => {}), 200);
    });
    await informer.start();

    try {
      // Before the kill, through the API.
      await core.createNamespacedPod({ namespace: NS, body: pod('r-0') as V1Pod });
      await core.patchNamespacedPod(
        { name: 'r-0', namespace: NS, body: { metadata: { labels: { step: '1' } } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
      await waitFor(() => seen.length === 2 && getWatch.lines().length === 3, { timeoutMs: 10_000 });

      await api.kill();
      // While the API is down, other writers go on: a new pod, a change, a deletion, the rollout finishing.
      await store.create(pod('r-1'));
      await relabel(store, 'r-0', '2');
      await store.delete('Pod', NS, 'r-0');
      await writeStatus<Deployment>(store, 'Deployment', NS, 'web', (d) => ({
        observedGeneration: d.metadata.generation,
        replicas: 2,
        updatedReplicas: 2,
        readyReplicas: 2,
        availableReplicas: 2,
      }));
      await api.restart();

      // After the restart, through the API again.
      await core.createNamespacedPod({ namespace: NS, body: pod('r-2') as V1Pod });
      await core.deleteNamespacedPod({ name: 'r-1', namespace: NS });

      assert.equal(await rollout.exit, 0, rollout.stderr);
      assert.match(rollout.stdout, /deployment "web" successfully rolled out\n$/);

      await waitFor(() => seen.includes('delete r-1'), { timeoutMs: 20_000 });
      assert.deepEqual(seen, [
        'add r-0',
        'update r-0 1',
        'add r-1',
        'update r-0 2',
        'delete r-0',
        'add r-2',
        'delete r-1',
      ]);
      assert.ok(restarts >= 1, 'the informer noticed the API going away');
      assert.deepEqual(
        informer.list(NS).map((p) => p.metadata?.name),
        ['r-2'],
      );

      // kubectl get -w holds one watch and ends when it breaks (kubectl does not retry it); everything up to
      // the kill was printed. Run again, it lists the state the other writers left and follows from there.
      await getWatch.exit;
      assert.deepEqual(
        parseTable(getWatch.stdout).map((r) => `${r.EVENT} ${r.NAME}`),
        ['ADDED r-0', 'MODIFIED r-0'],
      );
      const again = k.start(['get', 'pods', '-w', '-l', 'app=restart', '--output-watch-events', '-v=6']);
      await again.waitForWatch('/api/v1/namespaces/default/pods');
      await core.createNamespacedPod({ namespace: NS, body: pod('r-3') as V1Pod });
      await again.waitForOutput((o) => o.includes('r-3'));
      await again.kill();
      assert.deepEqual(
        parseTable(again.stdout).map((r) => `${r.EVENT} ${r.NAME}`),
        ['ADDED r-2', 'ADDED r-3'],
      );
    } finally {
      await informer.stop();
    }
  });

  it('a raw watch of 1,000 changes delivers all of them, in order, exactly once, across a kill', async () => {
    const from = await store.revision();
    const watch = new ResumingWatch(() => api.url, `/api/v1/namespaces/${NS}/configmaps`, from);
    const cm = (i: number) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `cm-${i}`, namespace: NS },
      data: { i: String(i) },
    });
    try {
      const changes = (async () => {
        for (let i = 0; i < 400; i++) await store.create(cm(i) as KubeObject);
        for (let i = 0; i < 400; i++) {
          await store.guaranteedUpdate('ConfigMap', NS, `cm-${i}`, (c) => ({ ...c, data: { i: `${i}'` } }));
        }
        for (let i = 0; i < 200; i++) await store.delete('ConfigMap', NS, `cm-${i}`);
      })();
      await waitFor(() => watch.events.length >= 300, { timeoutMs: 30_000 });
      await api.kill();
      await api.restart();
      await changes;
      await waitFor(() => watch.events.length >= 1000, { timeoutMs: 30_000 });

      const expected: RawEvent[] = [];
      for await (const batch of store.readLog(from)) {
        for (const e of batch) {
          if (e.kind === 'ConfigMap' && e.key.startsWith(`${NS}/`)) {
            expected.push({ type: e.type, name: e.key.slice(NS.length + 1), rv: e.revision });
          }
        }
      }
      assert.equal(expected.length, 1000);
      assert.ok(watch.reconnects >= 1, 'the stream broke when the API was killed');
      assert.deepEqual(watch.events, expected);
    } finally {
      watch.stop();
    }
  });

  it('the store still agrees with its log', async () => {
    const v = await store.verify();
    assert.ok(v.ok, v.mismatches.join('\n'));
  });
});
