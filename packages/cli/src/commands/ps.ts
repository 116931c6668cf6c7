// `ksim ps`: the processes the kubesim launcher runs, read from its process table in KSIM_HOME.

import { humanDuration } from '@kubesim/api';
import {
  isProcessAlive,
  ksimPaths,
  type ProcessTable,
  readProcessTable,
  resolveKsimHome,
} from '@kubesim/launcher';
import { type Command, Option } from 'commander';
import { formatStructured, STRUCTURED_FORMATS, type StructuredFormat } from '../output/structured.js';
import { formatTable } from '../output/table.js';

export type LauncherLookup = { running: true; table: ProcessTable } | { running: false; reason: string };

/** The process table of the launcher running in this home, or why there is none. */
export function findRunningLauncher(home: string): LauncherLookup {
  const table = readProcessTable(home);
  const start = 'start one with `pnpm start`';
  if (!table) return { running: false, reason: `no kubesim launcher has run in ${home}; ${start}` };
  const { pid, status } = table.launcher;
  if (status !== 'Running' || !isProcessAlive(pid)) {
    return {
      running: false,
      reason: `no kubesim launcher is running in ${home} (launcher pid ${pid} last reported at ${table.updatedAt}); ${start}`,
    };
  }
  return { running: true, table };
}

export function renderProcesses(table: ProcessTable, nowMs: number): string {
  const rows = table.processes.map((p) => [
    p.name,
    p.pid === undefined ? '<none>' : String(p.pid),
    p.status,
    String(p.restarts),
    p.startedAt ? humanDuration(nowMs - Date.parse(p.startedAt)) : '<unknown>',
  ]);
  return formatTable(['NAME', 'PID', 'STATUS', 'RESTARTS', 'AGE'], rows);
}

export function registerPsCommand(program: Command): void {
  program
    .command('ps')
    .description('list the processes the kubesim launcher runs (redis and every service)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(STRUCTURED_FORMATS))
    .action((opts: { output?: StructuredFormat }) => {
      const home = resolveKsimHome(process.env, process.cwd());
      const found = findRunningLauncher(ksimPaths(home).home);
      if (!found.running) {
        console.error(`ksim: ${found.reason}`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        opts.output ? formatStructured(found.table, opts.output) : renderProcesses(found.table, Date.now()),
      );
    });
}
