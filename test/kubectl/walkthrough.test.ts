// The seed tutorial's kubectl walkthrough (Deployment, StatefulSet, DaemonSet and MySQL chapters) played with the
// machine's real kubectl against a kubesim API. Controllers and the node agent are a later wave: where a command
// reads what they write (ReplicaSets, ControllerRevisions, statuses, running pods, exec, graceful deletion),
// the test writes it through the store with the stand-ins of test/support/controller-stand-ins.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ControllerRevision, DaemonSet, Deployment, Pod, ReplicaSet, StatefulSet } from '@kubesim/api';
import { type ApiHarness, startApiHarness } from '@kubesim/api-server';
import { TestRedis } from '@kubesim/testing';
import { parse as parseYaml } from 'yaml';
import {
  advancePod,
  createStatefulSetPod,
  hostnameExec,
  recordEvent,
  runPod,
  snapshotControllerRevision,
  startNodeAgent,
  syncDeployment,
  writeStatus,
} from '../support/controller-stand-ins.js';
import { Kubectl, parseTable } from '../support/kubectl.js';
import { kubectlBinary } from '../support/kubectl-binaries.js';

const manifests = join(dirname(fileURLToPath(import.meta.url)), 'manifests');
const NS = 'default';

describe('kubectl walkthrough of the seed tutorial (machine kubectl)', function () {
  this.timeout(60_000);
  let redis: TestRedis;
  let h: ApiHarness;
  let k: Kubectl;
  let agent: { stop(): void };

  before(async function () {
    this.timeout(120_000);
    redis = await TestRedis.start();
    h = await startApiHarness(redis);
    k = new Kubectl(await kubectlBinary({ from: 'machine' }), h.server.url);
    for (const f of [
      'nginx-deployment.yaml',
      'svc.yaml',
      'statefulset.yaml',
      'fluentd-elasticsearch.yaml',
      'mysql-statefulset.yaml',
    ]) {
      k.writeFile(f, readFileSync(join(manifests, f), 'utf8'));
    }
    agent = await startNodeAgent(h, 'node-1', hostnameExec);
  });

  after(async () => {
    agent?.stop();
    await k?.dispose();
    await h?.close();
    await redis?.destroy();
  });

  const getDeployment = async () =>
    (await h.store.get<Deployment>('Deployment', NS, 'nginx-deployment')) as Deployment;
  const ownedReplicaSets = async () => {
    const d = await getDeployment();
    return (await h.store.list<ReplicaSet>('ReplicaSet', { namespace: NS })).items.filter((rs) =>
      rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid),
    );
  };
  const image = (o: Deployment | StatefulSet | DaemonSet) => o.spec.template.spec?.containers[0].image;

  it('kubectl version: the server reports 1.32, so a dispatcher runs its 1.32 client', async () => {
    const out = await k.ok(['version']);
    assert.match(out, /^Server Version: v1\.32\.\d+/m);
    const client = k.binary.gitVersion.endsWith('-dispatcher')
      ? /^Client Version: v1\.32\.\d+/m
      : new RegExp(`^Client Version: ${k.binary.gitVersion.replaceAll('.', '\\.')}$`, 'm');
    assert.match(out, client);
  });

  describe('Deployment: create, scale, roll out, roll back, pause', () => {
    it('create -f nginx-deployment.yaml --record', async () => {
      const r = await k.run(['create', '-f', 'nginx-deployment.yaml', '--record']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'deployment.apps/nginx-deployment created\n');
      assert.match(r.stderr, /Flag --record has been deprecated/);
      const d = await getDeployment();
      assert.equal(
        d.metadata.annotations?.['kubernetes.io/change-cause'],
        'kubectl create --filename=nginx-deployment.yaml --record=true',
      );
      assert.equal(d.metadata.generation, 1);
    });

    it('get deployments shows the new Deployment with nothing available yet', async () => {
      const rows = parseTable(await k.ok(['get', 'deployments']));
      assert.deepEqual(rows, [
        { NAME: 'nginx-deployment', READY: '0/3', 'UP-TO-DATE': '0', AVAILABLE: '0', AGE: rows[0]?.AGE },
      ]);
      assert.match(rows[0].AGE, /^\d+s$/);
    });

    it('rollout status follows the Deployment until it is rolled out (test-written status and ReplicaSet)', async () => {
      const status = k.start(['rollout', 'status', 'deployment/nginx-deployment']);
      await status.waitForOutput((o) => o.includes('Waiting for deployment spec update to be observed...'));
      await writeStatus<Deployment>(h.store, 'Deployment', NS, 'nginx-deployment', (d) => ({
        observedGeneration: d.metadata.generation,
        replicas: 3,
        updatedReplicas: 3,
        readyReplicas: 1,
        availableReplicas: 1,
      }));
      await status.waitForOutput((o) =>
        o.includes(
          'Waiting for deployment "nginx-deployment" rollout to finish: 1 of 3 updated replicas are available...',
        ),
      );
      await syncDeployment(h.store, NS, 'nginx-deployment');
      assert.equal(await status.exit, 0, status.stderr);
      assert.match(status.stdout, /deployment "nginx-deployment" successfully rolled out\n$/);
    });

    it('get rs shows the ReplicaSet of revision 1', async () => {
      const [rs] = await ownedReplicaSets();
      const rows = parseTable(await k.ok(['get', 'rs']));
      assert.deepEqual(
        rows.map(({ AGE: _, ...r }) => r),
        [{ NAME: rs.metadata.name, DESIRED: '3', CURRENT: '3', READY: '3' }],
      );
      assert.match(rs.metadata.name ?? '', /^nginx-deployment-[bcdfghjklmnpqrstvwxz2456789]+$/);
    });

    it('apply -f on the created Deployment adds last-applied, then reports unchanged', async () => {
      const first = await k.run(['apply', '-f', 'nginx-deployment.yaml']);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(first.stdout, 'deployment.apps/nginx-deployment configured\n');
      assert.match(
        first.stderr,
        /missing the kubectl\.kubernetes\.io\/last-applied-configuration annotation/,
      );
      const d = await getDeployment();
      const lastApplied = JSON.parse(
        d.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] ?? '{}',
      );
      assert.equal(lastApplied.spec.template.spec.containers[0].image, 'nginx:1.7.9');
      assert.equal(d.metadata.generation, 1, 'an annotation change is no spec change');
      assert.equal(
        await k.ok(['apply', '-f', 'nginx-deployment.yaml']),
        'deployment.apps/nginx-deployment unchanged\n',
      );
    });

    it('get deploy nginx-deployment -o yaml prints the whole object', async () => {
      const obj = parseYaml(await k.ok(['get', 'deploy', 'nginx-deployment', '-o', 'yaml']));
      assert.equal(obj.apiVersion, 'apps/v1');
      assert.equal(obj.kind, 'Deployment');
      assert.equal(obj.metadata.name, 'nginx-deployment');
      assert.equal(obj.metadata.namespace, NS);
      assert.match(obj.metadata.uid, /^[0-9a-f-]{36}$/);
      assert.equal(obj.metadata.annotations['deployment.kubernetes.io/revision'], '1');
      assert.equal(obj.spec.replicas, 3);
      assert.equal(obj.spec.template.spec.containers[0].image, 'nginx:1.7.9');
      assert.equal(obj.spec.template.spec.containers[0].imagePullPolicy, 'IfNotPresent');
      assert.equal(obj.spec.strategy.rollingUpdate.maxSurge, '25%');
      assert.equal(obj.status.availableReplicas, 3);
    });

    it('scale deployment nginx-deployment --replicas=4', async () => {
      assert.equal(
        await k.ok(['scale', 'deployment', 'nginx-deployment', '--replicas=4']),
        'deployment.apps/nginx-deployment scaled\n',
      );
      const d = await getDeployment();
      assert.equal(d.spec.replicas, 4);
      assert.equal(d.metadata.generation, 2);
      await syncDeployment(h.store, NS, 'nginx-deployment');
      const rows = parseTable(await k.ok(['get', 'deployments']));
      assert.equal(rows[0].READY, '4/4');
    });

    it('edit deployment/nginx-deployment with an editor that upgrades the image', async () => {
      const editor = k.writeFile(
        'edit-image.sh',
        '#!/bin/sh\nsed -i \'s/image: nginx:1.7.9/image: nginx:1.9.1/\' "$1"\n',
        true,
      );
      const r = await k.run(['edit', 'deployment/nginx-deployment', '--record'], { env: { EDITOR: editor } });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'deployment.apps/nginx-deployment edited\n');
      const d = await getDeployment();
      assert.equal(image(d), 'nginx:1.9.1');
      assert.equal(
        d.metadata.annotations?.['kubernetes.io/change-cause'],
        'kubectl edit deployment/nginx-deployment --record=true',
      );
      const status = k.start(['rollout', 'status', 'deployment/nginx-deployment']);
      await status.waitForOutput((o) => o.includes('Waiting for deployment spec update to be observed...'));
      await syncDeployment(h.store, NS, 'nginx-deployment');
      assert.equal(await status.exit, 0, status.stderr);
      assert.match(status.stdout, /deployment "nginx-deployment" successfully rolled out\n$/);
    });

    it('describe deployment shows replicas, the new and old ReplicaSets and Events (test-written)', async () => {
      const d = await getDeployment();
      const sets = await ownedReplicaSets();
      const newRS = sets.find(
        (rs) => rs.spec.template?.spec?.containers[0].image === 'nginx:1.9.1',
      ) as ReplicaSet;
      const oldRS = sets.find((rs) => rs !== newRS) as ReplicaSet;
      await recordEvent(
        h.store,
        d,
        'ScalingReplicaSet',
        `Scaled up replica set ${oldRS.metadata.name} to 3`,
        'deployment-controller',
      );
      await recordEvent(
        h.store,
        d,
        'ScalingReplicaSet',
        `Scaled up replica set ${newRS.metadata.name} to 4`,
        'deployment-controller',
      );
      const out = await k.ok(['describe', 'deployment', 'nginx-deployment']);
      assert.match(out, /^Name:\s+nginx-deployment$/m);
      assert.match(out, /^Namespace:\s+default$/m);
      assert.match(out, /^Selector:\s+app=nginx$/m);
      assert.match(out, /^Replicas:\s+4 desired \| 4 updated \| 4 total \| 4 available \| 0 unavailable$/m);
      assert.match(out, /^StrategyType:\s+RollingUpdate$/m);
      assert.match(out, /^RollingUpdateStrategy:\s+25% max unavailable, 25% max surge$/m);
      assert.match(out, /^\s+Image:\s+nginx:1\.9\.1$/m);
      assert.match(
        out,
        new RegExp(`^NewReplicaSet:\\s+${newRS.metadata.name} \\(4/4 replicas created\\)$`, 'm'),
      );
      assert.match(out, /^OldReplicaSets:/m);
      assert.match(out, /^Events:$/m);
      assert.match(
        out,
        new RegExp(
          `Normal\\s+ScalingReplicaSet\\s+\\S+\\s+deployment-controller\\s+Scaled up replica set ${oldRS.metadata.name} to 3`,
        ),
      );
      assert.match(
        out,
        new RegExp(
          `Normal\\s+ScalingReplicaSet\\s+\\S+\\s+deployment-controller\\s+Scaled up replica set ${newRS.metadata.name} to 4`,
        ),
      );
      const rows = parseTable(await k.ok(['get', 'rs']));
      assert.deepEqual(
        rows.map((r) => [r.NAME, r.DESIRED, r.CURRENT, r.READY]).sort(),
        [
          [newRS.metadata.name, '4', '4', '4'],
          [oldRS.metadata.name, '0', '0', '0'],
        ].sort(),
      );
    });

    it('set image deployment/nginx-deployment nginx=nginx:1.91', async () => {
      assert.equal(
        await k.ok(['set', 'image', 'deployment/nginx-deployment', 'nginx=nginx:1.91', '--record']),
        'deployment.apps/nginx-deployment image updated\n',
      );
      assert.equal(image(await getDeployment()), 'nginx:1.91');
      await syncDeployment(h.store, NS, 'nginx-deployment');
      assert.equal((await ownedReplicaSets()).length, 3);
    });

    it('rollout history lists one change-cause per revision', async () => {
      const out = await k.ok(['rollout', 'history', 'deployment/nginx-deployment']);
      const lines = out.split('\n').map((l) => l.trimEnd());
      assert.equal(lines[0], 'deployment.apps/nginx-deployment');
      assert.match(lines[1], /^REVISION\s+CHANGE-CAUSE$/);
      assert.deepEqual(
        lines
          .slice(2)
          .filter(Boolean)
          .map((l) => l.split(/\s{2,}/)),
        [
          ['1', 'kubectl create --filename=nginx-deployment.yaml --record=true'],
          ['2', 'kubectl edit deployment/nginx-deployment --record=true'],
          ['3', 'kubectl set image deployment/nginx-deployment nginx=nginx:1.91 --record=true'],
        ],
      );
    });

    it('rollout history --revision=2 prints that revision’s pod template', async () => {
      const out = await k.ok(['rollout', 'history', 'deployment/nginx-deployment', '--revision=2']);
      assert.match(out, /^deployment\.apps\/nginx-deployment with revision #2$/m);
      assert.match(out, /^Pod Template:$/m);
      assert.match(out, /^\s+Labels:\s+app=nginx$/m);
      assert.match(out, /^\s+pod-template-hash=\S+$/m);
      assert.match(
        out,
        /^\s+Annotations:\s+kubernetes\.io\/change-cause: kubectl edit deployment\/nginx-deployment --record=true$/m,
      );
      assert.match(out, /^\s+Image:\s+nginx:1\.9\.1$/m);
      assert.match(out, /^\s+Port:\s+80\/TCP$/m);
    });

    it('rollout undo --to-revision=2, then undo to the previous revision, as the seed does', async () => {
      assert.equal(
        await k.ok(['rollout', 'undo', 'deployment/nginx-deployment', '--to-revision=2']),
        'deployment.apps/nginx-deployment rolled back\n',
      );
      let d = await getDeployment();
      assert.equal(image(d), 'nginx:1.9.1');
      assert.equal(
        d.metadata.annotations?.['kubernetes.io/change-cause'],
        'kubectl edit deployment/nginx-deployment --record=true',
      );
      assert.equal(d.spec.template.metadata?.labels?.['pod-template-hash'], undefined);
      await syncDeployment(h.store, NS, 'nginx-deployment');
      assert.equal((await ownedReplicaSets()).length, 3, 'the revision-2 ReplicaSet is reused');

      assert.equal(
        await k.ok(['rollout', 'undo', 'deployment/nginx-deployment']),
        'deployment.apps/nginx-deployment rolled back\n',
      );
      d = await getDeployment();
      assert.equal(image(d), 'nginx:1.91');
      await syncDeployment(h.store, NS, 'nginx-deployment');
      const history = await k.ok(['rollout', 'history', 'deployment/nginx-deployment']);
      assert.deepEqual(
        history
          .split('\n')
          .slice(2)
          .filter(Boolean)
          .map((l) => l.trimEnd().split(/\s{2,}/)[0]),
        ['1', '4', '5'],
      );
      const gone = await k.fails(['rollout', 'undo', 'deployment/nginx-deployment', '--to-revision=2']);
      assert.match(gone, /unable to find specified revision 2 in history/);
      assert.equal(
        await k.ok(['rollout', 'undo', 'deployment/nginx-deployment', '--to-revision=5']),
        'deployment.apps/nginx-deployment skipped rollback (current template already matches revision 5)\n',
      );
    });

    it('rollout pause / resume: a second pause is refused, changes while paused roll out once on resume', async () => {
      assert.equal(
        await k.ok(['rollout', 'pause', 'deployment/nginx-deployment']),
        'deployment.apps/nginx-deployment paused\n',
      );
      assert.equal((await getDeployment()).spec.paused, true);
      const again = await k.run(['rollout', 'pause', 'deployment/nginx-deployment']);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /deployments\.apps "nginx-deployment" is already paused/);
      const undo = await k.fails(['rollout', 'undo', 'deployment/nginx-deployment']);
      assert.match(undo, /you cannot rollback a paused deployment; resume it first/);

      await k.ok(['set', 'image', 'deployment/nginx-deployment', 'nginx=nginx:1.9.1']);
      await k.ok([
        'set',
        'resources',
        'deployment/nginx-deployment',
        '-c=nginx',
        '--limits=cpu=200m,memory=512Mi',
      ]);
      await syncDeployment(h.store, NS, 'nginx-deployment');
      assert.equal((await ownedReplicaSets()).length, 3, 'no rollout while paused');

      assert.equal(
        await k.ok(['rollout', 'resume', 'deploy/nginx-deployment']),
        'deployment.apps/nginx-deployment resumed\n',
      );
      assert.equal((await getDeployment()).spec.paused, undefined);
      await syncDeployment(h.store, NS, 'nginx-deployment');
      const sets = await ownedReplicaSets();
      assert.equal(sets.length, 4, 'one new ReplicaSet for both changes');
      const rows = parseTable(await k.ok(['get', 'rs']));
      const active = rows.filter((r) => r.DESIRED !== '0');
      assert.equal(active.length, 1);
      assert.deepEqual([active[0].DESIRED, active[0].CURRENT, active[0].READY], ['4', '4', '4']);
    });
  });

  describe('StatefulSet: headless Service, ordered pods, claims, exec, delete', () => {
    let web: StatefulSet;

    it('create -f svc.yaml; get service nginx shows a headless ClusterIP Service', async () => {
      assert.equal(await k.ok(['create', '-f', 'svc.yaml']), 'service/nginx created\n');
      const rows = parseTable(await k.ok(['get', 'service', 'nginx']));
      assert.deepEqual(
        rows.map(({ AGE: _, ...r }) => r),
        [
          {
            NAME: 'nginx',
            TYPE: 'ClusterIP',
            'CLUSTER-IP': 'None',
            'EXTERNAL-IP': '<none>',
            'PORT(S)': '80/TCP',
          },
        ],
      );
    });

    it('create -f statefulset.yaml; get statefulset web', async () => {
      assert.equal(await k.ok(['create', '-f', 'statefulset.yaml']), 'statefulset.apps/web created\n');
      const rows = parseTable(await k.ok(['get', 'statefulset', 'web']));
      assert.deepEqual(
        rows.map(({ AGE: _, ...r }) => r),
        [{ NAME: 'web', READY: '0/2' }],
      );
      const cr = await snapshotControllerRevision(h.store, 'StatefulSet', NS, 'web');
      web = await writeStatus<StatefulSet>(h.store, 'StatefulSet', NS, 'web', (s) => ({
        observedGeneration: s.metadata.generation,
        replicas: 0,
        currentRevision: cr.metadata.name,
        updateRevision: cr.metadata.name,
      }));
    });

    it('get pods -w -l app=nginx prints a row per change as web-0 then web-1 start (test-written pods)', async () => {
      // -v=6 logs each request once its response starts: the pods only change once the watch is open, so every
      // change arrives as a watch event rather than folded into the initial list.
      const watch = k.start(['get', 'pods', '-w', '-l', 'app=nginx', '-v=6']);
      await watch.waitForWatch('/api/v1/namespaces/default/pods');
      for (const ordinal of [0, 1]) {
        const name = `web-${ordinal}`;
        await createStatefulSetPod(h.store, web, ordinal);
        await advancePod(h.store, NS, name, 'Scheduled');
        await advancePod(h.store, NS, name, 'ContainerCreating');
        await advancePod(h.store, NS, name, 'Running');
      }
      await watch.waitForOutput(
        (o) => o.split('\n').filter((l) => l.startsWith('web-1') && l.includes('Running')).length > 0,
      );
      await watch.kill();
      const rows = parseTable(watch.stdout).map((r) => [r.NAME, r.READY, r.STATUS, r.RESTARTS]);
      assert.deepEqual(rows, [
        ['web-0', '0/1', 'Pending', '0'],
        ['web-0', '0/1', 'Pending', '0'],
        ['web-0', '0/1', 'ContainerCreating', '0'],
        ['web-0', '1/1', 'Running', '0'],
        ['web-1', '0/1', 'Pending', '0'],
        ['web-1', '0/1', 'Pending', '0'],
        ['web-1', '0/1', 'ContainerCreating', '0'],
        ['web-1', '1/1', 'Running', '0'],
      ]);
      web = await writeStatus<StatefulSet>(h.store, 'StatefulSet', NS, 'web', (s) => ({
        ...s.status,
        replicas: 2,
        readyReplicas: 2,
        currentReplicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
      }));
      const sts = parseTable(await k.ok(['get', 'statefulset', 'web']));
      assert.equal(sts[0].READY, '2/2');
    });

    it('get pvc -l app=nginx lists the bound claims of the volumeClaimTemplates', async () => {
      const rows = parseTable(await k.ok(['get', 'pvc', '-l', 'app=nginx']));
      assert.deepEqual(
        rows.map((r) => [r.NAME, r.STATUS, r.VOLUME, r.CAPACITY, r['ACCESS MODES']]),
        [
          ['www-web-0', 'Bound', 'pvc-www-web-0', '1Gi', 'RWO'],
          ['www-web-1', 'Bound', 'pvc-www-web-1', '1Gi', 'RWO'],
        ],
      );
    });

    it("exec web-0 -- sh -c 'hostname' runs on the pod's node agent (fake agent)", async () => {
      assert.equal(await k.ok(['exec', 'web-0', '--', 'sh', '-c', 'hostname']), 'web-0\n');
      assert.equal(await k.ok(['exec', 'web-1', '--', 'sh', '-c', 'hostname']), 'web-1\n');
      const failed = await k.run(['exec', 'web-0', '--', 'sh', '-c', 'curl localhost']);
      assert.equal(failed.code, 127);
      assert.match(failed.stderr, /sh: curl localhost: not found/);
      assert.match(failed.stderr, /command terminated with exit code 127/);
    });

    it('logs web-0 prints the container output (test-written log lines)', async () => {
      await h.logs.append(NS, 'web-0', 'nginx', '10.244.0.1 - - "GET / HTTP/1.1" 200 612');
      await h.logs.append(NS, 'web-0', 'nginx', '10.244.0.1 - - "GET /favicon.ico HTTP/1.1" 404 153');
      assert.equal(
        await k.ok(['logs', 'web-0']),
        '10.244.0.1 - - "GET / HTTP/1.1" 200 612\n10.244.0.1 - - "GET /favicon.ico HTTP/1.1" 404 153\n',
      );
      assert.equal(
        await k.ok(['logs', 'web-0', '--tail=1']),
        '10.244.0.1 - - "GET /favicon.ico HTTP/1.1" 404 153\n',
      );
    });

    it('delete pod -l app=nginx waits for the node agent to finish; the watch shows Terminating, then web-0 comes back', async () => {
      const watch = k.start(['get', 'pod', '-w', '-l', 'app=nginx']);
      await watch.waitForOutput((o) => o.includes('web-1'));
      const r = await k.run(['delete', 'pod', '-l', 'app=nginx']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'pod "web-0" deleted\npod "web-1" deleted\n');
      assert.equal((await h.store.list<Pod>('Pod', { namespace: NS })).items.length, 0);
      // The StatefulSet controller's part: recreate web-0 with the same claim.
      await createStatefulSetPod(h.store, web, 0);
      await runPod(h.store, NS, 'web-0');
      await watch.waitForOutput((o) => {
        const rows = parseTable(o);
        const terminating = rows.findLastIndex((row) => row.STATUS === 'Terminating');
        return (
          terminating >= 0 &&
          rows.slice(terminating).some((row) => row.NAME === 'web-0' && row.STATUS === 'Running')
        );
      });
      await watch.kill();
      const statuses = parseTable(watch.stdout).map((row) => `${row.NAME} ${row.STATUS}`);
      assert.ok(statuses.includes('web-0 Terminating'), statuses.join('\n'));
      assert.ok(statuses.includes('web-1 Terminating'), statuses.join('\n'));
      assert.deepEqual(statuses.slice(-4), [
        'web-0 Pending',
        'web-0 Pending',
        'web-0 ContainerCreating',
        'web-0 Running',
      ]);
      const pod = (await h.store.get<Pod>('Pod', NS, 'web-0')) as Pod;
      assert.deepEqual(pod.spec.volumes?.find((v) => v.name === 'www')?.persistentVolumeClaim, {
        claimName: 'www-web-0',
      });
    });
  });

  describe('DaemonSet: history and rollback through ControllerRevisions (kube-system)', () => {
    const DS = ['-n', 'kube-system'];
    const getDs = async () =>
      (await h.store.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd-elasticsearch')) as DaemonSet;
    const settle = (updated: number) =>
      writeStatus<DaemonSet>(h.store, 'DaemonSet', 'kube-system', 'fluentd-elasticsearch', (ds) => ({
        observedGeneration: ds.metadata.generation,
        desiredNumberScheduled: 2,
        currentNumberScheduled: 2,
        numberMisscheduled: 0,
        numberReady: 2,
        updatedNumberScheduled: updated,
        numberAvailable: 2,
      }));

    it('create -f fluentd-elasticsearch.yaml; get ds -n kube-system (test-written status)', async () => {
      assert.equal(
        await k.ok(['create', '-f', 'fluentd-elasticsearch.yaml']),
        'daemonset.apps/fluentd-elasticsearch created\n',
      );
      await snapshotControllerRevision(h.store, 'DaemonSet', 'kube-system', 'fluentd-elasticsearch');
      await settle(2);
      const rows = parseTable(await k.ok(['get', 'ds', ...DS]));
      assert.deepEqual(
        rows.map(({ AGE: _, ...r }) => r),
        [
          {
            NAME: 'fluentd-elasticsearch',
            DESIRED: '2',
            CURRENT: '2',
            READY: '2',
            'UP-TO-DATE': '2',
            AVAILABLE: '2',
            'NODE SELECTOR': '<none>',
          },
        ],
      );
    });

    it('rollout history daemonset shows revision 1 without a change-cause', async () => {
      const out = await k.ok(['rollout', 'history', 'daemonset', 'fluentd-elasticsearch', ...DS]);
      assert.deepEqual(
        out
          .trimEnd()
          .split('\n')
          .map((l) => l.trimEnd()),
        ['daemonset.apps/fluentd-elasticsearch', 'REVISION  CHANGE-CAUSE', '1         <none>'],
      );
    });

    it('set image ds/… --record -n=kube-system; rollout status follows the update (test-written status)', async () => {
      assert.equal(
        await k.ok([
          'set',
          'image',
          'ds/fluentd-elasticsearch',
          'fluentd-elasticsearch=k8s.gcr.io/fluentd-elasticsearch:v2.2.0',
          '--record',
          '-n=kube-system',
        ]),
        'daemonset.apps/fluentd-elasticsearch image updated\n',
      );
      await snapshotControllerRevision(h.store, 'DaemonSet', 'kube-system', 'fluentd-elasticsearch');
      await settle(0);
      const status = k.start(['rollout', 'status', 'ds/fluentd-elasticsearch', ...DS]);
      await status.waitForOutput((o) =>
        o.includes(
          'Waiting for daemon set "fluentd-elasticsearch" rollout to finish: 0 out of 2 new pods have been updated...',
        ),
      );
      await settle(2);
      assert.equal(await status.exit, 0, status.stderr);
      assert.match(status.stdout, /daemon set "fluentd-elasticsearch" successfully rolled out\n$/);
      const history = await k.ok(['rollout', 'history', 'daemonset', 'fluentd-elasticsearch', ...DS]);
      const rev2 = history.split('\n').find((l) => l.startsWith('2 '));
      assert.ok(rev2, history);
      assert.match(
        rev2,
        /kubectl set image ds\/fluentd-elasticsearch fluentd-elasticsearch=k8s\.gcr\.io\/fluentd-elasticsearch:v2\.2\.0/,
      );
      assert.match(rev2, /--record=true/);
      assert.match(rev2, /--namespace=kube-system/);
    });

    it('get controllerrevision -l name=fluentd-elasticsearch and describe controllerrevision', async () => {
      const rows = parseTable(
        await k.ok(['get', 'controllerrevision', ...DS, '-l', 'name=fluentd-elasticsearch']),
      );
      assert.deepEqual(rows.map((r) => [r.CONTROLLER, r.REVISION]).sort(), [
        ['daemonset.apps/fluentd-elasticsearch', '1'],
        ['daemonset.apps/fluentd-elasticsearch', '2'],
      ]);
      const rev2 = rows.find((r) => r.REVISION === '2')?.NAME as string;
      assert.match(rev2, /^fluentd-elasticsearch-[bcdfghjklmnpqrstvwxz2456789]+$/);
      const out = await k.ok(['describe', 'controllerrevision', rev2, ...DS]);
      assert.match(out, new RegExp(`^Name:\\s+${rev2}$`, 'm'));
      assert.match(out, /^Namespace:\s+kube-system$/m);
      assert.match(out, /^Labels:\s+controller-revision-hash=\S+$/m);
      assert.match(out, /^\s+name=fluentd-elasticsearch$/m);
      assert.match(out, /kubernetes\.io\/change-cause:\s+kubectl set image ds\/fluentd-elasticsearch/);
      assert.match(out, /^API Version:\s+apps\/v1$/m);
      assert.match(out, /^Data:$/m);
      assert.match(out, /^\s+\$patch:\s+replace$/m);
      assert.match(out, /^\s+Image:\s+k8s\.gcr\.io\/fluentd-elasticsearch:v2\.2\.0$/m);
      assert.match(out, /^Kind:\s+ControllerRevision$/m);
      assert.match(out, /^Revision:\s+2$/m);
      assert.match(out, /^Events:\s+<none>$/m);
    });

    it('rollout undo daemonset --to-revision=1 restores the old template; again at that template it is skipped', async () => {
      assert.equal(
        await k.ok(['rollout', 'undo', 'daemonset', 'fluentd-elasticsearch', '--to-revision=1', ...DS]),
        'daemonset.apps/fluentd-elasticsearch rolled back\n',
      );
      assert.equal(image(await getDs()), 'k8s.gcr.io/fluentd-elasticsearch:1.20');
      const renumbered = await snapshotControllerRevision(
        h.store,
        'DaemonSet',
        'kube-system',
        'fluentd-elasticsearch',
      );
      assert.equal(renumbered.revision, 3);
      await settle(2);
      assert.equal(
        await k.ok(['rollout', 'undo', 'daemonset', 'fluentd-elasticsearch', '--to-revision=3', ...DS]),
        'daemonset.apps/fluentd-elasticsearch skipped rollback (current template already matches revision 3)\n',
      );
      const revisions = (
        await h.store.list<ControllerRevision>('ControllerRevision', { namespace: 'kube-system' })
      ).items;
      assert.deepEqual(revisions.map((r) => r.revision).sort(), [2, 3]);
    });
  });

  describe('MySQL StatefulSet: the three patch types and partitioned rollouts', () => {
    const getMysql = async () => (await h.store.get<StatefulSet>('StatefulSet', NS, 'mysql')) as StatefulSet;

    it("create -f mysql-statefulset.yaml; patch --type='json' replaces the first container's image", async () => {
      assert.equal(
        await k.ok(['create', '-f', 'mysql-statefulset.yaml']),
        'statefulset.apps/mysql created\n',
      );
      await snapshotControllerRevision(h.store, 'StatefulSet', NS, 'mysql');
      assert.equal(
        await k.ok([
          'patch',
          'statefulset',
          'mysql',
          '--type=json',
          '-p=[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"mysql:5.7.23"}]',
        ]),
        'statefulset.apps/mysql patched\n',
      );
      const sts = await getMysql();
      assert.equal(image(sts), 'mysql:5.7.23');
      assert.equal(sts.spec.template.spec?.containers[1].image, 'gcr.io/google-samples/xtrabackup:1.0');
      assert.equal(sts.metadata.generation, 2);
    });

    it('patch -p (strategic merge) sets the partition; the same patch again is no change', async () => {
      const patch = '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}';
      assert.equal(
        await k.ok(['patch', 'statefulset', 'mysql', '-p', patch]),
        'statefulset.apps/mysql patched\n',
      );
      const before = await getMysql();
      assert.deepEqual(before.spec.updateStrategy, {
        type: 'RollingUpdate',
        rollingUpdate: { partition: 2 },
      });
      assert.equal(
        await k.ok(['patch', 'statefulset', 'mysql', '-p', patch]),
        'statefulset.apps/mysql patched (no change)\n',
      );
      assert.equal((await getMysql()).metadata.resourceVersion, before.metadata.resourceVersion);
    });

    it('patch --type=merge changes labels; scale statefulset mysql --replicas=5', async () => {
      assert.equal(
        await k.ok([
          'patch',
          'statefulset',
          'mysql',
          '--type=merge',
          '-p',
          '{"metadata":{"labels":{"tier":"db"}}}',
        ]),
        'statefulset.apps/mysql patched\n',
      );
      assert.equal((await getMysql()).metadata.labels?.tier, 'db');
      assert.equal(
        await k.ok(['scale', 'statefulset', 'mysql', '--replicas=5']),
        'statefulset.apps/mysql scaled\n',
      );
      assert.equal((await getMysql()).spec.replicas, 5);
    });

    it('rollout status with a partition reports the partitioned roll out (test-written status)', async () => {
      const cr = await snapshotControllerRevision(h.store, 'StatefulSet', NS, 'mysql');
      await writeStatus<StatefulSet>(h.store, 'StatefulSet', NS, 'mysql', (s) => ({
        observedGeneration: s.metadata.generation,
        replicas: 5,
        readyReplicas: 5,
        currentReplicas: 2,
        updatedReplicas: 3,
        availableReplicas: 5,
        currentRevision: 'mysql-old',
        updateRevision: cr.metadata.name,
      }));
      const out = await k.ok(['rollout', 'status', 'statefulset', 'mysql']);
      assert.match(out, /partitioned roll out complete: 3 new pods have been updated\.\.\.\n$/);
      const history = await k.ok(['rollout', 'history', 'statefulset/mysql']);
      assert.deepEqual(
        history
          .split('\n')
          .slice(2)
          .filter(Boolean)
          .map((l) => l.trimEnd()),
        ['1         <none>', '2         <none>'],
      );
    });

    it('delete statefulset mysql', async () => {
      assert.equal(await k.ok(['delete', 'statefulset', 'mysql']), 'statefulset.apps "mysql" deleted\n');
      assert.equal(await h.store.get('StatefulSet', NS, 'mysql'), undefined);
    });
  });

  describe('afterwards', () => {
    it('the store still agrees with its log', async () => {
      const v = await h.store.verify();
      assert.ok(v.ok, v.mismatches.join('\n'));
    });
  });
});
