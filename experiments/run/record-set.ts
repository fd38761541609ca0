import type { ReplicationResult } from '../../sim/model/replication-result.js';
import { columnNames, decodeRow, rowLayout, type RowLayout } from '../../workers/result-rows.js';
import { inShard } from './batches.js';
import { isFailure, RECORD_FORMAT, type ReplicationRecord } from './record-codec.js';
import type { BadLine, RecordLines } from './record-log.js';
import type { RunManifest } from './run-files.js';

type Failure = Extract<ReplicationRecord, { error: string }>;
type Success = Extract<ReplicationRecord, { row: unknown }>;

/** One plan's replications, decoded once: what the summary, the CSV tables and the report all read. */
export interface PlanRecords {
  name: string;
  layout: RowLayout;
  /** Successful replications, one per index, sorted by index. */
  results: ReplicationResult[];
  /** Their stored rows, in the same order (the CSV table writes them as they are). */
  rows: Array<Array<number | null>>;
  /** Replications that failed and never succeeded: the last failure of each, sorted by index. */
  failures: Failure[];
}

/**
 * The records of a run, validated against its manifest and deduplicated: each (plan,
 * replication) counts once, however many times it was recorded (a shard merged twice, a resumed
 * run that tried a failed replication again). A record that does not belong to the run (an
 * unknown plan, a replication outside the run or its shard, a row of the wrong width) or that
 * contradicts an earlier record of the same replication is skipped and counted with its line.
 */
export interface RecordSet {
  plans: PlanRecords[];
  /** The records that count, in the order first seen: what a clean log of the run holds. */
  records: ReplicationRecord[];
  /** Lines that are not records of this run, by source (a file), with why. */
  skipped: Array<BadLine & { source: string }>;
  /** Records that repeat an earlier one exactly: harmless, left out. */
  duplicates: number;
}

/** A log's lines from one source (a run's own log, or one shard's). */
export interface RecordSource {
  source: string;
  lines: RecordLines;
  /** The shard whose folder the log is in; its records must belong to it. */
  shard: RunManifest['shard'];
}

export function recordSet(manifest: RunManifest, sources: RecordSource[]): RecordSet {
  const layouts = new Map(manifest.plans.map((p) => [p.name, rowLayout(p.model)]));
  const skipped: RecordSet['skipped'] = [];
  const success = new Map<string, { record: Success; at: string }>();
  const lastFailure = new Map<string, Failure>();
  const records: ReplicationRecord[] = [];
  let duplicates = 0;
  for (const { source, lines, shard } of sources) {
    for (const bad of lines.bad) skipped.push({ ...bad, source });
    for (const { line, record } of lines.records) {
      const layout = layouts.get(record.plan);
      const k = record.replication;
      const skip = (reason: string) => skipped.push({ source, line, reason });
      if (layout === undefined) {
        skip(`plan ${JSON.stringify(record.plan.slice(0, 100))} is not one of this run's plans`);
        continue;
      }
      if (!Number.isInteger(k) || k < 0 || k >= manifest.replications) {
        skip(`replication ${k} is not one of this run's 0 to ${manifest.replications - 1}`);
        continue;
      }
      if (!inShard(k, shard)) {
        skip(`replication ${k} does not belong to shard ${shard!.index}/${shard!.count}`);
        continue;
      }
      const key = `${record.plan}:${k}`;
      if (isFailure(record)) {
        if (!success.has(key)) lastFailure.set(key, record);
        records.push(record);
        continue;
      }
      if (record.row.length !== layout.width || record.row[0] !== k) {
        skip(`a row of ${record.row.length} figures for replication ${record.row[0]}, expected ${layout.width} for replication ${k}`);
        continue;
      }
      const before = success.get(key);
      if (before !== undefined) {
        if (sameRow(before.record.row, record.row)) duplicates++;
        else skip(`replication ${k} of plan "${record.plan}" again, with other figures than ${before.at}`);
        continue;
      }
      success.set(key, { record, at: `${source} line ${line}` });
      lastFailure.delete(key);
      records.push(record);
    }
  }
  // A failure recorded before the success of the same replication is history, not a result.
  const kept = records.filter((r) => !isFailure(r) || lastFailure.get(`${r.plan}:${r.replication}`) === r);
  const plans = manifest.plans.map((plan): PlanRecords => {
    const layout = layouts.get(plan.name)!;
    const own: Success[] = [];
    const failures: Failure[] = [];
    for (let k = 0; k < manifest.replications; k++) {
      const s = success.get(`${plan.name}:${k}`);
      if (s !== undefined) own.push(s.record);
      const f = lastFailure.get(`${plan.name}:${k}`);
      if (f !== undefined) failures.push(f);
    }
    return {
      name: plan.name,
      layout,
      results: own.map((r) => decodeRow(Float64Array.from(r.row, (x) => (x === null ? NaN : x)), layout)),
      rows: own.map((r) => r.row),
      failures,
    };
  });
  return { plans, records: kept, skipped, duplicates };
}

