import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@kubesim/testing';
import { isProcessAlive } from './pid-file.js';
import { discoverServices, serviceEnv, serviceSpec } from './services.js';
import { Supervisor } from './supervisor.js';

describe('discoverServices', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ksim-services-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const withMain = (name: string) => {
    mkdirSync(join(root, 'services', name, 'src'), { recursive: true });
    writeFileSync(join(root, 'services', name, 'src', 'main.ts'), '');
  };

  it('finds nothing without a services directory', () => {
    assert.deepEqual(discoverServices(root), []);
  });

  it('starts the API first, then controllers in the agreed order, unknown services last', () => {
    for (const name of ['node-agent', 'zeta-tool', 'scheduler', 'api', 'deployment-controller', 'alpha-tool'])
      withMain(name);
    mkdirSync(join(root, 'services', 'core-controller', 'src'), { recursive: true }); // no main.ts yet
    assert.deepEqual(
      discoverServices(root).map((s) => s.name),
      ['api', 'deployment-controller', 'scheduler', 'node-agent', 'alpha-tool', 'zeta-tool'],
    );
    assert.equal(discoverServices(root)[0].entry, join(root, 'services', 'api', 'src', 'main.ts'));
  });
});

describe('serviceSpec', () => {
  let root: string;
  let sup: Supervisor | undefined;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ksim-service-run-'));
  });
  afterEach(async () => {
    await sup?.stop();
    sup = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('runs a TypeScript service with the kubesim environment', async () => {
    mkdirSync(join(root, 'services', 'probe', 'src'), { recursive: true });
    writeFileSync(
      join(root, 'services', 'probe', 'src', 'main.ts'),
      `const keys: string[] = ['REDIS_URL', 'KSIM_CLUSTER', 'KSIM_HOME', 'KSIM_TIME_SCALE', 'KSIM_API_PORT', 'PASSED_THROUGH'];
console.log('ENV ' + JSON.stringify(Object.fromEntries(keys.map((k) => [k, process.env[k]]))));
setInterval(() => {}, 1000);`,
    );
    const env = serviceEnv(
      { PASSED_THROUGH: 'yes', KSIM_CLUSTER: 'overridden' },
      { redisUrl: 'redis://127.0.0.1:1', cluster: 'c1', home: '/h', timeScale: 0.01, apiPort: 18080 },
    );
    const lines: string[] = [];
    sup = new Supervisor({ logDir: join(root, 'logs'), echo: (_, line) => lines.push(line) });
    sup.start(serviceSpec(discoverServices(root)[0], root, env));
    const line = await waitFor(() => lines.find((l) => l.startsWith('ENV ')), { timeoutMs: 15_000 });
    assert.deepEqual(JSON.parse(line.slice(4)), {
      REDIS_URL: 'redis://127.0.0.1:1',
      KSIM_CLUSTER: 'c1',
      KSIM_HOME: '/h',
      KSIM_TIME_SCALE: '0.01',
      KSIM_API_PORT: '18080',
      PASSED_THROUGH: 'yes',
    });
  });

  it('makes a service stop itself when the launcher dies without stopping it', async () => {
    writeFileSync(join(root, 'service.mjs'), 'setInterval(() => {}, 1000);');
    // A stand-in launcher that starts the service as the real one does (naming itself in KSIM_LAUNCHER_PID),
    // reports the service's pid and is then killed, possibly before the service has even loaded.
    const spec = serviceSpec({ name: 'orphan', entry: join(root, 'service.mjs') }, root, process.env);
    writeFileSync(
      join(root, 'launcher.mjs'),
      `import { spawn } from 'node:child_process';
const env = { ...process.env, KSIM_LAUNCHER_PID: String(process.pid) };
const child = spawn(${JSON.stringify(spec.command)}, ${JSON.stringify(spec.args)}, { stdio: 'ignore', detached: true, env });
console.log(child.pid);
setInterval(() => {}, 1000);`,
    );
    const launcher = spawn(process.execPath, [join(root, 'launcher.mjs')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    launcher.stdout.on('data', (d) => (out += d));
    const servicePid = Number(await waitFor(() => out.trim()));
    assert.ok(isProcessAlive(servicePid));
    launcher.kill('SIGKILL');
    await waitFor(() => !isProcessAlive(servicePid), {
      timeoutMs: 10_000,
      message: `orphaned service ${servicePid} to exit`,
    });
  });
});
