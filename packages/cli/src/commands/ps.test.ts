import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProcessTable, writeProcessTable } from '@kubesim/launcher';
import { findRunningLauncher, renderProcesses } from './ps.js';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

function table(launcherPid: number, status: 'Running' | 'Stopped' = 'Running'): ProcessTable {
  return {
    cluster: 'kubesim',
    launcher: { pid: launcherPid, status, startedAt: ago(3 * 86_400_000) },
    processes: [
      {
        name: 'redis',
        pid: 4242,
        status: 'Running',
        restarts: 0,
        startedAt: ago(3 * 86_400_000),
        command: [],
      },
      { name: 'api', pid: 4243, status: 'Running', restarts: 2, startedAt: ago(182_000), command: [] },
      { name: 'scheduler', status: 'Restarting', restarts: 11, startedAt: ago(5_000), command: [] },
      { name: 'node-agent', status: 'Exited', restarts: 0, command: [] },
    ],
    updatedAt: ago(1_000),
  };
}

describe('ksim ps', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'ksim-ps-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('prints one aligned row per process with kubectl-style ages', () => {
    assert.equal(
      renderProcesses(table(1), NOW),
      [
        'NAME         PID      STATUS       RESTARTS   AGE',
        'redis        4242     Running      0          3d',
        'api          4243     Running      2          3m2s',
        'scheduler    <none>   Restarting   11         5s',
        'node-agent   <none>   Exited       0          <unknown>',
        '',
      ].join('\n'),
    );
  });

  it('finds the table of a live launcher', () => {
    writeProcessTable(home, table(process.pid));
    const found = findRunningLauncher(home);
    assert.ok(found.running);
    assert.equal(found.table.processes.length, 4);
  });

  const notRunning: [string, () => void, RegExp][] = [
    ['nothing ever ran', () => {}, /no kubesim launcher has run in .*; start one with `pnpm start`/],
    [
      'the launcher stopped',
      () => writeProcessTable(home, table(process.pid, 'Stopped')),
      /no kubesim launcher is running in/,
    ],
    [
      'the launcher died without stopping',
      () => {
        const dead = Number(spawnSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }).stdout);
        writeProcessTable(home, table(dead));
      },
      /no kubesim launcher is running in .*launcher pid \d+ last reported at/,
    ],
  ];
  for (const [name, given, reason] of notRunning) {
    it(`says no launcher is running when ${name}`, () => {
      given();
      const found = findRunningLauncher(home);
      assert.equal(found.running, false);
      assert.match(!found.running ? found.reason : '', reason);
    });
  }
});
