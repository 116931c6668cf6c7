// SPDY exec against a live API server with raw sockets: garbage after the upgrade, oversized frames and a header
// block that inflates without end each cost only their own connection; the server keeps serving.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { constants, createDeflate, deflateSync } from 'node:zlib';
import { seededRandom, TestRedis } from '@kubesim/testing';
import { type ApiHarness, runningPod, startApiHarness } from '../../testing/api-harness.js';
import { SPDY3_DICTIONARY } from './dictionary.js';
import { controlFrame, encodeHeaderBlock, FrameType } from './framing.js';

describe('pods/exec over SPDY/3.1 with hostile input', () => {
  let redis: TestRedis;
  let h: ApiHarness;
  let agent: { ready: Promise<void>; stop(): void };
  before(async () => {
    redis = await TestRedis.start();
    h = await startApiHarness(redis);
    agent = h.sessions.serve('node-1', async (_req, end) => {
      for await (const f of end.frames()) if (f.channel === 255) break;
    });
    await agent.ready;
    await runningPod(h);
  });
  after(async () => {
    agent.stop();
    await h.close();
    await redis.destroy();
  });

  /** A socket past the 101 of a SPDY exec upgrade. */
  async function upgraded(): Promise<Socket> {
    const { port } = h.server;
    const socket = connect(port, '127.0.0.1');
    socket.write(
      'POST /api/v1/namespaces/default/pods/web-0/exec?command=cat&stdin=true&stdout=true HTTP/1.1\r\n' +
        `Host: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n` +
        'X-Stream-Protocol-Version: v4.channel.k8s.io\r\nContent-Length: 0\r\n\r\n',
    );
    const head = await new Promise<string>((resolve, reject) => {
      socket.once('data', (d) => resolve(d.toString('latin1')));
      socket.once('error', reject);
    });
    assert.match(
      head,
      /^HTTP\/1\.1 101 Switching Protocols\r\n[\s\S]*X-Stream-Protocol-Version: v4\.channel\.k8s\.io/,
    );
    return socket;
  }

  const closedBy = (socket: Socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()));

  it('drops a connection that sends garbage, an oversized frame, a header bomb or a flood of streams, and goes on serving', async () => {
    const next = seededRandom(20261125);
    for (let i = 0; i < 20; i++) {
      const socket = await upgraded();
      const closed = closedBy(socket);
      socket.on('error', () => {});
      const garbage = Buffer.from(Array.from({ length: 16 + Math.floor(next() * 200) }, () => next() * 256));
      garbage[0] |= 0x80; // a control frame, so the version check sees it
      socket.end(garbage);
      await closed;
    }

    const oversized = await upgraded();
    const oversizedClosed = closedBy(oversized);
    const header = Buffer.from([0x80, 0x03, 0x00, 0x01, 0x00, 0xff, 0xff, 0xff]);
    oversized.write(header);
    await oversizedClosed;

    const bomb = await upgraded();
    const bombClosed = closedBy(bomb);
    const inflated = Buffer.alloc(8 * 1024 * 1024);
    const block = deflateSync(inflated, { dictionary: SPDY3_DICTIONARY, flush: constants.Z_SYNC_FLUSH });
    const synStream = Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]), block]);
    bomb.write(controlFrame(FrameType.synStream, 0, synStream));
    await bombClosed;

    // Opening stream after stream (kubectl opens five at most).
    const flood = await upgraded();
    const floodClosed = closedBy(flood);
    const deflate = createDeflate({ dictionary: SPDY3_DICTIONARY });
    const packed: Buffer[] = [];
    deflate.on('data', (c: Buffer) => packed.push(c));
    for (let id = 1; id < 2 * 40; id += 2) {
      deflate.write(encodeHeaderBlock({ streamtype: 'unknown' }));
      await new Promise<void>((resolve) => deflate.flush(constants.Z_SYNC_FLUSH, () => resolve()));
      const idField = Buffer.alloc(10);
      idField.writeUInt32BE(id);
      if (!flood.destroyed)
        flood.write(controlFrame(FrameType.synStream, 0, Buffer.concat([idField, ...packed.splice(0)])));
    }
    await floodClosed;
    deflate.close();

    const res = await fetch(`${h.server.url}/healthz`);
    assert.equal(await res.text(), 'ok');
  });
});
