// `ksim logs`: a container's output from the pods/log subresource, streamed as the node agent writes it with -f.
import { type Status, StatusError } from '@kubesim/api';
import { infoFor, objectPath } from '@kubesim/client';
import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { CliError, withErrors } from '../errors.js';
import { chooseContainer } from '../resources/containers.js';
import { parseTypeSlashName } from '../resources/resource-args.js';
import { integer } from './flags.js';

interface LogsFlags {
  container?: string;
  follow?: boolean;
  tail?: number;
  timestamps?: boolean;
  previous?: boolean;
}

export function registerLogsCommand(program: Command): void {
  program
    .command('logs')
    .description("print a container's logs")
    .argument('<pod>', 'POD or pod/POD')
    .option('-c, --container <name>', 'the container (default: the only or first one)')
    .option('-f, --follow', 'keep streaming new lines')
    .option('--tail <lines>', 'only the last N lines (-1: all)', integer, -1)
    .option('--timestamps', 'prefix each line with its RFC 3339 timestamp')
    .option('-p, --previous', "the previous instance's logs, if the container restarted")
    .action(
      withErrors(async (podArg: string, flags: LogsFlags, cmd: Command) => {
        const { client, namespace } = await commandContext(cmd);
        const name = podArg.includes('/') ? podTarget(podArg) : podArg;
        const pod = await client.get('Pod', namespace, name);
        const container = chooseContainer(pod, flags.container);
        if (container.notice) process.stderr.write(`${container.notice}\n`);
        const query = new URLSearchParams({ container: container.name });
        if (flags.follow) query.set('follow', 'true');
        if (flags.tail !== undefined && flags.tail >= 0) query.set('tailLines', String(flags.tail));
        if (flags.timestamps) query.set('timestamps', 'true');
        if (flags.previous) query.set('previous', 'true');
        const res = await client.request(
          'GET',
          `${objectPath(infoFor('Pod'), namespace, name, 'log')}?${query}`,
          { accept: '*/*' },
        );
        if (!res.ok || !res.body) {
          const text = await res.text();
          let status: Status | undefined;
          try {
            status = JSON.parse(text) as Status;
          } catch {
            throw new CliError(text || `HTTP ${res.status}`);
          }
          throw new StatusError(status);
        }
        for await (const chunk of res.body) process.stdout.write(chunk);
      }),
    );
}

function podTarget(arg: string): string {
  const { info, name } = parseTypeSlashName(arg);
  if (info.kind !== 'Pod') throw new CliError(`logs reads pods; use pod/NAME or NAME, not ${arg}`);
  return name;
}
