// The API service process: connects to the cluster's Redis, makes sure the system namespaces exist and
// serves the Kubernetes REST API on KSIM_API_HOST:KSIM_API_PORT (127.0.0.1:8080 by default).
import { join } from 'node:path';
import { runService } from '@kubesim/controller-kit';
import { ContainerLogs, ExecSessions } from '@kubesim/store';
import { ensureSystemNamespaces } from './bootstrap.js';
import { compactionSettings, runCompactor } from './compactor.js';
import { startApiServer } from './http/server.js';
import { loadOrCreateServingCert } from './http/tls.js';

function port(raw: string | undefined, fallback: number): number {
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`KSIM_API_PORT must be a port number, got "${raw}"`);
  return n;
}

await runService({
  component: 'api',
  async main({ store, log, cluster, clock, signal }) {
    const url = process.env.REDIS_URL ?? '';
    const compaction = compactionSettings(process.env);
    const sessions = ExecSessions.connect(url, cluster);
    const logs = ContainerLogs.connect(url, cluster);
    await ensureSystemNamespaces(store);
    const token = process.env.KSIM_API_TOKEN || undefined;
    const tls = token
      ? await loadOrCreateServingCert(join(process.env.KSIM_HOME || '.kubesim', 'tls'))
      : undefined;
    const server = await startApiServer({
      store,
      sessions,
      logs,
      host: process.env.KSIM_API_HOST || '127.0.0.1',
      port: port(process.env.KSIM_API_PORT, 8080),
      token,
      tls,
    });
    log.info({ url: server.url }, 'kubesim API listening');
    const compacting =
      compaction.intervalMs > 0 ? runCompactor({ store, clock, log, signal, ...compaction }) : undefined;
    return async () => {
      await compacting;
      await server.close();
      sessions.close();
      logs.close();
    };
  },
});