/** The record set of records held in memory (as one source, `source`), e.g. those of a run that never touched the disk. */
export function recordSetOf(manifest: RunManifest, records: ReplicationRecord[], source = 'records'): RecordSet {
  const lines = { records: records.map((record, i) => ({ line: i + 1, record })), bad: [], tornBytes: 0 };
  return recordSet(manifest, [{ source, lines, shard: manifest.shard }]);
}

/** (plan:replication) pairs that succeeded: what a resumed run need not run again. */
export function succeeded(set: RecordSet): Set<string> {
  const done = new Set<string>();
  for (const p of set.plans) for (const r of p.results) done.add(`${p.name}:${r.replication}`);
  return done;
}

/** What the manifest records about the records beside it, so another layout is refused instead of misread. */
export function recordLayoutOf(plans: RunManifest['plans']): Pick<RunManifest, 'recordFormat' | 'columns'> {
  return { recordFormat: RECORD_FORMAT, columns: Object.fromEntries(plans.map((p) => [p.name, columnNames(rowLayout(p.model))])) };
}

/**
 * Why the records of a folder cannot be read by this labelsim, or null when they can: a manifest
 * of another record format, or whose plans' columns are not the ones this version writes.
 */
export function layoutMismatch(manifest: RunManifest): string | null {
  if (manifest.recordFormat !== RECORD_FORMAT) {
    return `records of format ${manifest.recordFormat ?? 1} (this labelsim reads format ${RECORD_FORMAT}); run the experiment again with this version`;
  }
  const expected = recordLayoutOf(manifest.plans).columns!;
  for (const plan of manifest.plans) {
    const have = manifest.columns?.[plan.name];
    const want = expected[plan.name];
    if (have === undefined || have.length !== want.length || have.some((c, i) => c !== want[i])) {
      return `the records of plan "${plan.name}" have other columns than this labelsim writes; run the experiment again with this version`;
    }
  }
  return null;
}

/** One line about skipped records, per file with its first few line numbers, in file order. */
export function skippedLine(set: RecordSet): string | null {
  if (set.skipped.length === 0) return null;
  const bySource = new Map<string, Array<{ line: number; reason: string }>>();
  for (const s of set.skipped) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s]);
  const parts = [...bySource].map(([source, bad]) => {
    bad.sort((a, b) => a.line - b.line);
    const shown = bad.slice(0, 5).map((b) => `line ${b.line}: ${b.reason}`);
    const more = bad.length > shown.length ? `; and ${bad.length - shown.length} more` : '';
    return `${source}: skipped ${bad.length} line(s) that are not records of this run (${shown.join('; ')}${more})`;
  });
  return parts.join('; ');
}

function sameRow(a: Array<number | null>, b: Array<number | null>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
