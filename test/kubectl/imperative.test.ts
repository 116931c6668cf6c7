// kubectl's imperative object generators and metadata commands with the machine's kubectl. Several of them
// (`create deployment|configmap|namespace|secret|service`) write through kubectl's typed client, which sends
// the body as application/vnd.kubernetes.protobuf, as a real API server accepts.
import assert from 'node:assert/strict';
import type { ConfigMap, Deployment, Namespace, Pod, Service } from '@kubesim/api';
import { type ApiHarness, startApiHarness } from '@kubesim/api-server';
import { TestRedis } from '@kubesim/testing';
import { Kubectl } from '../support/kubectl.js';
import { kubectlBinary } from '../support/kubectl-binaries.js';

const NS = 'default';

describe('kubectl imperative commands (machine kubectl)', function () {
  this.timeout(60_000);
  let redis: TestRedis;
  let h: ApiHarness;
  let k: Kubectl;

  before(async function () {
    this.timeout(120_000);
    redis = await TestRedis.start();
    h = await startApiHarness(redis);
    k = new Kubectl(await kubectlBinary({ from: 'machine' }), h.server.url);
  });

  after(async () => {
    await k?.dispose();
    await h?.close();
    await redis?.destroy();
  });

  it('create deployment --image --replicas', async () => {
    assert.equal(
      await k.ok(['create', 'deployment', 'web', '--image=nginx:1.9.1', '--replicas=2']),
      'deployment.apps/web created\n',
    );
    const d = (await h.store.get<Deployment>('Deployment', NS, 'web')) as Deployment;
    assert.equal(d.spec.replicas, 2);
    assert.deepEqual(d.spec.selector.matchLabels, { app: 'web' });
    assert.equal(d.spec.template.spec?.containers[0].image, 'nginx:1.9.1');
  });

  it('create configmap --from-literal', async () => {
    assert.equal(
      await k.ok(['create', 'configmap', 'mysql', '--from-literal=master.cnf=log-bin']),
      'configmap/mysql created\n',
    );
    const cm = (await h.store.get<ConfigMap>('ConfigMap', NS, 'mysql')) as ConfigMap;
    assert.deepEqual(cm.data, { 'master.cnf': 'log-bin' });
  });

  it('create namespace', async () => {
    assert.equal(await k.ok(['create', 'namespace', 'team-a']), 'namespace/team-a created\n');
    assert.ok(await h.store.get<Namespace>('Namespace', '', 'team-a'));
  });

  it('create service clusterip --clusterip=None (headless)', async () => {
    assert.equal(
      await k.ok(['create', 'service', 'clusterip', 'nginx', '--clusterip=None', '--tcp=80:80']),
      'service/nginx created\n',
    );
    const svc = (await h.store.get<Service>('Service', NS, 'nginx')) as Service;
    assert.equal(svc.spec?.clusterIP, 'None');
  });

  it('run, expose, label and annotate', async () => {
    assert.equal(
      await k.ok(['run', 'dns-test', '--image=busybox', '--restart=Never']),
      'pod/dns-test created\n',
    );
    assert.equal(await k.ok(['expose', 'pod', 'dns-test', '--port=53']), 'service/dns-test exposed\n');
    assert.equal(await k.ok(['label', 'pod', 'dns-test', 'tier=debug']), 'pod/dns-test labeled\n');
    assert.equal(await k.ok(['annotate', 'pod', 'dns-test', 'note=seed']), 'pod/dns-test annotated\n');
    const pod = (await h.store.get<Pod>('Pod', NS, 'dns-test')) as Pod;
    assert.equal(pod.metadata.labels?.tier, 'debug');
    assert.equal(pod.metadata.labels?.run, 'dns-test');
    assert.equal(pod.metadata.annotations?.note, 'seed');
  });
});
