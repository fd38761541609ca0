import { createHash } from 'node:crypto';

/** One replication's outcome as stored: its row of figures, or the error it threw. */
export type ReplicationRecord =
  | { plan: string; replication: number; row: Array<number | null> }
  | { plan: string; replication: number; seed: number; error: string; stack: string };

/**
 * The version of the record line format. Version 2: each line carries a checksum (`check`) and
 * the manifest names the columns of every plan's rows. A run folder of another version is
 * refused, never half understood.
 */
export const RECORD_FORMAT = 2;

/**
 * One record as one line of JSON, with a checksum of the line's own fields last: a line edited by
 * hand or damaged on disk no longer matches and is skipped on reading, instead of passing for a
 * replication.
 */
export function encodeRecord(r: ReplicationRecord): string {
  const body = JSON.stringify(r);
  return `${body.slice(0, -1)},"check":"${checksum(body)}"}`;
}

/**
 * A line back into a record, or why it is not one. Only the shape is checked here; whether the
 * record belongs to the run (its plan, replication and row width) is the record set's business.
 */
export function decodeRecord(line: string): ReplicationRecord | { bad: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { bad: 'not JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { bad: 'not a record' };
  const { check, ...fields } = value as Record<string, unknown>;
  if (typeof check !== 'string') return { bad: 'no checksum' };
  if (checksum(JSON.stringify(fields)) !== check) return { bad: 'checksum does not match (edited or damaged)' };
  const r = fields as Record<string, unknown>;
  if (typeof r.plan !== 'string' || typeof r.replication !== 'number') return { bad: 'not a record' };
  if (Array.isArray(r.row)) {
    if (!r.row.every((x) => x === null || (typeof x === 'number' && Number.isFinite(x)))) return { bad: 'a figure that is not a number' };
    if (Object.keys(r).length !== 3) return { bad: 'not a record' };
    return { plan: r.plan, replication: r.replication, row: r.row as Array<number | null> };
  }
  if (typeof r.seed === 'number' && typeof r.error === 'string' && typeof r.stack === 'string' && Object.keys(r).length === 5) {
    return { plan: r.plan, replication: r.replication, seed: r.seed, error: r.error, stack: r.stack };
  }
  return { bad: 'not a record' };
}

export function isFailure(r: ReplicationRecord): r is Extract<ReplicationRecord, { error: string }> {
  return 'error' in r;
}

/** 64 bits of SHA-256: enough to catch an edit or a damaged line, not a defence against forgery. */
function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
