import assert from 'node:assert/strict';
import { TestRedis, uniqueName, waitFor } from '@kubesim/testing';
import { Redis } from 'ioredis';
import { ContainerLogs } from './container-logs.js';
import { ACCEPTED_CHANNEL, Channel, ExecSessions } from './exec-sessions.js';
import { tailStream } from './stream-tail.js';

describe('node channels', () => {
  let redis: TestRedis;
  before(async () => {
    redis = await TestRedis.start();
  });
  after(() => redis.destroy());

  it('carries an exec session: request to the node, stdin in, stdout and status out', async () => {
    const cluster = uniqueName('exec');
    const api = ExecSessions.connect(redis.url, cluster);
    const node = ExecSessions.connect(redis.url, cluster);
    const seen: string[] = [];
    const server = node.serve('node-1', async (req, end) => {
      seen.push(`${req.pod}/${req.container}:${req.command.join(' ')}`);
      for await (const f of end.frames()) {
        if (f.channel === Channel.stdin) await end.send(Channel.stdout, f.data.toString().toUpperCase());
        if (f.channel === Channel.close) break;
      }
      await end.send(Channel.status, JSON.stringify({ status: 'Success' }));
    });
    try {
      // Requests filed once the agent is ready are served; nothing before it is needed here.
      await server.ready;
      const { end } = await api.open('node-1', {
        namespace: 'default',
        pod: 'web-0',
        container: 'nginx',
        command: ['cat'],
        stdin: true,
        tty: false,
        attach: false,
      });
      await end.send(Channel.stdin, 'hello');
      await end.send(Channel.close, '');
      const out: string[] = [];
      for await (const f of end.frames()) {
        if (f.channel === ACCEPTED_CHANNEL) continue;
        out.push(`${f.channel}:${f.data.toString()}`);
        if (f.channel === Channel.status) break;
      }
      end.close();
      assert.deepEqual(out, ['1:HELLO', '3:{"status":"Success"}']);
      assert.ok(seen.includes('web-0/nginx:cat'));
    } finally {
      server.stop();
      api.close();
      node.close();
    }
  });

  it('a tail from "now" misses nothing that lands between its blocking reads', async () => {
    const conn = new Redis(redis.url);
    const key = `${uniqueName('tail')}:stream`;
    await conn.xadd(key, '*', 'n', 'before');
    const xreads = async () =>
      Number((await conn.info('commandstats')).match(/cmdstat_xread:calls=(\d+)/)?.[1] ?? 0);
    const startedAt = await xreads();
    let stopped = false;
    const reader = conn.duplicate();
    const tail = tailStream(reader, key, '$', () => stopped)[Symbol.asyncIterator]();
    const first = tail.next();
    // Several blocking reads have timed out and been reissued before anything lands.
    await waitFor(async () => (await xreads()) >= startedAt + 3, { timeoutMs: 20_000 });
    await conn.xadd(key, '*', 'n', 'after');
    const { value } = await first;
    assert.equal((value as [string, Buffer[]])[1][1].toString(), 'after');
    stopped = true;
    reader.disconnect();
    conn.disconnect();
  });

  it('keeps container output for tail, since and follow reads', async () => {
    const logs = ContainerLogs.connect(redis.url, uniqueName('logs'));
    try {
      const t0 = Date.now();
      for (let i = 1; i <= 5; i++)
        await logs.append('default', 'p', 'c', `line ${i}`, new Date(t0 + i * 1000));
      const all: string[] = [];
      for await (const l of logs.read('default', 'p', 'c')) all.push(l.text);
      assert.deepEqual(all, ['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
      const tail: string[] = [];
      for await (const l of logs.read('default', 'p', 'c', { tailLines: 2 })) tail.push(l.text);
      assert.deepEqual(tail, ['line 4', 'line 5']);
      const since: string[] = [];
      for await (const l of logs.read('default', 'p', 'c', { sinceTime: new Date(t0 + 4000) }))
        since.push(l.text);
      assert.deepEqual(since, ['line 4', 'line 5']);

      const ac = new AbortController();
      const followed: string[] = [];
      const done = (async () => {
        for await (const l of logs.read('default', 'p', 'c', {
          tailLines: 1,
          follow: true,
          signal: ac.signal,
        })) {
          followed.push(l.text);
          if (followed.length === 2) ac.abort();
        }
      })();
      await waitFor(() => followed.length === 1);
      await logs.append('default', 'p', 'c', 'line 6', new Date(t0 + 6000));
      await done;
      assert.deepEqual(followed, ['line 5', 'line 6']);
    } finally {
      logs.close();
    }
  });
});
