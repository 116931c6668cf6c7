// Pid files with a liveness check: one launcher per KSIM_HOME, and stale files from a crashed run are reclaimed.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/** True when a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readPidFile(path: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export type PidFileClaim = { claimed: true; release: () => void } | { claimed: false; holder: number };

/**
 * Creates the pid file exclusively. If it already names a live process, that process holds it and the
 * claim fails; a file left by a dead process is replaced.
 */
export function claimPidFile(path: string, pid: number = process.pid): PidFileClaim {
  for (;;) {
    try {
      writeFileSync(path, `${pid}\n`, { flag: 'wx' });
      return { claimed: true, release: () => releasePidFile(path, pid) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readPidFile(path);
    if (holder !== undefined && holder !== pid && isProcessAlive(holder)) return { claimed: false, holder };
    removeIfPresent(path);
  }
}

/** Removes the pid file only while it still names this process, so a successor's file is never deleted. */
function releasePidFile(path: string, pid: number): void {
  if (readPidFile(path) === pid) removeIfPresent(path);
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
