import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Channel } from '@kubesim/store';
import { TestRedis } from '@kubesim/testing';
import WebSocket from 'ws';
import { type ApiHarness, runningPod, startApiHarness } from '../testing/api-harness.js';

/** Runs one exec over WebSocket and collects what comes back per channel. */
function exec(
  url: string,
  protocol: string,
  stdin?: string,
): Promise<{ out: Record<number, string>; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, [protocol]);
    const out: Record<number, string> = {};
    ws.on('open', () => {
      if (stdin !== undefined) {
        ws.send(Buffer.concat([Buffer.from([Channel.stdin]), Buffer.from(stdin)]));
        ws.send(Buffer.from([Channel.close, Channel.stdin]));
      }
    });
    ws.on('message', (data: Buffer) => {
      out[data[0]] = (out[data[0]] ?? '') + data.subarray(1).toString();
    });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => reject(new Error(`${res.statusCode} ${body}`)));
    });
    ws.on('error', reject);
    ws.on('close', () => resolve({ out, closed: true }));
  });
}

describe('pods/exec over WebSocket', () => {
  let redis: TestRedis;
  let h: ApiHarness;
  let agent: { ready: Promise<void>; stop(): void };
  before(async () => {
    redis = await TestRedis.start();
    h = await startApiHarness(redis);
    // The test plays the node agent of node-1: `hostname` prints the pod name, `cat` echoes stdin,
    // `false` exits 1.
    agent = h.sessions.serve('node-1', async (req, end) => {
      const [cmd] = req.command;
      if (cmd === 'cat') {
        for await (const f of end.frames()) {
          if (f.channel === Channel.stdin) await end.send(Channel.stdout, f.data);
          if (f.channel === Channel.close) break;
        }
      } else if (cmd === 'hostname') await end.send(Channel.stdout, `${req.pod}\n`);
      const failed = cmd === 'false';
      await end.send(
        Channel.status,
        JSON.stringify(
          failed
            ? {
                metadata: {},
                status: 'Failure',
                reason: 'NonZeroExitCode',
                message: 'command terminated with non-zero exit code',
                details: { causes: [{ reason: 'ExitCode', message: '1' }] },
              }
            : { metadata: {}, status: 'Success' },
        ),
      );
    });
    await agent.ready;
    await runningPod(h);
  });
  after(async () => {
    agent.stop();
    await h.close();
    await redis.destroy();
  });

  const execUrl = (query: string) =>
    `${h.server.url.replace('http', 'ws')}/api/v1/namespaces/default/pods/web-0/exec?${query}`;

  it('runs a command through the node agent and reports success on the status channel', async () => {
    const result = await exec(
      execUrl('command=hostname&container=nginx&stdout=true&stderr=true'),
      'v5.channel.k8s.io',
    );
    assert.equal(result.out[Channel.stdout], 'web-0\n');
    assert.equal(JSON.parse(result.out[Channel.status]).status, 'Success');
  });

  it('carries stdin and the exit code', async () => {
    const echoed = await exec(execUrl('command=cat&stdin=true&stdout=true'), 'v5.channel.k8s.io', 'hello');
    assert.equal(echoed.out[Channel.stdout], 'hello');
    const failed = await exec(execUrl('command=false&stdout=true'), 'v4.channel.k8s.io');
    assert.equal(JSON.parse(failed.out[Channel.status]).details.causes[0].message, '1');
  });

  it('refuses what cannot run', async () => {
    await assert.rejects(
      exec(execUrl('command=ls&container=nope'), 'v5.channel.k8s.io'),
      /400.*container nope is not valid/,
    );
    await assert.rejects(exec(execUrl('container=nginx'), 'v5.channel.k8s.io'), /400.*at least 1 command/);
    const missing = `${h.server.url.replace('http', 'ws')}/api/v1/namespaces/default/pods/nope/exec?command=ls`;
    await assert.rejects(exec(missing, 'v5.channel.k8s.io'), /404/);
  });

  it('closing the server ends the exec connections still open', async () => {
    const other = await startApiHarness(redis);
    const waiting = other.sessions.serve('node-1', async (_req, end) => {
      for await (const f of end.frames()) if (f.channel === Channel.close) break;
    });
    await waiting.ready;
    await runningPod(other);
    const ws = new WebSocket(
      `${other.server.url.replace('http', 'ws')}/api/v1/namespaces/default/pods/web-0/exec?command=cat&stdin=true&stdout=true`,
      ['v5.channel.k8s.io'],
    );
    const closed = new Promise((resolve) => ws.on('close', resolve));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    await other.close();
    await closed;
    waiting.stop();
  });

  it('refuses a SPDY upgrade without a protocol it serves, naming both lists', async () => {
    const { statusCode, body } = await new Promise<{ statusCode: number; body: string }>(
      (resolve, reject) => {
        const req = request(
          `${h.server.url}/api/v1/namespaces/default/pods/web-0/exec?command=ls&stdout=true`,
          {
            method: 'POST',
            headers: {
              Connection: 'Upgrade',
              Upgrade: 'SPDY/3.1',
              'X-Stream-Protocol-Version': 'v5.channel.k8s.io',
            },
          },
        );
        req.on('response', (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.end();
      },
    );
    assert.equal(statusCode, 400);
    assert.match(
      JSON.parse(body).message,
      /unable to negotiate protocol: client supports \[v5\.channel\.k8s\.io\], server supports \[v4\.channel\.k8s\.io v3\.channel\.k8s\.io v2\.channel\.k8s\.io\]/,
    );
  });
});
