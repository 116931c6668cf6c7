// Shared plumbing of the node channels: their Redis connection, and a blocking tail of one stream.
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/** Commands wait through Redis outages instead of failing; errors surface as failed reads, not events. */
export function connectChannelRedis(url: string): Redis {
  const conn = new Redis(url, { maxRetriesPerRequest: null });
  conn.on('error', () => {});
  return conn;
}

export type StreamEntry = [id: string, fields: Buffer[]];

/**
 * Yields the entries of `key` after ID `after` ('$': after the last entry now), waiting for new ones, until
 * `stopped()` says so or the connection is closed.
 */
export async function* tailStream(
  conn: Redis,
  key: string,
  after: string,
  stopped: () => boolean,
): AsyncGenerator<StreamEntry> {
  // '$' means "after the last entry when this read starts": repeated on every blocking read, it would lose
  // what arrives between two reads. Pin it to an ID once.
  let last = after === '$' ? await streamEnd(conn, key, stopped) : after;
  while (last !== undefined && !stopped()) {
    const res = (await conn.xreadBuffer('BLOCK', 1000, 'STREAMS', key, last).catch(() => failed(conn))) as
      | [Buffer, [Buffer, Buffer[]][]][]
      | null
      | undefined;
    if (res === undefined) return;
    if (!res) continue;
    for (const [id, fields] of res[0][1]) {
      last = id.toString();
      yield [last, fields];
    }
  }
}

/** The stream's last ID ('0-0' while it is empty), or undefined once stopped or closed. */
export async function streamEnd(
  conn: Redis,
  key: string,
  stopped: () => boolean,
): Promise<string | undefined> {
  while (!stopped()) {
    try {
      const [newest] = await conn.xrevrange(key, '+', '-', 'COUNT', 1);
      return newest?.[0] ?? '0-0';
    } catch {
      if ((await failed(conn)) === undefined) return undefined;
    }
  }
  return undefined;
}

/**
 * After a failed read: undefined when the connection was closed (whoever closed it ends the tail), else null
 * after a pause, so a read that keeps failing is retried without spinning.
 */
async function failed(conn: Redis): Promise<null | undefined> {
  if (conn.status === 'end') return undefined;
  await sleep(100);
  return null;
}
