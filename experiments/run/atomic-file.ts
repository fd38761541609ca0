import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never a mix: a temp file, fsync,
 * rename. A failed write (a full disk) removes its temp file and leaves the old content alone.
 * The error names the file being written, not the temp file nor nothing (a write through a file
 * descriptor carries no path), so the message says which file failed.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = temporaryName(file);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // a folder that refuses writes may refuse the removal too; the publish step skips temp files
    }
    if (err !== null && typeof err === 'object' && 'code' in err) (err as NodeJS.ErrnoException).path = file;
    throw err;
  }
}

/** `.<file>.<pid>.tmp` beside the file: hidden, and recognised (output-folder.ts) so it is never published. */
export function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}
