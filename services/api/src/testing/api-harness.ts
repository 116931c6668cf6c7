// Starts a real API server on a free port over a real Redis for tests: the store, node channels and a
// client, all under a cluster name of the suite's own.
import { KubeClient } from '@kubesim/client';
import { ContainerLogs, ExecSessions, Store } from '@kubesim/store';
import { type TestRedis, uniqueName } from '@kubesim/testing';
import { ensureSystemNamespaces } from '../bootstrap.js';
import { type ApiServer, startApiServer } from '../http/server.js';
import type { ServingCert } from '../http/tls.js';

export interface ApiHarness {
  server: ApiServer;
  store: Store;
  sessions: ExecSessions;
  logs: ContainerLogs;
  client: KubeClient;
  cluster: string;
  close(): Promise<void>;
}

export async function startApiHarness(
  redis: TestRedis,
  opts: { token?: string; tls?: ServingCert } = {},
): Promise<ApiHarness> {
  const cluster = uniqueName('api');
  const store = await Store.connect({ url: redis.url, cluster });
  const sessions = ExecSessions.connect(redis.url, cluster);
  const logs = ContainerLogs.connect(redis.url, cluster);
  await ensureSystemNamespaces(store);
  const server = await startApiServer({ store, sessions, logs, port: 0, token: opts.token, tls: opts.tls });
  const client = new KubeClient({ server: server.url, token: opts.token });
  return {
    server,
    store,
    sessions,
    logs,
    client,
    cluster,
    async close() {
      await server.close();
      sessions.close();
      logs.close();
      await store.close();
    },
  };
}

/** Pod web-0 on node-1, running its one container (as the node agent of a later wave will report it). */
export async function runningPod(h: ApiHarness): Promise<void> {
  const pod = await h.client.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-0', namespace: 'default' },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }], nodeName: 'node-1' },
  });
  await h.client.update(
    {
      ...pod,
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'nginx',
            ready: true,
            restartCount: 0,
            image: 'nginx',
            imageID: '',
            state: { running: { startedAt: new Date().toISOString() } },
          },
        ],
      },
    },
    'status',
  );
}
