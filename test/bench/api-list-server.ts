// The API server of api-list.bench.ts in a process of its own, so its CPU time is measured apart from the
// client's: argv is the Redis URL and the cluster; it sends its URL once listening and answers every message
// with its CPU time so far.
import { startApiServer } from '@kubesim/api-server';
import { ContainerLogs, ExecSessions, Store } from '@kubesim/store';

const [url, cluster] = process.argv.slice(2);
const store = await Store.connect({ url, cluster });
const sessions = ExecSessions.connect(url, cluster);
const logs = ContainerLogs.connect(url, cluster);
const server = await startApiServer({ store, sessions, logs, port: 0 });
const send = (message: unknown) => process.send?.(message);
process.on('message', () => send({ cpu: process.cpuUsage() }));
process.on('disconnect', async () => {
  await server.close();
  sessions.close();
  logs.close();
  await store.close();
  process.exit(0);
});
send({ url: server.url });
