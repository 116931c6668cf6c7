import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimPidFile, isProcessAlive, readPidFile } from './pid-file.js';

/** A pid that belonged to a process which has exited by now. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

describe('pid files', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ksim-pid-'));
    path = join(dir, 'launcher.pid');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('claims a free pid file and removes it on release', () => {
    const claim = claimPidFile(path);
    assert.ok(claim.claimed);
    assert.equal(readPidFile(path), process.pid);
    claim.release();
    assert.equal(existsSync(path), false);
  });

  it('refuses while the holder is alive', () => {
    const claim = claimPidFile(path, process.pid);
    assert.ok(claim.claimed);
    assert.deepEqual(claimPidFile(path, process.pid + 1), { claimed: false, holder: process.pid });
  });

  it('takes over a file left by a dead process', () => {
    const dead = deadPid();
    assert.equal(isProcessAlive(dead), false);
    writeFileSync(path, `${dead}\n`);
    const claim = claimPidFile(path);
    assert.ok(claim.claimed);
    assert.equal(readPidFile(path), process.pid);
  });

  it('does not delete a successor’s file on release', () => {
    const claim = claimPidFile(path);
    assert.ok(claim.claimed);
    writeFileSync(path, '999999\n');
    claim.release();
    assert.equal(readPidFile(path), 999999);
  });
});
