import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

export class LockedError extends Error {}

interface LockOwner {
  pid: number;
  host: string;
  started: string;
  /** When the owning process started, as the kernel counts it (/proc/<pid>/stat), to tell it from a later process given the same pid. */
  processStart?: string | null;
  /** Random, per lock: release removes the lock only while it is still this one. */
  token?: string;
}

/** A takeover guard older than this was left by a process killed while taking over; it is cleared. */
const GUARD_STALE_MS = 10_000;

/**
 * An exclusive lock on an output folder: a file holding the owner's pid, host, process start time
 * and a random token. It appears with its whole content at once (written beside, then
 * hard-linked into place, which fails if a lock exists), so a live run's lock is never seen
 * half-written. A lock is stale, and taken over, when its process no longer exists on this host
 * (a killed run), when its pid now belongs to a process that started at another time (the pid was
 * reused), when its pid cannot be a process (0, negative, not a number), when it does not parse (a
 * torn write) or when it is not a regular file (a dangling symlink). A live one makes the second
 * run refuse, naming the lock and its owner.
 */
export function acquireLock(lockFile: string): () => void {
  const token = randomBytes(12).toString('hex');
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), processStart: processStartOf(process.pid), token };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(lockFile, JSON.stringify(owner))) return () => release(lockFile, token);
    if (!isFileOrAbsent(lockFile)) {
      removeStale(lockFile, null);
      continue;
    }
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
function release(lockFile: string, token: string): void {
  try {
    // Only our own lock: one taken over by another run (ours judged stale) is theirs now.
    const holder = parseOwner(readText(lockFile) ?? '');
    if (holder?.token === token) fs.rmSync(lockFile, { force: true });
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
function removeStale(lockFile: string, seen: string | null): void {
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
    // `seen` null: a lock that is not a regular file (a symlink, dangling or not): the link goes, never its target.
    if (seen === null ? !isFileOrAbsent(lockFile) : readText(lockFile) === seen) fs.rmSync(lockFile, { force: true });
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
    return owner !== null && typeof owner === 'object' && typeof owner.pid === 'number' && typeof owner.host === 'string' ? owner : null;
  } catch {
    return null; // half-written (a crash of an older version, a torn disk write): stale
  }
}

function isAlive(owner: LockOwner): boolean {
  // kill(0) and kill(-1) signal groups of processes, not one: such a pid never names a run.
  if (!Number.isSafeInteger(owner.pid) || owner.pid <= 0) return false;
  if (owner.host !== os.hostname()) return true; // cannot tell for another machine: assume it is running
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid is taken; by the run that wrote the lock only if that process started when the lock says.
  if (typeof owner.processStart !== 'string') return true; // a lock without it (labelsim 0.1): cannot tell
  const now = processStartOf(owner.pid);
  return now === null || now === owner.processStart;
}

/** The start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or null where there is no /proc. */
export function processStartOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** True for a regular file or nothing; false for a symlink (dangling or not) or a device. A folder in the lock's place is refused. */
function isFileOrAbsent(file: string): boolean {
  try {
    const st = fs.lstatSync(file);
    if (st.isDirectory()) throw new LockedError(`${file}: a folder is where this output folder's lock belongs; remove it`);
    return st.isFile();
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
