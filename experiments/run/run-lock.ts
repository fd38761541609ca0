import fs from 'node:fs';
import os from 'node:os';

export class LockedError extends Error {}

interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

/**
 * An exclusive lock on an output folder: a file created with O_EXCL holding the owner's pid and
 * host. A lock whose process no longer exists on this host is stale (a killed run) and is taken
 * over; a live one makes the second run refuse, naming the lock and its owner.
 */
export function acquireLock(lockFile: string): () => void {
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(owner), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readOwner(lockFile);
      if (holder !== null && isAlive(holder)) {
        throw new LockedError(`${lockFile}: another labelsim run (pid ${holder.pid} on ${holder.host}, started ${holder.started}) is writing this output folder; wait for it or choose another --out`);
      }
      // Stale: its process is gone. Remove it and try once more; O_EXCL settles a race with another taker.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new LockedError(`${lockFile}: could not take the lock on this output folder`);
}

function readOwner(lockFile: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockOwner;
  } catch {
    return null; // half-written by a run killed while creating it: stale
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true; // cannot tell for another machine: assume it is running
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
