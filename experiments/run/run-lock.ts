import fs from 'node:fs';
import os from 'node:os';

export class LockedError extends Error {}

interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

/** A takeover guard older than this was left by a process killed while taking over; it is cleared. */
const GUARD_STALE_MS = 10_000;

/**
 * An exclusive lock on an output folder: a file holding the owner's pid and host. It appears with
 * its whole content at once (written beside, then hard-linked into place, which fails if a lock
 * exists), so a live run's lock is never seen half-written. A lock whose process no longer exists
 * on this host is stale (a killed run), and so is one that does not parse (a crash of an older
 * version, a torn disk write); it is taken over. A live one makes the second run refuse, naming the
 * lock and its owner.
 */
export function acquireLock(lockFile: string): () => void {
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(lockFile, JSON.stringify(owner))) return () => release(lockFile);
    const seen = readText(lockFile);
    if (seen === null) continue; // released in the meantime: try again
    const holder = parseOwner(seen);
    if (holder !== null && isAlive(holder)) {
      throw new LockedError(`${lockFile}: another labelsim run (pid ${holder.pid} on ${holder.host}, started ${holder.started}) is writing this output folder; wait for it or choose another --out`);
    }
    removeStale(lockFile, seen);
  }
  throw new LockedError(`${lockFile}: could not take the lock on this output folder (another run keeps taking it); try again`);
}

/**
 * Removes the lock. On a file system that just became read-only this can fail; the lock left
 * behind names a process that is gone, so the next run takes it over, and the error that
 * stopped this run is the one worth reporting.
 */
function release(lockFile: string): void {
  try {
    fs.rmSync(lockFile, { force: true });
  } catch {
    // stale from now on
  }
}

/** Creates the lock file with `content` if none exists; false if one does. */
function create(lockFile: string, content: string): boolean {
  const tmp = `${lockFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  try {
    fs.linkSync(tmp, lockFile);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw err;
    // A file system without hard links: exclusive create, with a window in which the lock is empty.
    try {
      fs.writeFileSync(lockFile, content, { flag: 'wx' });
      return true;
    } catch (err2) {
      if ((err2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err2;
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Removes a lock judged stale, unless it changed since (another run took it over first). A guard
 * folder (mkdir is atomic) keeps two runs from taking over at once and deleting each other's lock.
 */
function removeStale(lockFile: string, seen: string): void {
  const guard = `${lockFile}.takeover`;
  try {
    fs.mkdirSync(guard);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > GUARD_STALE_MS) fs.rmSync(guard, { recursive: true, force: true });
    } catch {
      // gone already
    }
    return;
  }
  try {
    if (readText(lockFile) === seen) fs.rmSync(lockFile, { force: true });
  } finally {
    fs.rmSync(guard, { recursive: true, force: true });
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const owner = JSON.parse(text) as LockOwner;
    return typeof owner?.pid === 'number' && typeof owner.host === 'string' ? owner : null;
  } catch {
    return null; // half-written (a crash of an older version, a torn disk write): stale
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
