// `ksim exec POD -- CMD…`: runs a command in a container over the API's WebSocket exec (v5.channel.k8s.io),
// relaying stdin/stdout/stderr and terminal size, and exiting with the remote command's exit code.
import { type Status, StatusError } from '@kubesim/api';
import { infoFor, objectPath } from '@kubesim/client';
import type { Command } from 'commander';
import { commandContext, type Settings } from '../context.js';
import { CliError, withErrors } from '../errors.js';
import {
  Channel,
  closeFrame,
  decodeFrame,
  EXEC_PROTOCOL,
  type ExecStatus,
  encodeFrame,
  execQuery,
  exitCodeOf,
  resizeMessage,
} from '../exec/channels.js';
import { chooseContainer } from '../resources/containers.js';

interface ExecFlags {
  container?: string;
  stdin?: boolean;
  tty?: boolean;
}

export function registerExecCommand(program: Command): void {
  program
    .command('exec')
    .description('run a command in a container')
    .argument('<pod>', 'POD or pod/POD')
    .argument('<command...>', 'the command and its arguments, after --')
    .option('-c, --container <name>', 'the container (default: the only or first one)')
    .option('-i, --stdin', 'pass stdin to the container')
    .option('-t, --tty', 'stdin is a TTY')
    .action(
      withErrors(async (podArg: string, command: string[], flags: ExecFlags, cmd: Command) => {
        const { client, namespace, settings } = await commandContext(cmd);
        const name = podArg.replace(/^(pods?|po)\//, '');
        const pod = await client.get('Pod', namespace, name);
        const phase = pod.status?.phase;
        if (phase === 'Succeeded' || phase === 'Failed') {
          throw new CliError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
        }
        const container = chooseContainer(pod, flags.container);
        if (container.notice) process.stderr.write(`${container.notice}\n`);
        const tty = Boolean(flags.tty) && Boolean(flags.stdin) && process.stdin.isTTY === true;
        if (flags.tty && !tty)
          process.stderr.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
        const query = execQuery(command, container.name, { stdin: Boolean(flags.stdin), tty });
        const url = new URL(
          `${objectPath(infoFor('Pod'), namespace, name, 'exec')}?${query}`,
          settings.server,
        );
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        const code = await runSession(url, settings, Boolean(flags.stdin), tty);
        if (code !== 0)
          throw new CliError(`command terminated with exit code ${code}`, { exitCode: code, bare: true });
      }),
    );
}

async function runSession(url: URL, settings: Settings, stdin: boolean, tty: boolean): Promise<number> {
  const { default: WebSocket } = await import('ws');
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = settings.token
      ? { Authorization: `Bearer ${settings.token}` }
      : {};
    const ws = new WebSocket(url, [EXEC_PROTOCOL], {
      headers,
      rejectUnauthorized: !settings.insecureSkipTlsVerify,
    });
    let exitCode = 0;
    let failure: unknown;
    const restore: (() => void)[] = [];

    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => reject(refusedUpgrade(res.statusCode ?? 0, body)));
    });
    ws.on('error', (err) => reject(new CliError(`unable to upgrade connection: ${err.message}`)));
    ws.on('open', () => {
      if (tty) {
        process.stdin.setRawMode(true);
        restore.push(() => process.stdin.setRawMode(false));
        const resize = () =>
          ws.send(
            encodeFrame(
              Channel.resize,
              resizeMessage(process.stdout.columns ?? 80, process.stdout.rows ?? 24),
            ),
          );
        resize();
        process.stdout.on('resize', resize);
        restore.push(() => process.stdout.off('resize', resize));
      }
      if (stdin) {
        const onData = (chunk: Buffer) => ws.send(encodeFrame(Channel.stdin, chunk));
        const onEnd = () => ws.send(closeFrame(Channel.stdin));
        process.stdin.on('data', onData);
        process.stdin.on('end', onEnd);
        restore.push(() => {
          process.stdin.off('data', onData);
          process.stdin.off('end', onEnd);
          process.stdin.pause();
        });
      }
    });
    ws.on('message', (raw: Buffer) => {
      const { channel, data } = decodeFrame(raw);
      if (channel === Channel.stdout) process.stdout.write(data);
      else if (channel === Channel.stderr) process.stderr.write(data);
      else if (channel === Channel.status) {
        try {
          exitCode = exitCodeOf(JSON.parse(data.toString()) as ExecStatus);
        } catch (err) {
          failure = err;
        }
      }
    });
    ws.on('close', () => {
      for (const undo of restore) undo();
      if (failure) reject(failure);
      else resolve(exitCode);
    });
  });
}

/** The error an API that refused the WebSocket upgrade answered with, as kubectl reports it. */
function refusedUpgrade(code: number, body: string): unknown {
  try {
    const status = JSON.parse(body) as Status;
    if (status.kind === 'Status') return new StatusError(status);
  } catch {
    // Not a Status: report the HTTP answer itself.
  }
  return new CliError(`unable to upgrade connection: ${body.trim() || `HTTP ${code}`}`);
}
