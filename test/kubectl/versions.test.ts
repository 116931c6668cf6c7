// The core kubectl command set (create, get, get -o yaml, apply, scale, set image, the three patch types,
// rollout history/undo, exec, delete) against pinned clients other than the machine's: npm layer packages from
// 1.27 to the newest published, and Debian's 1.20. Clients before 1.30 exec over SPDY/3.1, later ones over
// WebSocket; both must run the command, carry stdin and report the exit code. Each binary is fetched on first
// use (test/support/kubectl-binaries.ts); a client that cannot be had fails its suite with the reason.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deployment, Pod } from '@kubesim/api';
import { type ApiHarness, startApiHarness } from '@kubesim/api-server';
import { TestRedis, waitFor } from '@kubesim/testing';
import { parse as parseYaml } from 'yaml';
import { hostnameExec, runPod, startNodeAgent, syncDeployment } from '../support/controller-stand-ins.js';
import { Kubectl, parseTable } from '../support/kubectl.js';
import { type KubectlSource, kubectlBinary, NEWEST_NPM_KUBECTL_MINOR } from '../support/kubectl-binaries.js';

const manifest = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), 'manifests', 'nginx-deployment.yaml'),
  'utf8',
);
const NS = 'default';

interface Client {
  title: string;
  source: KubectlSource;
  /** The gitVersion prefix the fetched binary must report. */
  version: RegExp;
  /** Execs over WebSocket (1.30+) rather than SPDY/3.1. */
  websocketExec: boolean;
}

const clients: Client[] = [
  {
    title: 'npm kubectl 1.33',
    source: { from: 'npm', minor: 33 },
    version: /^v1\.33\./,
    websocketExec: true,
  },
  {
    title: 'npm kubectl 1.35',
    source: { from: 'npm', minor: 35 },
    version: /^v1\.35\./,
    websocketExec: true,
  },
  {
    title: `npm kubectl 1.${NEWEST_NPM_KUBECTL_MINOR} (newest)`,
    source: { from: 'npm', minor: NEWEST_NPM_KUBECTL_MINOR },
    version: new RegExp(`^v1\\.${NEWEST_NPM_KUBECTL_MINOR}\\.`),
    websocketExec: true,
  },
  {
    title: 'npm kubectl 1.27',
    source: { from: 'npm', minor: 27 },
    version: /^v1\.27\./,
    websocketExec: false,
  },
  {
    title: 'Debian kubectl 1.20',
    source: { from: 'debian' },
    version: /^v1\.20\./,
    websocketExec: false,
  },
];

