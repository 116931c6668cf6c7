// The launcher's process table in KSIM_HOME/processes.json: written on every change, read by `ksim ps`.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ksimPaths } from './paths.js';

export type ProcessStatus = 'Running' | 'Restarting' | 'Stopped' | 'Exited';

export interface ProcessExit {
  code: number | null;
  signal: string | null;
  /** Set when the process could not be started at all. */
  error?: string;
  at: string;
}

export interface ManagedProcess {
  name: string;
  /** Absent while no incarnation is alive or before the first spawn returned one. */
  pid?: number;
  status: ProcessStatus;
  restarts: number;
  /** When the current (or last) incarnation started. */
  startedAt?: string;
  lastExit?: ProcessExit;
  command: string[];
}

export interface ProcessTable {
  cluster: string;
  launcher: { pid: number; status: 'Running' | 'Stopped'; startedAt: string };
  redisUrl?: string;
  apiUrl?: string;
  kubeconfig?: string;
  processes: ManagedProcess[];
  updatedAt: string;
}

/** Replaces the table atomically (write then rename), so a reader never sees half a file. */
export function writeProcessTable(home: string, table: ProcessTable): void {
  const path = ksimPaths(home).processTable;
  const staging = `${path}.${process.pid}.tmp`;
  writeFileSync(staging, `${JSON.stringify(table, null, 2)}\n`);
  renameSync(staging, path);
}

/** The table last written under this home, or undefined when no launcher ever ran there. */
export function readProcessTable(home: string): ProcessTable | undefined {
  let text: string;
  try {
    text = readFileSync(ksimPaths(home).processTable, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return JSON.parse(text) as ProcessTable;
}
