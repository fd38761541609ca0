import fs from 'node:fs';

/** One replication's outcome as stored: its row of figures, or the error it threw. */
export type ReplicationRecord =
  | { plan: string; replication: number; row: Array<number | null> }
  | { plan: string; replication: number; seed: number; error: string; stack: string };

/**
 * The append-only log of replication records, one JSON line each. A batch is appended in one
 * write and fsynced; a line cut short by a kill has no newline or does not parse, and is
 * dropped (and cut off the file) on resume, so every record is complete or absent.
 */
export class RecordLog {
  private readonly fd: number;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'a');
  }

  append(records: ReplicationRecord[]): void {
    if (records.length === 0) return;
    const text = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
    fs.writeSync(this.fd, text);
    fs.fsyncSync(this.fd);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** Reads the complete records of a log, truncating a torn tail so appends continue cleanly. */
export function readRecords(file: string, truncateTornTail = false): ReplicationRecord[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  const records: ReplicationRecord[] = [];
  let good = 0;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    const line = text.slice(start, nl);
    start = nl + 1;
    try {
      records.push(JSON.parse(line) as ReplicationRecord);
      good = start;
    } catch {
      break; // a torn record: nothing after it was written by a completed batch
    }
  }
  if (truncateTornTail && good < Buffer.byteLength(text)) fs.truncateSync(file, Buffer.byteLength(text.slice(0, good)));
  return records;
}

export function isFailure(r: ReplicationRecord): r is Extract<ReplicationRecord, { error: string }> {
  return 'error' in r;
}
