// Waits for a Redis to answer PING (a Redis still loading its AOF answers LOADING, which counts as not yet).
import { Redis } from 'ioredis';

export interface WaitForRedisOptions {
  timeoutMs: number;
  /** Checked between attempts; a returned reason ends the wait with that error (e.g. the server exited). */
  failure?: () => string | undefined;
}

export async function waitForRedis(url: string, { timeoutMs, failure }: WaitForRedisOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = failure?.();
    if (why) throw new Error(why);
    if (await pingOnce(url)) return;
    if (Date.now() > deadline)
      throw new Error(`Redis at ${url} did not answer PING within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function pingOnce(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1_000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
