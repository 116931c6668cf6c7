import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKubeconfig, writeProcessTable } from '@kubesim/launcher';
import { stringify } from 'yaml';
import { readKubeconfig, resolveSettings, storeLocation } from './context.js';

describe('connection settings', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'ksim-context-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  const env = (extra: NodeJS.ProcessEnv = {}) => ({ KSIM_HOME: home, ...extra });
  const writeConfig = () =>
    writeFileSync(
      join(home, 'kubeconfig'),
      stringify(buildKubeconfig({ cluster: 'c', server: 'http://10.0.0.1:9000', token: 't0k' })),
    );

  it('reads the current context of the kubeconfig the launcher writes', () => {
    const config = buildKubeconfig({ cluster: 'kubesim', server: 'http://127.0.0.1:8081', token: 'secret' });
    assert.deepEqual(readKubeconfig(stringify(config)), {
      server: 'http://127.0.0.1:8081',
      token: 'secret',
      namespace: 'default',
      insecureSkipTlsVerify: true,
    });
  });

  const cases: [
    string,
    () => void,
    Parameters<typeof resolveSettings>[0],
    NodeJS.ProcessEnv,
    string,
    string | undefined,
  ][] = [
    ['defaults to 127.0.0.1:8080', () => {}, {}, {}, 'http://127.0.0.1:8080', undefined],
    ['uses the kubeconfig in KSIM_HOME', writeConfig, {}, {}, 'http://10.0.0.1:9000', 't0k'],
    [
      'prefers the environment',
      writeConfig,
      {},
      { KSIM_SERVER: 'http://env:1', KSIM_API_TOKEN: 'e' },
      'http://env:1',
      'e',
    ],
    [
      'prefers flags over everything',
      writeConfig,
      { server: 'http://flag:2', token: 'f' },
      { KSIM_SERVER: 'http://env:1' },
      'http://flag:2',
      'f',
    ],
  ];
  for (const [name, given, flags, extraEnv, server, token] of cases) {
    it(name, () => {
      given();
      const settings = resolveSettings(flags, env(extraEnv), '/');
      assert.equal(settings.server, server);
      assert.equal(settings.token, token);
    });
  }

  it('takes the namespace from -n, else the kubeconfig context, else default', () => {
    assert.equal(resolveSettings({}, env(), '/').namespace, 'default');
    assert.equal(resolveSettings({ namespace: 'kube-system' }, env(), '/').namespace, 'kube-system');
  });

  it('finds the event log through REDIS_URL, else the launcher process table, else the private Redis port', () => {
    assert.deepEqual(storeLocation(env(), '/'), { url: 'redis://127.0.0.1:6390', cluster: 'kubesim' });
    writeProcessTable(home, {
      cluster: 'lab',
      launcher: { pid: 1, status: 'Running', startedAt: new Date().toISOString() },
      redisUrl: 'redis://127.0.0.1:7000',
      processes: [],
      updatedAt: new Date().toISOString(),
    });
    assert.deepEqual(storeLocation(env(), '/'), { url: 'redis://127.0.0.1:7000', cluster: 'lab' });
    assert.deepEqual(storeLocation(env({ REDIS_URL: 'redis://x:1', KSIM_CLUSTER: 'other' }), '/'), {
      url: 'redis://x:1',
      cluster: 'other',
    });
  });
});
