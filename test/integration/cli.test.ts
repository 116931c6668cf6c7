// `ksim` end to end: the real CLI as a child process against the real API server over a real Redis. Where a
// command needs a controller of a later wave (rollout, exec into a running container), the test writes the
// objects those controllers would (owned ReplicaSets and ControllerRevisions, pod status) and plays the node
// agent over the exec session channel.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { controllerRef, controllerRevisionData, deepCopy, type KubeObject } from '@kubesim/api';
import { type ApiHarness, runningPod, startApiHarness } from '@kubesim/api-server';
import { Channel } from '@kubesim/store';
import { TestRedis, waitFor } from '@kubesim/testing';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

const DEPLOYMENT = (name: string, image: string, replicas = 3) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`;

const SERVICE = (name: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels:
    tier: front
spec:
  selector:
    app: ${name}
  ports:
  - port: 80
`;

describe('ksim CLI end to end', function () {
  this.timeout(90_000);
  let redis: TestRedis;
  let h: ApiHarness;
  let dir: string;
  const children: ChildProcess[] = [];

  before(async () => {
    redis = await TestRedis.start();
    h = await startApiHarness(redis);
    dir = mkdtempSync(join(tmpdir(), 'ksim-cli-'));
  });

  after(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await h.close();
    await redis.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    ...process.env,
    KSIM_HOME: join(dir, 'home'),
    REDIS_URL: redis.url,
    KSIM_CLUSTER: h.cluster,
    TZ: 'UTC',
    ...extra,
  });

  const start = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'packages/cli/src/main.ts', '--server', h.server.url, ...args],
      {
        cwd: repoRoot,
        env: env(extraEnv),
      },
    );
    children.push(child);
    const out = { stdout: '', stderr: '' };
    child.stdout?.on('data', (d: Buffer) => {
      out.stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      out.stderr += d.toString();
    });
    const done = new Promise<Result>((resolveDone) =>
      child.on('close', (code) => resolveDone({ code, ...out })),
    );
    return { child, out, done };
  };

  /** Runs ksim to completion (asynchronously: the API server lives in this process). */
  const ksim = async (
    args: string[],
    opts: { input?: string; env?: NodeJS.ProcessEnv } = {},
  ): Promise<Result> => {
    const run = start(args, opts.env);
    run.child.stdin?.end(opts.input ?? '');
    // A hung command fails on its own, naming itself and what it printed, rather than timing out the test.
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 30_000);
    const result = await run.done.finally(() => clearTimeout(timer));
    assert.notEqual(
      result.code,
      null,
      `ksim ${args.join(' ')} hung for 30 s; stdout: ${result.stdout} stderr: ${result.stderr}`,
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /, `no stack traces (ksim ${args.join(' ')})`);
    return result;
  };

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  const ok = (r: Result) => {
    assert.equal(r.code, 0, `exit 0 expected; stderr: ${r.stderr}`);
    return r.stdout;
  };

  const get = (kind: string, name: string, namespace = 'default') => h.client.get(kind, namespace, name);

  describe('create', () => {
    it('creates every document of a multi-doc file, records the command and refuses duplicates', async () => {
      const path = file(
        'nginx.yaml',
        `${DEPLOYMENT('nginx-deployment', 'nginx:1.7.9')}---\n${SERVICE('nginx')}`,
      );
      assert.equal(
        ok(await ksim(['create', '-f', path, '--record'])),
        'deployment.apps/nginx-deployment created\nservice/nginx created\n',
      );
      const d = await get('Deployment', 'nginx-deployment');
      // Global flags count as part of the command, as kubectl records --kubeconfig.
      assert.equal(
        d.metadata.annotations?.['kubernetes.io/change-cause'],
        `ksim create --server=${h.server.url} --filename=${path} --record=true`,
      );

      const again = await ksim(['create', '-f', path]);
      assert.equal(again.code, 1);
      assert.equal(
        again.stderr,
        `Error from server (AlreadyExists): error when creating "${path}": deployments.apps "nginx-deployment" already exists\n` +
          `Error from server (AlreadyExists): error when creating "${path}": services "nginx" already exists\n`,
      );
    });

    it('reads stdin, and with --dry-run=server creates nothing', async () => {
      const r = await ksim(['create', '-f', '-', '--dry-run=server'], { input: DEPLOYMENT('dry', 'nginx') });
      assert.equal(ok(r), 'deployment.apps/dry created (server dry run)\n');
      await assert.rejects(get('Deployment', 'dry'), /not found/);
    });

    it('names what is wrong with a manifest', async () => {
      const r = await ksim(['create', '-f', file('bad.yaml', 'apiVersion: v1\nmetadata: {name: x}\n')]);
      assert.equal(r.code, 1);
      assert.equal(
        r.stderr,
        `error: error validating "${join(dir, 'bad.yaml')}": error validating data: [kind not set]\n`,
      );
    });
  });

  describe('get', () => {
    it('prints the server Table with kubectl headers and spacing', async () => {
      const out = ok(await ksim(['get', 'deployments']));
      const [header, row] = out.split('\n');
      assert.equal(header, 'NAME               READY   UP-TO-DATE   AVAILABLE   AGE');
      assert.match(row, /^nginx-deployment {3}0\/3 {5}0 {12}0 {11}\d+s$/);
    });

    it('gets named objects as one table per kind', async () => {
      assert.match(
        ok(await ksim(['get', 'deploy', 'nginx-deployment'])),
        /^NAME +READY .*\nnginx-deployment +0\/3 /,
      );
      const two = ok(await ksim(['get', 'deploy/nginx-deployment', 'svc/nginx']));
      assert.match(
        two,
        /^NAME +READY .*\ndeployment\.apps\/nginx-deployment +0\/3 .*\n\nNAME +TYPE .*\nservice\/nginx +ClusterIP /,
      );
    });

    it('shows wide columns, labels and namespaces on request', async () => {
      assert.match(
        ok(await ksim(['get', 'deploy', '-o', 'wide'])),
        /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE +CONTAINERS +IMAGES +SELECTOR\nnginx-deployment .* nginx +nginx:1\.7\.9 +app=nginx-deployment\n$/,
      );
      assert.match(
        ok(await ksim(['get', 'svc', '--show-labels'])),
        /^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE +LABELS\nnginx +ClusterIP .* tier=front\n$/,
      );
      const all = ok(await ksim(['get', 'ns', '-A']));
      assert.match(all, /^NAME +STATUS +AGE\n/, 'cluster-scoped kinds get no NAMESPACE column');
      assert.match(ok(await ksim(['get', 'svc', '-A'])), /^NAMESPACE +NAME +TYPE/);
    });

    it('prints names, JSON, YAML and jsonpath', async () => {
      assert.equal(ok(await ksim(['get', 'deploy', '-o', 'name'])), 'deployment.apps/nginx-deployment\n');
      const list = JSON.parse(ok(await ksim(['get', 'deploy', '-o', 'json'])));
      assert.equal(list.kind, 'List');
      assert.equal(list.items[0].kind, 'Deployment');
      assert.equal(list.items[0].apiVersion, 'apps/v1');
      const yaml = ok(await ksim(['get', 'deployment/nginx-deployment', '-o', 'yaml']));
      assert.match(yaml, /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n/);
      assert.match(yaml, /\n {6}containers:\n {6}- image: nginx:1\.7\.9\n/);
      assert.equal(
        ok(await ksim(['get', 'deploy,svc', '-o', 'jsonpath={.items[*].metadata.name}'])),
        'nginx-deployment nginx',
      );
      assert.equal(
        ok(
          await ksim([
            'get',
            'deploy',
            'nginx-deployment',
            '-o',
            'jsonpath={.spec.template.spec.containers[0].image}',
          ]),
        ),
        'nginx:1.7.9',
      );
    });

    it('filters by label and field selectors', async () => {
      assert.match(ok(await ksim(['get', 'svc', '-l', 'tier=front'])), /\nnginx /);
      const none = await ksim(['get', 'svc', '-l', 'tier=back']);
      assert.equal(none.stdout, '');
      assert.equal(none.stderr, 'No resources found in default namespace.\n');
      assert.match(
        ok(await ksim(['get', 'deploy', '--field-selector', 'metadata.name=nginx-deployment'])),
        /\nnginx-deployment /,
      );
    });

    it('prints every kind of get all with kind-qualified names', async () => {
      const out = ok(await ksim(['get', 'all']));
      assert.match(out, /^NAME +TYPE +CLUSTER-IP .*\nservice\/nginx +ClusterIP/);
      assert.match(
        out,
        /\n\nNAME +READY +UP-TO-DATE +AVAILABLE +AGE\ndeployment\.apps\/nginx-deployment +0\/3/,
      );
    });

    it('reports missing objects and unknown types like kubectl, with exit code 1', async () => {
      const missing = await ksim(['get', 'deploy', 'nope']);
      assert.deepEqual(
        [missing.code, missing.stdout, missing.stderr],
        [1, '', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
      );
      const unknown = await ksim(['get', 'widgets']);
      assert.deepEqual(
        [unknown.code, unknown.stderr],
        [1, 'error: the server doesn\'t have a resource type "widgets"\n'],
      );
    });

    it('watches with -w, printing a row per event', async () => {
      await h.client.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'watched-0', namespace: 'default' },
        spec: { containers: [{ name: 'c', image: 'busybox' }] },
      });
      const watch = start(['get', 'pods', '-w']);
      await waitFor(() => watch.out.stdout.includes('watched-0'), { timeoutMs: 20_000 });
      assert.match(watch.out.stdout, /^NAME +READY +STATUS +RESTARTS +AGE\nwatched-0 /);
      await h.client.patch('Pod', 'default', 'watched-0', 'merge', { metadata: { labels: { seen: 'yes' } } });
      await h.client.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'watched-1', namespace: 'default' },
        spec: { containers: [{ name: 'c', image: 'busybox' }] },
      });
      await waitFor(
        () =>
          watch.out.stdout.match(/^watched-0 /gm)?.length === 2 && watch.out.stdout.includes('\nwatched-1 '),
        { timeoutMs: 20_000 },
      );
      assert.equal(watch.out.stdout.match(/^NAME /gm)?.length, 1, 'the header prints once');
      watch.child.kill('SIGTERM');
      await watch.done;
    });
  });

  describe('apply', () => {
    it('creates, leaves unchanged, then configures with a three-way patch', async () => {
      const path = file('web.yaml', DEPLOYMENT('web', 'nginx:1.9.1', 2));
      assert.equal(ok(await ksim(['apply', '-f', path])), 'deployment.apps/web created\n');
      const created = await get('Deployment', 'web');
      const lastApplied = JSON.parse(
        created.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] ?? '{}',
      );
      assert.deepEqual(lastApplied.metadata, {
        annotations: {},
        labels: { app: 'web' },
        name: 'web',
        namespace: 'default',
      });

      assert.equal(ok(await ksim(['apply', '-f', path])), 'deployment.apps/web unchanged\n');
      const unchanged = await get('Deployment', 'web');
      assert.equal(
        unchanged.metadata.resourceVersion,
        created.metadata.resourceVersion,
        'no request for an unchanged manifest',
      );

      // A label someone else added survives; the image change goes through.
      await h.client.patch('Deployment', 'default', 'web', 'merge', {
        metadata: { labels: { team: 'ops' } },
      });
      writeFileSync(path, DEPLOYMENT('web', 'nginx:1.10.0', 2));
      assert.equal(ok(await ksim(['apply', '-f', path])), 'deployment.apps/web configured\n');
      const configured = await get('Deployment', 'web');
      assert.equal(configured.spec.template.spec.containers[0].image, 'nginx:1.10.0');
      assert.deepEqual(configured.metadata.labels, { app: 'web', team: 'ops' });
    });
  });

  describe('scale, set image, patch, edit', () => {
    it('scales through the /scale subresource', async () => {
      assert.equal(
        ok(await ksim(['scale', 'deployment/web', '--replicas=4'])),
        'deployment.apps/web scaled\n',
      );
      assert.equal((await get('Deployment', 'web')).spec.replicas, 4);
    });

    it('sets an image with --record and refuses an unknown container', async () => {
      assert.equal(
        ok(await ksim(['set', 'image', 'deployment/web', 'nginx=nginx:1.11.0', '--record'])),
        'deployment.apps/web image updated\n',
      );
      const d = await get('Deployment', 'web');
      assert.equal(d.spec.template.spec.containers[0].image, 'nginx:1.11.0');
      assert.equal(
        d.metadata.annotations?.['kubernetes.io/change-cause'],
        `ksim set image deployment/web nginx=nginx:1.11.0 --server=${h.server.url} --record=true`,
      );
      const bad = await ksim(['set', 'image', 'deploy', 'web', 'sidecar=x']);
      assert.deepEqual([bad.code, bad.stderr], [1, 'error: unable to find container named "sidecar"\n']);
    });

    it('patches with the three patch types and says when nothing changed', async () => {
      assert.equal(
        ok(await ksim(['patch', 'deploy', 'web', '-p', '{"spec":{"minReadySeconds":5}}'])),
        'deployment.apps/web patched\n',
      );
      assert.equal(
        ok(await ksim(['patch', 'deploy', 'web', '-p', '{"spec":{"minReadySeconds":5}}'])),
        'deployment.apps/web patched (no change)\n',
      );
      assert.equal(
        ok(
          await ksim([
            'patch',
            'deploy/web',
            '--type',
            'merge',
            '-p',
            'metadata: {labels: {patched: merge}}',
          ]),
        ),
        'deployment.apps/web patched\n',
      );
      const json =
        '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.12.0"}]';
      assert.equal(
        ok(await ksim(['patch', 'deploy', 'web', '--type=json', '-p', json])),
        'deployment.apps/web patched\n',
      );
      const d = await get('Deployment', 'web');
      assert.deepEqual(
        [d.spec.minReadySeconds, d.metadata.labels?.patched, d.spec.template.spec.containers[0].image],
        [5, 'merge', 'nginx:1.12.0'],
      );
    });

    it('edits in $KUBE_EDITOR and cancels when nothing changed', async () => {
      const editor = file('editor.sh', '#!/bin/sh\nsed -i "s/nginx:1.12.0/nginx:1.13.0/" "$1"\n');
      chmodSync(editor, 0o755);
      assert.equal(
        ok(await ksim(['edit', 'deployment/web'], { env: { KUBE_EDITOR: editor } })),
        'deployment.apps/web edited\n',
      );
      assert.equal((await get('Deployment', 'web')).spec.template.spec.containers[0].image, 'nginx:1.13.0');
      assert.equal(
        ok(await ksim(['edit', 'deployment/web'], { env: { KUBE_EDITOR: 'true' } })),
        'Edit cancelled, no changes made.\n',
      );
    });
  });

  describe('describe', () => {
    it('describes a Deployment with its ReplicaSets and Events', async () => {
      const d = await get('Deployment', 'nginx-deployment');
      const rs = await h.client.create(
        replicaSet(
          d,
          'nginx-deployment-5c689d88bb',
          '1',
          d.spec.template.spec.containers[0].image,
          undefined,
          3,
        ),
      );
      await h.client.update({ ...rs, status: { replicas: 3 } }, 'status');
      await h.client.create({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'nginx-deployment.1', namespace: 'default' },
        involvedObject: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'nginx-deployment',
          namespace: 'default',
          uid: d.metadata.uid,
        },
        reason: 'ScalingReplicaSet',
        message: 'Scaled up replica set nginx-deployment-5c689d88bb to 3',
        type: 'Normal',
        count: 1,
        source: { component: 'deployment-controller' },
        firstTimestamp: new Date().toISOString(),
        lastTimestamp: new Date().toISOString(),
      });
      const out = ok(await ksim(['describe', 'deployment', 'nginx-deployment']));
      assert.match(
        out,
        /^Name: {19}nginx-deployment\nNamespace: {14}default\nCreationTimestamp: {6}\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000\n/,
      );
      assert.match(
        out,
        /\nReplicas: {15}3 desired \| 0 updated \| 0 total \| 0 available \| 0 unavailable\n/,
      );
      assert.match(
        out,
        /\nPod Template:\n {2}Labels: {2}app=nginx-deployment\n {2}Containers:\n {3}nginx:\n {4}Image: {9}nginx:1\.7\.9\n/,
      );
      // Without conditions, these two lines share a column block with the pod template above (Go's tabwriter).
      assert.match(
        out,
        /\n {2}Tolerations: {5}<none>\nOldReplicaSets: {4}<none>\nNewReplicaSet: {5}nginx-deployment-5c689d88bb \(3\/3 replicas created\)\n/,
      );
      assert.match(
        out,
        /\nEvents:\n {2}Type {4}Reason {13}Age {3}From {19}Message\n {2}-{4} {4}-{6} {13}-{4}.*\n {2}Normal {2}ScalingReplicaSet {2}\d+s +deployment-controller {2}Scaled up replica set nginx-deployment-5c689d88bb to 3\n$/,
      );
    });

    it('describes pods, services, the generic fallback and a selection by label', async () => {
      assert.match(
        ok(await ksim(['describe', 'pod', 'watched-0'])),
        /^Name: +watched-0\n[\s\S]*\nNode: +<none>\n[\s\S]*\nQoS Class: +BestEffort\n[\s\S]*Events: +<none>\n$/,
      );
      assert.match(
        ok(await ksim(['describe', 'svc/nginx'])),
        /\nSelector: +app=nginx\nType: +ClusterIP\n[\s\S]*\nEndpoints: +<none>\n/,
      );
      assert.match(
        ok(await ksim(['describe', 'ns', 'default'])),
        /^Name: +default\nNamespace: +\nLabels: +kubernetes\.io\/metadata\.name=default\n/,
      );
      const both = ok(await ksim(['describe', 'pods', '-l', 'seen=yes']));
      assert.match(both, /^Name: +watched-0\n/);
      assert.match(
        ok(await ksim(['describe', 'pods', 'watched'])),
        /^Name: +watched-0\n[\s\S]*\n\n\nName: +watched-1\n/,
        'a name prefix describes every match',
      );
      const missing = await ksim(['describe', 'deploy', 'nope']);
      assert.deepEqual(
        [missing.code, missing.stderr],
        [1, 'Error from server (NotFound): deployments.apps "nope" not found\n'],
      );
    });
  });

  describe('rollout (with the ReplicaSets and ControllerRevisions controllers would write)', () => {
    before(async () => {
      const path = file('history.yaml', DEPLOYMENT('history', 'nginx:1.7.9'));
      ok(await ksim(['create', '-f', path]));
      const d = await get('Deployment', 'history');
      // Three revisions like the seed walkthrough; the Deployment is now at revision 3 (nginx:1.91).
      await h.client.create(
        replicaSet(
          d,
          'history-1111',
          '1',
          'nginx:1.7.9',
          'ksim create --filename=history.yaml --record=true',
        ),
      );
      await h.client.create(
        replicaSet(
          d,
          'history-2222',
          '2',
          'nginx:1.9.1',
          'ksim set image deployment/history nginx=nginx:1.9.1 --record=true',
        ),
      );
      await h.client.create(replicaSet(d, 'history-3333', '3', 'nginx:1.91'));
      await h.client.patch('Deployment', 'default', 'history', 'json', [
        { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:1.91' },
        { op: 'add', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '3' } },
      ]);
    });

    it('prints the history and one revision', async () => {
      assert.equal(
        ok(await ksim(['rollout', 'history', 'deployment/history'])),
        [
          'deployment.apps/history ',
          'REVISION  CHANGE-CAUSE',
          '1         ksim create --filename=history.yaml --record=true',
          '2         ksim set image deployment/history nginx=nginx:1.9.1 --record=true',
          '3         <none>',
          '',
          '',
        ].join('\n'),
      );
      const two = ok(await ksim(['rollout', 'history', 'deploy/history', '--revision=2']));
      assert.match(
        two,
        /^deployment\.apps\/history with revision #2\nPod Template:\n {2}Labels:\tapp=history\n\tpod-template-hash=2222\n {2}Annotations:\tkubernetes\.io\/change-cause: ksim set image/,
      );
      assert.match(two, /\n {4}Image:\tnginx:1\.9\.1\n/);
    });

    it('undoes to a revision, skips when already there, and refuses unknown revisions', async () => {
      assert.equal(
        ok(await ksim(['rollout', 'undo', 'deployment/history', '--to-revision=2'])),
        'deployment.apps/history rolled back\n',
      );
      const d = await get('Deployment', 'history');
      assert.equal(d.spec.template.spec.containers[0].image, 'nginx:1.9.1');
      assert.equal(d.spec.template.metadata.labels['pod-template-hash'], undefined);
      assert.equal(
        d.metadata.annotations?.['kubernetes.io/change-cause'],
        'ksim set image deployment/history nginx=nginx:1.9.1 --record=true',
      );
      assert.equal(
        ok(await ksim(['rollout', 'undo', 'deployment/history', '--to-revision=2'])),
        'deployment.apps/history skipped rollback (current template already matches revision 2)\n',
      );
      const missing = await ksim(['rollout', 'undo', 'deployment/history', '--to-revision=9']);
      assert.deepEqual(
        [missing.code, missing.stderr],
        [1, 'error: unable to find specified revision 9 in history\n'],
      );
    });

    it('pauses, refuses to pause twice or undo while paused, resumes and restarts', async () => {
      assert.equal(
        ok(await ksim(['rollout', 'pause', 'deployment/history'])),
        'deployment.apps/history paused\n',
      );
      const twice = await ksim(['rollout', 'pause', 'deployment/history']);
      assert.deepEqual(
        [twice.code, twice.stderr],
        [1, 'error: deployments.apps "history" is already paused\n'],
      );
      const undo = await ksim(['rollout', 'undo', 'deployment/history']);
      assert.match(undo.stderr, /^error: you cannot rollback a paused deployment; resume it first/);
      assert.equal(
        ok(await ksim(['rollout', 'resume', 'deployment/history'])),
        'deployment.apps/history resumed\n',
      );
      assert.equal((await get('Deployment', 'history')).spec.paused, undefined);
      assert.equal(
        ok(await ksim(['rollout', 'restart', 'deployment/history'])),
        'deployment.apps/history restarted\n',
      );
      assert.match(
        (await get('Deployment', 'history')).spec.template.metadata.annotations[
          'kubectl.kubernetes.io/restartedAt'
        ],
        /^\d{4}-\d\d-\d\dT/,
      );
    });

    it('waits in rollout status until the status says the rollout is done', async () => {
      const d = await get('Deployment', 'history');
      const setStatus = async (status: Record<string, unknown>) => {
        const current = await get('Deployment', 'history');
        await h.client.update(
          { ...current, status: { observedGeneration: d.metadata.generation, ...status } },
          'status',
        );
      };
      await setStatus({ replicas: 3, updatedReplicas: 3, availableReplicas: 1 });
      const status = start(['rollout', 'status', 'deployment/history']);
      await waitFor(() => status.out.stdout.includes('1 of 3 updated replicas are available'), {
        timeoutMs: 20_000,
      });
      await setStatus({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
      const result = await status.done;
      assert.equal(result.code, 0);
      assert.equal(
        result.stdout.split('\n').filter(Boolean).at(-1),
        'deployment "history" successfully rolled out',
      );
      assert.match(
        result.stdout,
        /^Waiting for deployment "history" rollout to finish: 1 of 3 updated replicas are available\.\.\.\n/,
      );
    });

    it('rolls a DaemonSet back with its ControllerRevision data', async () => {
      const ds = await h.client.create({
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'fluentd', namespace: 'default' },
        spec: {
          selector: { matchLabels: { name: 'fluentd' } },
          template: {
            metadata: { labels: { name: 'fluentd' } },
            spec: { containers: [{ name: 'fluentd', image: 'fluentd:v2' }] },
          },
        },
      });
      const older = deepCopy(ds.spec.template);
      older.spec.containers[0].image = 'fluentd:v1';
      for (const [revision, template] of [
        [1, older],
        [2, ds.spec.template],
      ] as const) {
        await h.client.create({
          apiVersion: 'apps/v1',
          kind: 'ControllerRevision',
          metadata: {
            name: `fluentd-${revision}`,
            namespace: 'default',
            labels: { name: 'fluentd' },
            annotations: revision === 1 ? { 'kubernetes.io/change-cause': 'first' } : {},
            ownerReferences: [controllerRef(ds)],
          },
          revision,
          data: JSON.parse(controllerRevisionData(template)),
        });
      }
      assert.equal(
        ok(await ksim(['rollout', 'history', 'ds/fluentd'])),
        'daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n1         first\n2         <none>\n\n',
      );
      assert.equal(
        ok(await ksim(['rollout', 'undo', 'daemonset/fluentd'])),
        'daemonset.apps/fluentd rolled back\n',
      );
      assert.equal((await get('DaemonSet', 'fluentd')).spec.template.spec.containers[0].image, 'fluentd:v1');
      assert.equal(
        ok(await ksim(['rollout', 'undo', 'daemonset/fluentd', '--to-revision=1'])),
        'daemonset.apps/fluentd skipped rollback (current template already matches revision 1)\n',
      );
    });
  });

  describe('logs and exec (the test plays the node agent)', () => {
    let agent: { ready: Promise<void>; stop(): void };
    before(async () => {
      agent = h.sessions.serve('node-1', async (req, end) => {
        const [cmd, ...args] = req.command;
        if (cmd === 'cat') {
          for await (const f of end.frames()) {
            if (f.channel === Channel.stdin) await end.send(Channel.stdout, f.data);
            if (f.channel === Channel.close) break;
          }
        } else if (cmd === 'hostname') await end.send(Channel.stdout, `${req.pod}\n`);
        else if (cmd === 'sh') await end.send(Channel.stderr, `sh: ${args.join(' ')}\n`);
        const code = cmd === 'sh' ? 3 : 0;
        await end.send(
          Channel.status,
          JSON.stringify(
            code === 0
              ? { metadata: {}, status: 'Success' }
              : {
                  metadata: {},
                  status: 'Failure',
                  reason: 'NonZeroExitCode',
                  message: `command terminated with non-zero exit code: exit code ${code}`,
                  details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
                },
          ),
        );
      });
      await agent.ready;
      await runningPod(h);
      for (const line of ['starting nginx', 'listening on :80', 'GET / 200'])
        await h.logs.append('default', 'web-0', 'nginx', line);
    });
    after(() => agent.stop());

    it('prints logs, the last lines with --tail, and follows with -f', async () => {
      assert.equal(ok(await ksim(['logs', 'web-0'])), 'starting nginx\nlistening on :80\nGET / 200\n');
      assert.equal(ok(await ksim(['logs', 'web-0', '--tail=1'])), 'GET / 200\n');
      const follow = start(['logs', '-f', 'web-0', '-c', 'nginx']);
      await waitFor(() => follow.out.stdout.includes('GET / 200'), { timeoutMs: 20_000 });
      await h.logs.append('default', 'web-0', 'nginx', 'GET /healthz 200');
      await waitFor(() => follow.out.stdout.includes('GET /healthz 200\n'), { timeoutMs: 20_000 });
      follow.child.kill('SIGTERM');
      await follow.done;
    });

    it('runs commands with exec, passing stdin and the exit code', async () => {
      assert.equal(ok(await ksim(['exec', 'web-0', '--', 'hostname'])), 'web-0\n');
      assert.equal(
        ok(await ksim(['exec', '-i', 'web-0', '--', 'cat'], { input: 'hello from stdin' })),
        'hello from stdin',
      );
      const failed = await ksim(['exec', 'web-0', '-c', 'nginx', '--', 'sh', '-c', 'exit 3']);
      assert.equal(failed.code, 3);
      assert.equal(failed.stderr, 'sh: -c exit 3\ncommand terminated with exit code 3\n');
      const refused = await ksim(['exec', 'web-0', '-c', 'nope', '--', 'ls']);
      assert.deepEqual(
        [refused.code, refused.stderr],
        [1, 'error: container nope is not valid for pod web-0\n'],
      );
    });
  });

  describe('delete', () => {
    it('deletes by name and waits for the object to be gone', async () => {
      assert.equal(ok(await ksim(['delete', 'deployment', 'web'])), 'deployment.apps "web" deleted\n');
      await assert.rejects(get('Deployment', 'web'), /not found/);
    });

    it('deletes by label selector and by file, and reports missing objects', async () => {
      assert.equal(ok(await ksim(['delete', 'pods', '-l', 'seen=yes'])), 'pod "watched-0" deleted\n');
      const path = file('gone.yaml', `${DEPLOYMENT('gone', 'nginx')}---\n${SERVICE('gone')}`);
      ok(await ksim(['create', '-f', path]));
      assert.equal(
        ok(await ksim(['delete', '-f', path])),
        'deployment.apps "gone" deleted\nservice "gone" deleted\n',
      );
      const missing = await ksim(['delete', 'svc', 'gone']);
      assert.deepEqual(
        [missing.code, missing.stderr],
        [1, 'Error from server (NotFound): services "gone" not found\n'],
      );
      const noName = await ksim(['delete', 'svc']);
      assert.deepEqual(
        [noName.code, noName.stderr],
        [1, 'error: resource(s) were provided, but no name was specified\n'],
      );
    });
  });

  describe('simulation commands', () => {
    it('adds, lists, describes and removes nodes', async () => {
      assert.equal(
        ok(
          await ksim([
            'nodes',
            'add',
            'node-a',
            '--cpu',
            '2',
            '--memory',
            '4Gi',
            '--taint',
            'dedicated=db:NoSchedule',
            '--label',
            'zone=a',
          ]),
        ),
        'node/node-a created\n',
      );
      const node = await h.client.get('Node', undefined, 'node-a');
      assert.deepEqual(node.status?.capacity, { cpu: '2', memory: '4Gi', pods: '110' });
      assert.deepEqual(node.status?.allocatable, { cpu: '2', memory: '4Gi', pods: '110' });
      assert.equal(node.metadata.labels?.['kubernetes.io/hostname'], 'node-a');
      assert.equal(node.metadata.labels?.['kubernetes.io/os'], 'linux');
      assert.deepEqual(node.spec?.taints, [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
      assert.match(ok(await ksim(['nodes', 'list'])), /^NAME +STATUS +ROLES +AGE +VERSION\nnode-a /);
      assert.match(
        ok(await ksim(['describe', 'node', 'node-a'])),
        /\nTaints: +dedicated=db:NoSchedule\n[\s\S]*\nCapacity:\n {2}cpu: +2\n {2}memory: +4Gi\n/,
      );
      assert.equal(ok(await ksim(['nodes', 'remove', 'node-a'])), 'node "node-a" deleted\n');
      const bad = await ksim(['nodes', 'add', 'node-b', '--taint', 'x:Sometimes']);
      assert.deepEqual(
        [bad.code, bad.stderr],
        [1, 'error: invalid taint effect: Sometimes, unsupported taint effect\n'],
      );
    });

    it('tails the event log, shows a past revision and verifies the fold', async () => {
      ok(await ksim(['create', '-f', file('past.yaml', DEPLOYMENT('past', 'nginx:1.7.9', 1))]));
      const log = ok(await ksim(['log', '--kind', 'deploy']));
      const lines = log.trimEnd().split('\n');
      assert.match(lines[0], /^REVISION +TYPE +KIND +NAMESPACE\/NAME$/);
      assert.ok(
        lines.slice(1).every((l) => /^\d+ +(ADDED|MODIFIED|DELETED) +Deployment +default\/\S+$/.test(l)),
      );
      assert.match(log, /\n\d+ +ADDED +Deployment +default\/past\n/);

      const before = await h.store.revision();
      ok(await ksim(['scale', 'deploy/past', '--replicas=7']));
      assert.equal(
        ok(await ksim(['at', String(before), 'get', 'deploy', 'past', '-o', 'jsonpath={.spec.replicas}'])),
        '1',
      );
      assert.equal(ok(await ksim(['get', 'deploy', 'past', '-o', 'jsonpath={.spec.replicas}'])), '7');
      assert.match(
        ok(await ksim(['at', String(before), 'get', 'deployments'])),
        // The past prints with the API server's own columns; `past` still had its one replica then.
        /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\n(.*\n)*past +0\/1 +\d+ +\d+ +\d+s\n/,
      );
      const future = await ksim(['at', String(before + 10_000), 'get', 'deploy']);
      assert.equal(future.code, 1);
      assert.match(
        future.stderr,
        /^error: revision \d+ is in the future: the event log is at revision \d+\n$/,
      );

      const follow = start(['log', '-f', '--from', String(before + 1)]);
      await waitFor(() => follow.out.stdout.includes('default/past'), { timeoutMs: 20_000 });
      await h.client.patch('Deployment', 'default', 'past', 'merge', {
        metadata: { labels: { followed: 'yes' } },
      });
      const rev = await h.store.revision();
      await waitFor(() => follow.out.stdout.includes(`\n${rev} `), { timeoutMs: 20_000 });
      follow.child.kill('SIGTERM');
      await follow.done;

      assert.match(
        ok(await ksim(['verify'])),
        /^OK: the event log folds to the projection at revision \d+\n$/,
      );

      // Last in the file: compaction takes the start of the log that time travel and verify fold.
      const compacted = await h.store.compact(0);
      const trimmed = await ksim(['at', String(before), 'get', 'deploy']);
      assert.equal(trimmed.code, 1);
      assert.equal(
        trimmed.stderr,
        `error: the cluster at revision ${before} needs the event log from its start, but it is compacted up to revision ${compacted} (the API compacts it, keeping KSIM_COMPACTION_RETAIN revisions; KSIM_COMPACTION_INTERVAL=0 keeps it whole)\n`,
      );
      assert.match((await ksim(['verify'])).stderr, /^error: verify needs the event log from its start/);
    });
  });
});

/** A ReplicaSet as the Deployment controller writes it: controller-owned, hash-labelled, revision-annotated. */
function replicaSet(
  owner: KubeObject,
  name: string,
  revision: string,
  image: string,
  cause?: string,
  replicas = 0,
): KubeObject {
  const hash = name.split('-').pop() ?? '';
  const app = owner.metadata.name ?? '';
  const template = deepCopy(owner.spec.template);
  template.metadata.labels = { ...template.metadata.labels, 'pod-template-hash': hash };
  template.spec.containers[0].image = image;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      labels: { app, 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/revision': revision,
        'deployment.kubernetes.io/desired-replicas': '3',
        ...(cause ? { 'kubernetes.io/change-cause': cause } : {}),
      },
      ownerReferences: [controllerRef(owner)],
    },
    spec: { replicas, selector: { matchLabels: { app, 'pod-template-hash': hash } }, template },
  };
}
