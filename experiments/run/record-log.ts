import fs from 'node:fs';
import { diskFault, type DiskFaultCode } from './faults.js';

/** One replication's outcome as stored: its row of figures, or the error it threw. */
export type ReplicationRecord =
  | { plan: string; replication: number; row: Array<number | null> }
  | { plan: string; replication: number; seed: number; error: string; stack: string };

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
    const bytes = Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n', 'utf8');
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

/**
 * Reads the complete records of a log, truncating a torn tail so appends continue cleanly. Reads
 * in chunks, so a log larger than the longest JavaScript string (512 MiB) still reads.
 */
export function readRecords(file: string, truncateTornTail = false, chunkBytes = CHUNK): ReplicationRecord[] {
  if (!fs.existsSync(file)) return [];
  const records: ReplicationRecord[] = [];
  const fd = fs.openSync(file, 'r');
  let good = 0; // bytes of complete records
  let size = 0;
  try {
    size = fs.fstatSync(fd).size;
    let pending: Buffer = Buffer.alloc(0); // the start of a line that continues in the next chunk
    let pendingAt = 0; // its offset in the file
    const chunk = Buffer.allocUnsafe(chunkBytes);
    let offset = 0;
    let torn = false;
    while (!torn && offset < size) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunkBytes, size - offset), offset);
      if (n === 0) break;
      offset += n;
      const data = pending.length === 0 ? chunk.subarray(0, n) : Buffer.concat([pending, chunk.subarray(0, n)]);
      const dataAt = pending.length === 0 ? offset - n : pendingAt;
      let start = 0;
      for (let nl = data.indexOf(0x0a); nl !== -1; nl = data.indexOf(0x0a, start)) {
        try {
          records.push(JSON.parse(data.toString('utf8', start, nl)) as ReplicationRecord);
        } catch {
          torn = true; // a torn record: nothing after it was written by a completed batch
          break;
        }
        start = nl + 1;
        good = dataAt + start;
      }
      // Copy the unfinished line out of the reused chunk buffer.
      pending = torn ? Buffer.alloc(0) : Buffer.from(data.subarray(start));
      pendingAt = dataAt + start;
    }
  } finally {
    fs.closeSync(fd);
  }
  if (truncateTornTail && good < size) fs.truncateSync(file, good);
  return records;
}

export function isFailure(r: ReplicationRecord): r is Extract<ReplicationRecord, { error: string }> {
  return 'error' in r;
}
