import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { writeKubeconfig } from './kubeconfig.js';

describe('writeKubeconfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ksim-kubeconfig-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes valid YAML whose current context points at the API server', () => {
    const path = join(dir, 'kubeconfig');
    writeKubeconfig(path, { cluster: 'kubesim', server: 'http://127.0.0.1:18080' });
    const cfg = parse(readFileSync(path, 'utf8'));
    assert.equal(cfg.apiVersion, 'v1');
    assert.equal(cfg.kind, 'Config');
    assert.equal(cfg['current-context'], 'kubesim');
    const context = cfg.contexts.find((c: { name: string }) => c.name === cfg['current-context']).context;
    const cluster = cfg.clusters.find((c: { name: string }) => c.name === context.cluster).cluster;
    assert.equal(cluster.server, 'http://127.0.0.1:18080');
    assert.equal(context.namespace, 'default');
    const user = cfg.users.find((u: { name: string }) => u.name === context.user);
    assert.deepEqual(user.user, {});
    assert.equal(statSync(path).mode & 0o777, 0o600);
  });

  it('puts a token under the user when one is given', () => {
    const path = join(dir, 'kubeconfig');
    writeKubeconfig(path, { cluster: 'dev', server: 'https://127.0.0.1:8080', token: 't0ken' });
    const cfg = parse(readFileSync(path, 'utf8'));
    assert.deepEqual(cfg.users, [{ name: 'dev-admin', user: { token: 't0ken' } }]);
    // The API's certificate is self-signed: kubectl must not try to verify it.
    assert.deepEqual(cfg.clusters[0].cluster, {
      server: 'https://127.0.0.1:8080',
      'insecure-skip-tls-verify': true,
    });
    assert.deepEqual(cfg.contexts[0], {
      name: 'dev',
      context: { cluster: 'dev', user: 'dev-admin', namespace: 'default' },
    });
  });
});
