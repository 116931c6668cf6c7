// Writes KSIM_HOME/kubeconfig so `kubectl --kubeconfig .kubesim/kubeconfig …` talks to this kubesim.
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  cluster: string;
  server: string;
  /** Sent by kubectl only over https: the API then serves a self-signed certificate, not verified. */
  token?: string;
}

export function buildKubeconfig({ cluster, server, token }: KubeconfigOptions): Record<string, unknown> {
  const user = `${cluster}-admin`;
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: cluster, cluster: token ? { server, 'insecure-skip-tls-verify': true } : { server } }],
    users: [{ name: user, user: token ? { token } : {} }],
    contexts: [{ name: cluster, context: { cluster, user, namespace: 'default' } }],
    'current-context': cluster,
    preferences: {},
  };
}

export function writeKubeconfig(path: string, opts: KubeconfigOptions): void {
  // Owner-only, as kubectl itself writes kubeconfigs: the file may carry a token.
  writeFileSync(path, stringify(buildKubeconfig(opts)), { mode: 0o600 });
}
