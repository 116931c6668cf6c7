import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProcessTable, readProcessTable, writeProcessTable } from './process-table.js';

describe('process table', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'ksim-table-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('reads nothing where no launcher ever ran', () => {
    assert.equal(readProcessTable(home), undefined);
  });

  it('round-trips through processes.json and leaves no staging file behind', () => {
    const table: ProcessTable = {
      cluster: 'kubesim',
      launcher: { pid: 100, status: 'Running', startedAt: '2025-01-01T00:00:00.000Z' },
      redisUrl: 'redis://127.0.0.1:6390',
      apiUrl: 'http://127.0.0.1:8080',
      kubeconfig: join(home, 'kubeconfig'),
      processes: [
        {
          name: 'redis',
          pid: 101,
          status: 'Running',
          restarts: 0,
          startedAt: '2025-01-01T00:00:00.100Z',
          command: ['redis-server'],
        },
        {
          name: 'scheduler',
          status: 'Restarting',
          restarts: 3,
          startedAt: '2025-01-01T00:00:05.000Z',
          lastExit: { code: 1, signal: null, at: '2025-01-01T00:00:06.000Z' },
          command: ['node', 'main.ts'],
        },
        {
          name: 'ghost',
          status: 'Exited',
          restarts: 0,
          lastExit: { code: null, signal: null, error: 'ENOENT', at: 'x' },
          command: ['ghost'],
        },
      ],
      updatedAt: '2025-01-01T00:00:06.000Z',
    };
    writeProcessTable(home, table);
    assert.deepEqual(readProcessTable(home), table);
    table.processes[1].status = 'Running';
    writeProcessTable(home, table);
    assert.deepEqual(readProcessTable(home), table);
    assert.deepEqual(readdirSync(home), ['processes.json']);
  });
});
