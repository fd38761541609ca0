import path from 'node:path';

/**
 * The output folder could not be written: the disk is full, the folder is read-only or not ours.
 * Reported in one line with exit code 4; records already written stay complete and resumable.
 */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message.replace(/[\r\n]+/g, ' '));
    this.name = 'OutputError';
  }
}

/** Error codes of a file system that refuses to write, as a person would say them. */
const WRITE_PROBLEMS: Record<string, { text: string; fix: string }> = {
  ENOSPC: { text: 'no space left on device', fix: 'free space' },
  EDQUOT: { text: 'disk quota exceeded', fix: 'free space or raise the quota' },
  EFBIG: { text: 'file too large for this file system', fix: 'write to another file system (--out)' },
  EACCES: { text: 'permission denied', fix: 'make the folder writable' },
  EPERM: { text: 'operation not permitted', fix: 'make the folder writable' },
  EROFS: { text: 'read-only file system', fix: 'make the file system writable or choose another --out' },
  EIO: { text: 'input/output error', fix: 'check the disk' },
  ENOTDIR: { text: 'a part of the path is a file, not a folder', fix: 'choose another --out' },
  EISDIR: { text: 'it is a folder', fix: 'remove it or choose another --out' },
  EEXIST: { text: 'a file is in the way', fix: 'remove it or choose another --out' },
  EMFILE: { text: 'too many open files', fix: 'raise the limit of open files (ulimit -n)' },
  ENFILE: { text: 'too many open files in the system', fix: 'close other programs' },
  ENAMETOOLONG: { text: 'file name too long', fix: 'choose a shorter --out' },
  // Only ever asked of a write (see writing): a file to write into a folder that is not there.
  ENOENT: { text: 'its folder does not exist', fix: 'create the folder or choose another path' },
  ESTALE: { text: 'stale network file handle', fix: 'check the network file system' },
};

/** True for an error of the file system refusing to write (not a bug in labelsim). */
export function isWriteProblem(err: unknown): err is NodeJS.ErrnoException {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(WRITE_PROBLEMS, code);
}

/**
 * The one-line error for a write that failed: which file, why, what is kept, what to do, e.g.
 * `cannot write out/x/.x.incomplete/replications.jsonl: no space left on device (ENOSPC); the 120
 * records written so far are kept; free space and rerun with --resume`.
 *
 * @param kept - what survives, or null when nothing of the run was written yet (no --resume then)
 */
export function outputError(err: NodeJS.ErrnoException, fallbackFile: string, kept: string | null, retry = 'rerun with --resume'): OutputError {
  const code = err.code ?? 'EIO';
  const problem = WRITE_PROBLEMS[code] ?? { text: err.message, fix: 'fix the problem' };
  const file = shown(err.path ?? fallbackFile);
  const next = kept === null ? `${problem.fix} and run again; nothing was written` : `${kept}; ${problem.fix} and ${retry}`;
  return new OutputError(`cannot write ${file}: ${problem.text} (${code}); ${next}`, code);
}

/** A path relative to the working folder when it lies below it, else absolute. */
function shown(p: string): string {
  const r = path.relative(process.cwd(), p);
  return r === '' ? '.' : r.startsWith('..') || path.isAbsolute(r) ? p : r;
}

/**
 * Runs `write`, turning a file system that refuses to write (full, read-only, not ours) into one
 * OutputError line naming the file, what is kept and what to do. `kept` is null when nothing of
 * the run exists yet (then there is nothing to resume).
 */
export function writing<T>(file: string, kept: string | null, write: () => T, retry?: string): T {
  try {
    return write();
  } catch (err) {
    if (isWriteProblem(err)) throw outputError(err, file, kept, retry);
    throw err;
  }
}

/** `writing` for a write that finishes later (the workbook is zipped asynchronously). */
export async function writingAsync<T>(file: string, kept: string | null, write: () => Promise<T>, retry?: string): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isWriteProblem(err)) throw outputError(err, file, kept, retry);
    throw err;
  }
}
