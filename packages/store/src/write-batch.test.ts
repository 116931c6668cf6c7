// Group commit: writes of one tick share a script run, yet each is applied, refused and answered as if alone.
import assert from 'node:assert/strict';
import { isStatusError, type KubeObject } from '@kubesim/api';
import { TestRedis, uniqueName } from '@kubesim/testing';
import type { Redis } from 'ioredis';
import { openConnection, whenReady } from './connection.js';
import { clusterKeys } from './keys.js';
import { defineScripts } from './scripts.js';
import { serialize } from './serialize.js';
import type { Store } from './store.js';
import { configMap, connectStore, pod } from './test-support.js';
import { type ObjectWrite, WriteBatcher } from './write-batch.js';

/** Script runs Redis has served so far (ioredis sends EVAL once per connection, EVALSHA after). */
async function scriptRuns(redis: Redis): Promise<number> {
  const stats = await redis.info('commandstats');
  let calls = 0;
  for (const m of stats.matchAll(/^cmdstat_(?:eval|evalsha):calls=(\d+)/gm)) calls += Number(m[1]);
  return calls;
}

describe('WriteBatcher', () => {
  let redis: TestRedis;
  let conn: Redis;

  before(async () => {
    redis = await TestRedis.start();
    conn = openConnection({ url: redis.url, name: 'write-batch-test', log: () => {} });
    defineScripts(conn);
    await whenReady(conn);
  });
  after(async () => {
    conn.disconnect();
    await redis.destroy();
  });

  it('applies a batch in order: each write sees the ones before it', async () => {
    const keys = clusterKeys(uniqueName('batch'));
    const batcher = new WriteBatcher(conn, keys);
    const { prefix, suffix } = serialize(configMap('a'));
    const write = (event: ObjectWrite['event'], key: string, expectedRv: string, op: string) =>
      batcher.submit('ConfigMap', { event, key, expectedRv, prefix, suffix, op });
    const replies = await Promise.all([
      write('ADDED', 'default/a', '', 'op.1'),
      write('ADDED', 'default/a', '', 'op.2'),
      write('MODIFIED', 'default/a', '1', 'op.3'),
      write('MODIFIED', 'default/a', '1', 'op.4'),
      write('DELETED', 'default/missing', '1', 'op.5'),
      write('DELETED', 'default/a', '2', 'op.6'),
    ]);
    assert.deepEqual(replies[0], [0, 1]);
    assert.deepEqual(replies[1], [1], 'a second create of the key finds the first');
    assert.deepEqual(replies[2], [0, 2], 'an update expecting the revision the create got proceeds');
    assert.equal(replies[3][0], 1, 'the same expectation is stale after that update');
    assert.match(String(replies[3][1]), /"resourceVersion":"2"/);
    assert.deepEqual(replies[4], [2]);
    assert.deepEqual(replies[5], [0, 3]);
    const log = await conn.xrange(keys.log, '-', '+');
    assert.deepEqual(
      log.map(([id, fields]) => [id, fields[1]]),
      [
        ['1-0', 'ADDED ConfigMap default/a op.1'],
        ['2-0', 'MODIFIED ConfigMap default/a op.3'],
        ['3-0', 'DELETED ConfigMap default/a op.6'],
      ],
    );
    assert.equal(await conn.hlen(keys.objects('ConfigMap')), 0);
  });

  it('splits a burst into runs of at most 3 writes, applied in the order submitted', async () => {
    const keys = clusterKeys(uniqueName('batch'));
    const batcher = new WriteBatcher(conn, keys);
    const { prefix, suffix } = serialize(configMap('a'));
    const runsBefore = await scriptRuns(conn);
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        batcher.submit('ConfigMap', {
          event: 'ADDED',
          key: `default/c-${i}`,
          expectedRv: '',
          prefix,
          suffix,
          op: `op.${i}`,
        }),
      ),
    );
    assert.equal((await scriptRuns(conn)) - runsBefore, 34);
    assert.deepEqual(
      replies,
      replies.map((_, i) => [0, i + 1]),
    );
  });

  it('sends a full run at once, not at the end of the tick, so Redis works while the next one is prepared', async () => {
    const corking = openConnection({
      url: redis.url,
      name: 'write-batch-cork',
      log: () => {},
      batchPerTick: true,
    });
    defineScripts(corking);
    await whenReady(corking);
    const batcher = new WriteBatcher(corking, clusterKeys(uniqueName('batch')));
    const { prefix, suffix } = serialize(configMap('a'));
    const submit = (i: number) =>
      batcher.submit('ConfigMap', {
        event: 'ADDED',
        key: `default/c-${i}`,
        expectedRv: '',
        prefix,
        suffix,
        op: `op.${i}`,
      });
    // Corked data waits in the socket's buffer for the end of the tick; sent data has left it.
    const held = () => corking.stream.writableCorked > 0 && corking.stream.writableLength > 0;
    const first = [submit(0), submit(1), submit(2)];
    assert.ok(!held(), 'a full run is on its way before the tick ends');
    const later = submit(3);
    assert.deepEqual(await Promise.all([...first, later]), [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
    ]);
    corking.disconnect();
  });

  it('a failed script run fails every write of the batch', async () => {
    const keys = clusterKeys(uniqueName('batch'));
    await conn.set(keys.objects('ConfigMap'), 'not a hash');
    const batcher = new WriteBatcher(conn, keys);
    const { prefix, suffix } = serialize(configMap('a'));
    const outcomes = await Promise.allSettled(
      ['default/a', 'default/b'].map((key, i) =>
        batcher.submit('ConfigMap', { event: 'ADDED', key, expectedRv: '', prefix, suffix, op: `op.${i}` }),
      ),
    );
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['rejected', 'rejected'],
    );
  });
});

describe('Store group commit', () => {
  let redis: TestRedis;
  let store: Store;
  let stats: Redis;

  before(async () => {
    redis = await TestRedis.start();
    stats = openConnection({ url: redis.url, name: 'write-batch-stats', log: () => {} });
    await whenReady(stats);
  });
  after(async () => {
    stats.disconnect();
    await redis.destroy();
  });
  beforeEach(async () => {
    store = await connectStore(redis);
  });
  afterEach(async () => {
    await store.close();
  });

  it('creates issued together take one script run per kind, each with its own answer', async () => {
    await store.create(configMap('taken'));
    const runsBefore = await scriptRuns(stats);
    const outcomes = await Promise.allSettled<KubeObject>([
      store.create(configMap('first')),
      store.create(configMap('taken')),
      store.create(pod('web')),
      store.create(configMap('second')),
    ]);
    assert.equal((await scriptRuns(stats)) - runsBefore, 2, 'one run for the ConfigMaps, one for the Pod');
    const [first, taken, web, second] = outcomes;
    assert.ok(taken.status === 'rejected' && isStatusError(taken.reason));
    assert.equal(taken.reason.status.reason, 'AlreadyExists');
    assert.ok(first.status === 'fulfilled' && web.status === 'fulfilled' && second.status === 'fulfilled');
    assert.ok(
      Number(first.value.metadata.resourceVersion) < Number(second.value.metadata.resourceVersion),
      'a batch is applied in the order its writes were issued',
    );
    assert.equal(
      (await store.get('ConfigMap', 'default', 'second'))?.metadata.resourceVersion,
      second.value.metadata.resourceVersion,
    );
    assert.ok((await store.verify()).ok);
  });
});
