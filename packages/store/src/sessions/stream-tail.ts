// Shared plumbing of the node channels: their Redis connection, and a blocking tail of one stream.
import { Redis } from 'ioredis';

/** Commands wait through Redis outages instead of failing; errors surface as failed reads, not events. */
export function connectChannelRedis(url: string): Redis {
  const conn = new Redis(url, { maxRetriesPerRequest: null });
  conn.on('error', () => {});
  return conn;
}

export type StreamEntry = [id: string, fields: Buffer[]];

/** Yields the entries of `key` after ID `after`, waiting for new ones, until `stopped()` says so. */
export async function* tailStream(
  conn: Redis,
  key: string,
  after: string,
  stopped: () => boolean,
): AsyncGenerator<StreamEntry> {
  let last = after;
  while (!stopped()) {
    const res = (await conn.xreadBuffer('BLOCK', 1000, 'STREAMS', key, last).catch(() => null)) as
      | [Buffer, [Buffer, Buffer[]][]][]
      | null;
    if (!res) continue;
    for (const [id, fields] of res[0][1]) {
      last = id.toString();
      yield [last, fields];
    }
  }
}
