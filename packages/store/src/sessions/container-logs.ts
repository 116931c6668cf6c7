// Container output as the node agent produces it and `kubectl logs` reads it: one capped Redis stream per
// container, so `--tail`, `--since-time`, `--timestamps` and `-f` are plain range and blocking reads.
import type { Redis } from 'ioredis';
import { closeConnection } from '../connection.js';
import { sessionKeys } from './keys.js';
import { connectChannelRedis, tailStream } from './stream-tail.js';

/** Lines kept per container, like a kubelet's rotated log file. */
const MAX_LINES = 10_000;

export interface LogLine {
  time: Date;
  text: string;
}

export interface ReadLogOptions {
  tailLines?: number;
  sinceTime?: Date;
  follow?: boolean;
  signal?: AbortSignal;
}

export class ContainerLogs {
  private readonly keys;

  private constructor(
    private readonly conn: Redis,
    cluster: string,
  ) {
    this.keys = sessionKeys(cluster);
  }

  static connect(url: string, cluster: string): ContainerLogs {
    return new ContainerLogs(connectChannelRedis(url), cluster);
  }

  async append(
    namespace: string,
    pod: string,
    container: string,
    text: string,
    time = new Date(),
  ): Promise<void> {
    const key = this.keys.containerLog(namespace, pod, container);
    await this.conn.xadd(key, 'MAXLEN', '~', String(MAX_LINES), `${time.getTime()}-*`, 't', text);
  }

  /** Forgets a container's output, as removing the pod does. */
  async remove(namespace: string, pod: string, container: string): Promise<void> {
    await this.conn.del(this.keys.containerLog(namespace, pod, container));
  }

  async *read(
    namespace: string,
    pod: string,
    container: string,
    opts: ReadLogOptions = {},
  ): AsyncGenerator<LogLine> {
    const key = this.keys.containerLog(namespace, pod, container);
    const start = opts.sinceTime ? String(opts.sinceTime.getTime()) : '-';
    let entries: [string, string[]][];
    if (opts.tailLines !== undefined) {
      entries =
        opts.tailLines > 0
          ? (await this.conn.xrevrange(key, '+', start, 'COUNT', opts.tailLines)).reverse()
          : [];
    } else {
      entries = await this.conn.xrange(key, start, '+');
    }
    let last = '0-0';
    for (const [id, fields] of entries) {
      last = id;
      yield lineOf(id, fields);
    }
    if (!opts.follow) return;
    if (last === '0-0') last = (await this.conn.xrevrange(key, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
    const reader = this.conn.duplicate();
    reader.on('error', () => {});
    const abort = () => closeConnection(reader);
    opts.signal?.addEventListener('abort', abort);
    try {
      for await (const [id, fields] of tailStream(reader, key, last, () => opts.signal?.aborted ?? false)) {
        yield lineOf(id, [fields[0].toString(), fields[1].toString()]);
      }
    } finally {
      opts.signal?.removeEventListener('abort', abort);
      closeConnection(reader);
    }
  }

  close(): void {
    closeConnection(this.conn);
  }
}

function lineOf(id: string, fields: string[]): LogLine {
  return { time: new Date(Number(id.split('-')[0])), text: fields[1] ?? '' };
}