describe('kubectl core command set across client versions', () => {
  let redis: TestRedis;

  before(async () => {
    redis = await TestRedis.start();
  });

  after(async () => {
    await redis?.destroy();
  });

  for (const client of clients) {
    describe(client.title, function () {
      this.timeout(60_000);
      let h: ApiHarness;
      let k: Kubectl;
      let agent: { stop(): void };
      const getDeployment = async () =>
        (await h.store.get<Deployment>('Deployment', NS, 'nginx-deployment')) as Deployment;
      const image = (d: Deployment) => d.spec.template.spec?.containers[0].image;

      before(async function () {
        this.timeout(300_000);
        const binary = await kubectlBinary(client.source);
        assert.match(binary.gitVersion, client.version, `${binary.path} is ${binary.gitVersion}`);
        h = await startApiHarness(redis);
        k = new Kubectl(binary, h.server.url);
        k.writeFile('nginx-deployment.yaml', manifest);
        agent = await startNodeAgent(h, 'node-1', hostnameExec);
      });

      after(async () => {
        agent?.stop();
        await k?.dispose();
        await h?.close();
      });

      it('create -f and get', async () => {
        assert.equal(
          await k.ok(['create', '-f', 'nginx-deployment.yaml', '--record']),
          'deployment.apps/nginx-deployment created\n',
        );
        const rows = parseTable(await k.ok(['get', 'deployments']));
        assert.deepEqual(
          rows.map((r) => [r.NAME, r.READY, r['UP-TO-DATE'], r.AVAILABLE]),
          [['nginx-deployment', '0/3', '0', '0']],
        );
        const dup = await k.fails(['create', '-f', 'nginx-deployment.yaml']);
        assert.match(dup, /\(AlreadyExists\).*deployments\.apps "nginx-deployment" already exists/);
      });

      it('get -o yaml', async () => {
        await syncDeployment(h.store, NS, 'nginx-deployment');
        const obj = parseYaml(await k.ok(['get', 'deploy', 'nginx-deployment', '-o', 'yaml']));
        assert.equal(obj.apiVersion, 'apps/v1');
        assert.equal(obj.kind, 'Deployment');
        assert.equal(obj.metadata.name, 'nginx-deployment');
        assert.equal(obj.spec.template.spec.containers[0].image, 'nginx:1.7.9');
        assert.equal(obj.status.readyReplicas, 3);
      });

      it('apply -f: configured, then unchanged', async () => {
        const first = await k.run(['apply', '-f', 'nginx-deployment.yaml']);
        assert.equal(first.code, 0, first.stderr);
        assert.equal(first.stdout, 'deployment.apps/nginx-deployment configured\n');
        assert.equal(
          await k.ok(['apply', '-f', 'nginx-deployment.yaml']),
          'deployment.apps/nginx-deployment unchanged\n',
        );
        const edited = manifest.replace('replicas: 3', 'replicas: 2');
        k.writeFile('nginx-deployment-2.yaml', edited);
        assert.equal(
          await k.ok(['apply', '-f', 'nginx-deployment-2.yaml']),
          'deployment.apps/nginx-deployment configured\n',
        );
        assert.equal((await getDeployment()).spec.replicas, 2);
      });

      it('scale --replicas=4', async () => {
        assert.equal(
          await k.ok(['scale', 'deployment', 'nginx-deployment', '--replicas=4']),
          'deployment.apps/nginx-deployment scaled\n',
        );
        assert.equal((await getDeployment()).spec.replicas, 4);
      });

      it('set image', async () => {
        assert.equal(
          await k.ok(['set', 'image', 'deployment/nginx-deployment', 'nginx=nginx:1.9.1', '--record']),
          'deployment.apps/nginx-deployment image updated\n',
        );
        assert.equal(image(await getDeployment()), 'nginx:1.9.1');
        await syncDeployment(h.store, NS, 'nginx-deployment');
      });

      it('patch: strategic merge (and no change on repeat), JSON patch, merge patch', async () => {
        const strategic =
          '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","imagePullPolicy":"Always"}]}}}}';
        assert.equal(
          await k.ok(['patch', 'deployment', 'nginx-deployment', '-p', strategic]),
          'deployment.apps/nginx-deployment patched\n',
        );
        const d = await getDeployment();
        assert.equal(d.spec.template.spec?.containers[0].imagePullPolicy, 'Always');
        assert.equal(image(d), 'nginx:1.9.1', 'the container list was merged by name, not replaced');
        assert.equal(
          await k.ok(['patch', 'deployment', 'nginx-deployment', '-p', strategic]),
          'deployment.apps/nginx-deployment patched (no change)\n',
        );
        assert.equal(
          await k.ok([
            'patch',
            'deployment',
            'nginx-deployment',
            '--type=json',
            '-p',
            '[{"op":"add","path":"/metadata/labels/tier","value":"web"}]',
          ]),
          'deployment.apps/nginx-deployment patched\n',
        );
        assert.equal((await getDeployment()).metadata.labels?.tier, 'web');
        assert.equal(
          await k.ok([
            'patch',
            'deployment',
            'nginx-deployment',
            '--type=merge',
            '-p',
            '{"spec":{"revisionHistoryLimit":5}}',
          ]),
          'deployment.apps/nginx-deployment patched\n',
        );
        assert.equal((await getDeployment()).spec.revisionHistoryLimit, 5);
        await syncDeployment(h.store, NS, 'nginx-deployment');
      });

      it('patch: a JSON patch that does not apply is refused with the reason', async () => {
        const stderr = await k.fails([
          'patch',
          'deployment',
          'nginx-deployment',
          '--type=json',
          '-p',
          '[{"op":"replace","path":"/spec/nothing/here","value":1}]',
        ]);
        assert.match(stderr, /\/spec\/nothing\/here/);
      });

      it('rollout history and undo (test-written ReplicaSets)', async () => {
        const history = await k.ok(['rollout', 'history', 'deployment/nginx-deployment']);
        const revisions = history
          .split('\n')
          .slice(2)
          .filter(Boolean)
          .map((l) => l.trimEnd().split(/\s{2,}/));
        assert.deepEqual(
          revisions.map((r) => r[0]),
          ['1', '2', '3'],
        );
        assert.equal(revisions[0][1], 'kubectl create --filename=nginx-deployment.yaml --record=true');
        assert.equal(
          revisions[1][1],
          'kubectl set image deployment/nginx-deployment nginx=nginx:1.9.1 --record=true',
        );
        assert.equal(
          await k.ok(['rollout', 'undo', 'deployment/nginx-deployment', '--to-revision=1']),
          'deployment.apps/nginx-deployment rolled back\n',
        );
        assert.equal(image(await getDeployment()), 'nginx:1.7.9');
        await syncDeployment(h.store, NS, 'nginx-deployment');
        assert.match(
          await k.ok(['rollout', 'undo', 'deployment/nginx-deployment', '--to-revision=4']),
          /skipped rollback \(current template already matches revision 4\)/,
        );
      });

      it(`exec over ${client.websocketExec ? 'WebSocket' : 'SPDY/3.1'}: output, stdin and the exit code`, async () => {
        await h.store.create<Pod>({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'web-0', namespace: NS, labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.9.1' }] },
        });
        await runPod(h.store, NS, 'web-0');
        const r = await k.run(['exec', 'web-0', '--', 'sh', '-c', 'hostname']);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, 'web-0\n');
        const echoed = await k.run(['exec', '-i', 'web-0', '--', 'cat'], { input: 'hello from stdin' });
        assert.equal(echoed.code, 0, echoed.stderr);
        assert.equal(echoed.stdout, 'hello from stdin');
        const failed = await k.run(['exec', 'web-0', '--', 'sh', '-c', 'nope']);
        assert.equal(failed.code, 127);
        assert.match(failed.stderr, /sh: nope: not found\n[\s\S]*command terminated with exit code 127/);
      });

      it(`exec -it in a terminal over ${client.websocketExec ? 'WebSocket' : 'SPDY/3.1'}: keystrokes and resizes`, async () => {
        // `script` gives kubectl a pseudo-terminal of 80x24; kubectl sends that size, then what is typed.
        const child = spawn(
          'script',
          ['-qfec', `stty cols 80 rows 24; exec ${k.binary.path} exec -it web-0 -- cat`, '/dev/null'],
          // Its own process group, so that kubectl goes down with script at the end.
          { env: { PATH: process.env.PATH, HOME: k.dir, KUBECONFIG: k.kubeconfigPath }, detached: true },
        );
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
        });
        try {
          await waitFor(() => out.includes('[resize 80x24]'), {
            timeoutMs: 20_000,
            message: 'the resize',
          });
          child.stdin.write('typed');
          await waitFor(() => out.includes('typed'), {
            timeoutMs: 20_000,
            message: 'the keystrokes',
          });
        } catch (err) {
          throw new Error(`${(err as Error).message}; the terminal showed: ${JSON.stringify(out)}`);
        } finally {
          process.kill(-(child.pid as number), 'SIGKILL');
        }
      });

      it('delete: a deployment at once, a pod on a node once its node agent finishes', async () => {
        // 1.35 and later name the namespace.
        assert.match(
          await k.ok(['delete', 'deployment', 'nginx-deployment']),
          /^deployment\.apps "nginx-deployment" deleted( from default namespace)?\n$/,
        );
        assert.equal(await h.store.get('Deployment', NS, 'nginx-deployment'), undefined);
        assert.match(
          await k.ok(['delete', 'pod', '-l', 'app=web']),
          /^pod "web-0" deleted( from default namespace)?\n$/,
        );
        assert.equal(await h.store.get('Pod', NS, 'web-0'), undefined);
        const gone = await k.fails(['get', 'deployment', 'nginx-deployment']);
        assert.match(gone, /\(NotFound\).*deployments\.apps "nginx-deployment" not found/);
      });

      it('the store still agrees with its log', async () => {
        const v = await h.store.verify();
        assert.ok(v.ok, v.mismatches.join('\n'));
      });
    });
  }
});
