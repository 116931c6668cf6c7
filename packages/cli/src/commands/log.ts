// `ksim log`: the cluster's event log read straight from the store, one row per event (REVISION TYPE KIND
// NAMESPACE/NAME), optionally for one kind and following new events as they are appended.
import type { LogEvent, RawLogEvent } from '@kubesim/store';
import type { Command } from 'commander';
import { withStore } from '../context.js';
import { withErrors } from '../errors.js';
import { StreamingTable } from '../output/table.js';
import { resolveType } from '../resources/resource-args.js';
import { integer } from './flags.js';

interface LogFlags {
  from: number;
  follow?: boolean;
  kind?: string;
}

export const LOG_HEADERS = ['REVISION', 'TYPE', 'KIND', 'NAMESPACE/NAME'];

export function logRow(e: Pick<RawLogEvent, 'revision' | 'type' | 'kind' | 'key'>): string[] {
  return [String(e.revision), e.type, e.kind, e.key];
}

const keyOf = (e: LogEvent) => (e.namespace ? `${e.namespace}/${e.name}` : e.name);

export function registerLogCommand(program: Command): void {
  program
    .command('log')
    .description('print the event log (every object change, in revision order)')
    .option('--from <revision>', 'start at this revision', integer, 1)
    .option('-f, --follow', 'keep printing events as they are appended')
    .option('--kind <kind>', 'only events of this kind (any name get accepts: deploy, pods…)')
    .action(
      withErrors(async (flags: LogFlags) => {
        const kind = flags.kind ? resolveType(flags.kind)[0].kind : undefined;
        await withStore(async (store) => {
          const table = new StreamingTable();
          let header = true;
          const print = (rows: string[][]) => {
            if (rows.length === 0) return;
            process.stdout.write(table.rows(header ? [LOG_HEADERS, ...rows] : rows));
            header = false;
          };
          let last = Math.max(0, flags.from - 1);
          for await (const batch of store.readLog(last)) {
            print(batch.filter((e) => !kind || e.kind === kind).map(logRow));
            if (batch.length > 0) last = batch[batch.length - 1].revision;
          }
          if (!flags.follow) return;
          const watch = store.watch({ fromRevision: last, kinds: kind ? [kind] : undefined });
          const stop = () => watch.stop();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
          for await (const e of watch)
            print([logRow({ revision: e.revision, type: e.type, kind: e.kind, key: keyOf(e) })]);
        });
      }),
    );
}
