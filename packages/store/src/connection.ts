// ioredis connections for the store: commands wait through outages instead of failing, reconnects back off
// exponentially up to a cap, each retry is one log line, and commands issued in one tick share one socket write.
import type { Socket } from 'node:net';
import { type Command, Redis } from 'ioredis';

export type StoreLog = (level: 'info' | 'warn' | 'error', msg: string, fields?: object) => void;

export interface ConnectionOptions {
  url: string;
  /** CLIENT SETNAME, so `CLIENT LIST` shows who is connected. */
  name: string;
  log: StoreLog;
  /** Commands issued in the same tick leave in one socket write (see TickBatchingRedis). */
  batchPerTick?: boolean;
}

const RETRY_BASE_MS = 100;
const RETRY_CAP_MS = 3000;

export function openConnection(opts: ConnectionOptions): Redis {
  let lastError: string | undefined;
  let lost = false;
  const redis = new (opts.batchPerTick ? TickBatchingRedis : Redis)(opts.url, {
    connectionName: opts.name,
    // Commands queue while Redis is away and run once it is back; a lost reply is resolved by the caller.
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => {
      const delayMs = Math.min(RETRY_BASE_MS * 2 ** (attempt - 1), RETRY_CAP_MS);
      lost = true;
      const why = lastError ? ` (${lastError})` : '';
      opts.log('warn', `redis unreachable${why}; reconnect attempt ${attempt} in ${delayMs} ms`, {
        connection: opts.name,
        attempt,
        delayMs,
      });
      return delayMs;
    },
  });
  redis.on('error', (err: Error) => {
    lastError = err.message;
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    lastError = undefined;
    opts.log('info', 'redis connection restored', { connection: opts.name });
  });
  return redis;
}

/**
 * Concurrent writers each await their own reply, so their next commands are issued together in the tick that
 * delivers a batch of replies. Corking the socket for the rest of that tick sends them in one write syscall: on
 * this VM a syscall per command costs ~8 µs of CPU, one per batch of 8 ~2.5 µs a command. ioredis' own
 * auto-pipelining batches too, but builds a Pipeline per batch and defers every reply by a tick, which cost ~10 µs
 * more client CPU per command than corking when measured with 8 concurrent writers.
 */
class TickBatchingRedis extends Redis {
  /** The socket corked in this tick, if any (a reconnect in between must not leave its successor corked). */
  private corkedSocket?: Socket;

  /** Sends what is corked now rather than at the end of the tick. */
  sendCorked(): void {
    const socket = this.corkedSocket;
    this.corkedSocket = undefined;
    socket?.uncork();
  }

  override sendCommand(command: Command, stream?: Parameters<Redis['sendCommand']>[1]): unknown {
    if (!this.corkedSocket && this.status === 'ready' && this.stream.writable) {
      this.corkedSocket = this.stream as Socket;
      this.corkedSocket.cork();
      process.nextTick(() => this.sendCorked());
    }
    return super.sendCommand(command, stream);
  }
}

/** Sends the commands a tick-batching connection holds back for the end of this tick right away. */
export function sendNow(redis: Redis): void {
  if (redis instanceof TickBatchingRedis) redis.sendCorked();
}

/** The parts of ioredis' internals that closeConnection must reach. */
interface QueueInternals {
  flushQueue(err: Error): void;
  prevCommandQueue?: { shift(): { command: Command } | undefined } | null;
}

/**
 * Closes a connection and fails whatever still waits on it. ioredis' disconnect() while it waits to reconnect
 * cancels the reconnect but leaves queued commands pending forever, so a blocking read (a watch) issued during
 * an outage would never settle. Commands in flight when the link dropped sit in a third queue, kept for a
 * resend on reconnect, that its own flush does not reach once a reconnect has connected and dropped again.
 */
export function closeConnection(redis: Redis): void {
  redis.disconnect();
  const internals = redis as unknown as QueueInternals;
  const closed = new Error(CONNECTION_CLOSED);
  internals.flushQueue(closed);
  const parked = internals.prevCommandQueue;
  internals.prevCommandQueue = null;
  for (let item = parked?.shift(); item; item = parked?.shift()) item.command.reject(closed);
}

/** ioredis' message for commands failed by a closed connection. */
const CONNECTION_CLOSED = 'Connection is closed.';

export function whenReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}

/** The connection dropped with the command in flight (ioredis rejects such commands as closed or aborted): it may
 *  or may not have run. Anything else is an answer from Redis or a bug. */
export function isConnectionError(err: unknown): boolean {
  return err instanceof Error && (err.message === CONNECTION_CLOSED || err.name === 'AbortError');
}
