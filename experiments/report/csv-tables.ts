import { stringify } from 'csv-stringify/sync';
import type { Summary } from '../aggregate/summary.js';
import { csvCell } from './csv-cell.js';
import { columnNames } from '../../workers/result-rows.js';
import type { RecordSet } from '../run/record-set.js';
import type { RunManifest } from '../run/run-files.js';

type Cell = string | number | null;

/** A nested object as dotted keys and leaf values, in key order: {a: {b: 1}} -> a.b = 1. */
export function flatten(value: unknown, prefix = '', out = new Map<string, Cell>()): Map<string, Cell> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix === '' ? k : `${prefix}.${k}`, out);
  } else if (Array.isArray(value)) {
    out.set(prefix, JSON.stringify(value));
  } else if (typeof value === 'number') {
    out.set(prefix, Number.isFinite(value) ? value : null);
  } else if (typeof value === 'boolean') {
    out.set(prefix, value ? 1 : 0);
  } else {
    out.set(prefix, value === undefined ? null : (value as string | null));
  }
  return out;
}

/** Columns in first-seen order across rows, so plans with different pools share one header. */
function unionColumns(rows: Array<Map<string, Cell>>, first: string[]): string[] {
  const columns = [...first];
  const seen = new Set(columns);
  for (const r of rows) for (const k of r.keys()) if (!seen.has(k)) (seen.add(k), columns.push(k));
  return columns;
}

function toCsv(columns: string[], rows: Array<Map<string, Cell>>): string {
  // Every string cell, header included, goes through csvCell: a name that begins like a formula is written as text.
  return stringify([columns, ...rows.map((r) => columns.map((c) => r.get(c) ?? null))], { cast: { number: (x) => String(x), string: csvCell } });
}

/**
 * summary.csv: one row per plan, the plan's figures from summary.json flattened to dotted
 * columns (completionHours.p85, cost.byActivity.idle, pools.annotators.utilization, ...).
 * A figure a plan does not have (a pool only another plan staffs) is an empty cell.
 */
export function summaryCsv(summary: Summary): string {
  const rows = summary.plans.map((p) => {
    const { name, ...figures } = p;
    return flatten(figures, '', new Map<string, Cell>([['plan', name]]));
  });
  return toCsv(unionColumns(rows, ['plan']), rows);
}

/**
 * replications.csv: one row per plan x replication in plan then replication order: the plan,
 * then every column of the replication's row (columnNames of the plan's layout). Missing
 * figures (NaN: a replication that did not finish has no completion time) are empty cells.
 * Failed replications get a row with their error, in an `error` column present only then.
 */
export function replicationsCsv(manifest: RunManifest, records: RecordSet): string {
  const rows: Array<Map<string, Cell>> = [];
  const columns = ['plan'];
  const seenColumn = new Set(columns);
  let failures = false;
  for (const plan of manifest.plans) {
    const own = records.plans.find((p) => p.name === plan.name);
    if (own === undefined) continue;
    const names = columnNames(own.layout);
    for (const c of names) if (!seenColumn.has(c)) (seenColumn.add(c), columns.push(c));
    const entries: Array<{ replication: number; row: Map<string, Cell> }> = [];
    own.rows.forEach((stored, j) => {
      const row = new Map<string, Cell>([['plan', plan.name]]);
      names.forEach((c, i) => {
        const x = stored[i];
        row.set(c, x === null || x === undefined || !Number.isFinite(x) ? null : x);
      });
      entries.push({ replication: own.results[j].replication, row });
    });
    for (const f of own.failures) {
      failures = true;
      entries.push({ replication: f.replication, row: new Map<string, Cell>([['plan', plan.name], ['replication', f.replication], ['error', f.error]]) });
    }
    entries.sort((a, b) => a.replication - b.replication);
    for (const e of entries) rows.push(e.row);
  }
  if (failures) columns.push('error');
  return toCsv(columns, rows);
}
