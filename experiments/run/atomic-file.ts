import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never a mix: a temp file, fsync,
 * rename. A failed write (a full disk) removes its temp file and leaves the old content alone.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
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
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
