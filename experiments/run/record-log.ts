import fs from 'node:fs';
import { diskFault, type DiskFaultCode } from './faults.js';
import { decodeRecord, encodeRecord, type ReplicationRecord } from './record-codec.js';

export { isFailure, type ReplicationRecord } from './record-codec.js';

export interface RecordLogOptions {
  /** Complete records already in the file (a resumed run), so `records` counts them all. */
  existing?: number;
  /** Test hook (LABELSIM_FAULT=enospc-after:N): after `after` appends, the next writes half its bytes and fails with `code`. */
  failAfter?: { after: number; code: DiskFaultCode } | null;
}

/**
 * The append-only log of replication records, one JSON line each. A batch is appended in one
 * write and fsynced; a line cut short by a kill or a full disk has no newline or does not parse,
 * and is dropped (and cut off the file) on resume, so every record is complete or absent.
 */
export class RecordLog {
  private readonly fd: number;
  private appends = 0;
  /** Complete records in the file, including those of an append that failed part way. */
  records: number;

  constructor(
    readonly file: string,
    private readonly options: RecordLogOptions = {},
  ) {
    this.fd = fs.openSync(file, 'a');
    this.records = options.existing ?? 0;
  }

  /** Appends a batch's records; on a failed write, `records` still counts every complete line that reached the file. */
  append(records: ReplicationRecord[]): void {
    if (records.length === 0) return;
    const bytes = Buffer.from(records.map(encodeRecord).join('\n') + '\n', 'utf8');
    this.written = 0;
    try {
      const fault = this.options.failAfter;
      if (fault != null && this.appends >= fault.after) {
        this.writeAll(bytes.subarray(0, bytes.length >> 1));
        throw diskFault(fault.code, 'write', this.file);
      }
      this.writeAll(bytes);
      fs.fsyncSync(this.fd);
    } catch (err) {
      for (let i = 0; i < this.written; i++) if (bytes[i] === 0x0a) this.records++;
      throw err;
    }
    this.appends++;
    this.records += records.length;
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  /** Bytes of the current append that reached the file. */
  private written = 0;

  /** write(2) may write less than asked (a disk filling up): the rest must follow, or fail loudly. */
  private writeAll(bytes: Uint8Array): void {
    const base = this.written;
    let off = 0;
    while (off < bytes.length) {
      off += fs.writeSync(this.fd, bytes, off, bytes.length - off);
      this.written = base + off;
    }
  }
}

/** Bytes read at a time: a log of many long records (one number per day of the horizon) may exceed what one string can hold. */
const CHUNK = 8 * 1024 * 1024;

/** A line of a record log that is not a record: its 1-based line number and why. */
export interface BadLine {
  line: number;
  reason: string;
}

export interface RecordLines {
  /** The records, each with its 1-based line number, in file order. */
  records: Array<{ line: number; record: ReplicationRecord }>;
  /** Complete lines that are not records (garbage, edited, damaged): skipped, never the records after them. */
  bad: BadLine[];
  /** Bytes after the last newline: a record cut short by a kill or a full disk. */
  tornBytes: number;
}

/**
 * Reads a record log line by line. Every complete line is judged on its own, so one bad line
 * costs only itself. The bytes after the last newline are the torn tail of an append that never
 * finished; with `truncateTornTail` they are cut off so appends continue cleanly. Reads in
 * chunks, so a log larger than the longest JavaScript string (512 MiB) still reads.
 */
export function readRecordLines(file: string, truncateTornTail = false, chunkBytes = CHUNK): RecordLines {
  const out: RecordLines = { records: [], bad: [], tornBytes: 0 };
  if (!fs.existsSync(file)) return out;
  const fd = fs.openSync(file, 'r');
  let good = 0; // bytes up to the last newline
  let size = 0;
  let lineNo = 0;
  try {
    size = fs.fstatSync(fd).size;
    let pending: Buffer = Buffer.alloc(0); // the start of a line that continues in the next chunk
    const chunk = Buffer.allocUnsafe(chunkBytes);
    let offset = 0;
    while (offset < size) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunkBytes, size - offset), offset);
      if (n === 0) break;
      offset += n;
      const data = pending.length === 0 ? chunk.subarray(0, n) : Buffer.concat([pending, chunk.subarray(0, n)]);
      let start = 0;
      for (let nl = data.indexOf(0x0a); nl !== -1; nl = data.indexOf(0x0a, start)) {
        lineNo++;
        const text = data.toString('utf8', start, nl);
        if (text.trim() !== '') {
          const decoded = decodeRecord(text);
          if ('bad' in decoded) out.bad.push({ line: lineNo, reason: decoded.bad });
          else out.records.push({ line: lineNo, record: decoded });
        }
        good += nl + 1 - start;
        start = nl + 1;
      }
      // Copy the unfinished line out of the reused chunk buffer.
      pending = Buffer.from(data.subarray(start));
    }
  } finally {
    fs.closeSync(fd);
  }
  out.tornBytes = size - good;
  if (truncateTornTail && good < size) fs.truncateSync(file, good);
  return out;
}

/** The records of a log that decode, in file order (bad lines and a torn tail left out). */
export function readRecords(file: string, truncateTornTail = false, chunkBytes = CHUNK): ReplicationRecord[] {
  return readRecordLines(file, truncateTornTail, chunkBytes).records.map((r) => r.record);
}

/** Writes a whole log at once (a merge, or a log rewritten without its bad lines). */
export function recordLogText(records: ReplicationRecord[]): string {
  return records.length === 0 ? '' : records.map(encodeRecord).join('\n') + '\n';
}
