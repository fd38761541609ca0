import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { ExperimentError } from './errors.js';
import { MAX_FILE_BYTES, checkSize } from './read.js';

/**
 * The bytes of an experiment file, read without trusting it to be an ordinary file: a symlink to
 * /dev/zero reports a size of 0 and never ends, a FIFO blocks until someone writes to it.
 *
 * The file is opened non-blocking (so opening a FIFO returns at once instead of waiting for a
 * writer), then the open descriptor is inspected: inspecting the descriptor, not the name, leaves
 * no gap in which the name could be swapped for something else. Only a regular file is read, and
 * at most MAX_FILE_BYTES + 1 bytes of it, whatever size it claims (files under /proc claim 0).
 *
 * @throws ExperimentError naming the file and what it is, when it is missing, unreadable, not a
 *   regular file, or larger than MAX_FILE_BYTES
 */
export function readExperimentFile(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    throw openError(file, error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new ExperimentError(file, '', 'a file', 'a directory');
    if (!stat.isFile()) throw new ExperimentError(file, '', 'a regular file', kindOf(stat));
    checkSize(stat.size, file);
    return readAtMost(fd, MAX_FILE_BYTES + 1, file);
  } catch (error) {
    if (error instanceof ExperimentError) throw error;
    throw openError(file, error);
  } finally {
    closeSync(fd);
  }
}

/** Reads until end of file or `limit` bytes; reaching the limit means the file is too large. */
function readAtMost(fd: number, limit: number, file: string): Buffer {
  const buffer = Buffer.allocUnsafe(limit);
  let length = 0;
  while (length < limit) {
    const n = readSync(fd, buffer, length, limit - length, null);
    if (n === 0) break;
    length += n;
  }
  // The file grew after fstat, or claimed a smaller size than it has.
  if (length >= limit) throw new ExperimentError(file, '', 'a file of at most 5 MB', 'more than 5 MB');
  return buffer.subarray(0, length);
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'something other than a file';
}

function openError(file: string, error: unknown): ExperimentError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ExperimentError(file, '', 'an existing file', 'file not found');
  if (code === 'EACCES' || code === 'EPERM') return new ExperimentError(file, '', 'a readable file', 'permission denied');
  if (code === 'ELOOP') return new ExperimentError(file, '', 'a regular file', 'a loop of symbolic links');
  // Opening a Unix socket by name fails with ENXIO; a directory can be opened but not read.
  if (code === 'ENXIO') return new ExperimentError(file, '', 'a regular file', 'a socket or a device without a driver');
  if (code === 'EISDIR') return new ExperimentError(file, '', 'a file', 'a directory');
  return new ExperimentError(file, '', 'a readable file', error instanceof Error ? error.message : String(error));
}
