/**
 * Small benchmark harness shared by the bench sections: timing, best/median selection, the
 * printed table and the JSON file. Sections produce `BenchRow`s; `bench.ts` prints and saves them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';

/**
 * One line of the results table (and one entry of `rows` in out/bench.json). A row fills the
 * columns that apply to it: a timed loop has events and events/s, a run of many replications has
 * replications and replications/s and a peak RSS, a derived figure (a ratio, bytes per item) has
 * `value` and `unit`.
 */
export interface BenchRow {
  /** Title of the table section the row belongs to. */
  section?: string;
  /** What was measured, e.g. "engine M/M/10". */
  measure: string;
  /** Events handled (by one timed run; summed over replications for a run of many). */
  events?: number;
  /** Replications run. */
  replications?: number;
  /** Wall seconds (of the best timed run when there are several). */
  seconds?: number;
  /** events / seconds. */
  eventsPerSecond?: number;
  /** replications / seconds. */
  replicationsPerSecond?: number;
  /** Wall seconds of the median timed run. */
  medianSeconds?: number;
  /** Wall seconds of every timed run, in order (warm-up excluded). */
  samples?: number[];
  /** Peak resident set size of the process that ran it, MiB (2^20 bytes). */
  peakRssMb?: number;
  /** Peak V8 heap in use of the isolate that ran it, MiB. */
  peakHeapMb?: number;
  /** A derived figure: a ratio, bytes per item, ... */
  value?: number;
  /** Unit printed after `value`: "x", " B/item", ... */
  unit?: string;
  /** Anything worth a footnote (model check, worker count, ...). */
  note?: string;
}

/** A row from `measure`: a timed loop, every timing column filled. */
export type TimedRow = BenchRow & Required<Pick<BenchRow, 'events' | 'seconds' | 'eventsPerSecond' | 'medianSeconds' | 'samples'>>;

/** What one run of a measured workload reports: its own timed span, set-up excluded. */
export interface RunResult {
  events: number;
  seconds: number;
}

export interface MeasureOptions {
  /** Untimed runs first, so the JIT has optimised the hot code. */
  warmups?: number;
  /** Timed runs; the best and the median are kept. */
  repeats?: number;
  note?: string;
}

/** Wall seconds since `start` (a `process.hrtime.bigint()` reading). */
export function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Runs `run` `warmups` times untimed, then `repeats` times, and keeps the fastest run. */
export function measure(name: string, run: () => RunResult, options: MeasureOptions = {}): TimedRow {
  const warmups = options.warmups ?? 1;
  const repeats = options.repeats ?? 3;
  for (let i = 0; i < warmups; i++) run();
  const samples: number[] = [];
  let events = -1;
  for (let i = 0; i < repeats; i++) {
    const r = run();
    if (events >= 0 && r.events !== events) throw new Error(`${name}: runs handled different event counts (${events}, ${r.events})`);
    events = r.events;
    samples.push(r.seconds);
  }
  const sorted = [...samples].sort((x, y) => x - y);
  const best = sorted[0];
  const row: TimedRow = {
    measure: name,
    events,
    seconds: best,
    eventsPerSecond: events / best,
    medianSeconds: sorted[Math.floor(sorted.length / 2)],
    samples,
  };
  if (options.note !== undefined) row.note = options.note;
  return row;
}

/** A row holding a figure computed from other rows. */
export function derivedRow(measure: string, value: number, unit: string, note?: string): BenchRow {
  const row: BenchRow = { measure, value, unit };
  if (note !== undefined) row.note = note;
  return row;
}

/** Sets the section of each row (in place) and returns them. */
export function inSection(section: string, rows: BenchRow[]): BenchRow[] {
  for (const row of rows) row.section = section;
  return rows;
}

export interface MachineInfo {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  /** 1, 5 and 15 minute load averages when the bench started. */
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    platform: `${os.platform()} ${os.arch()}`,
    loadAverage: os.loadavg(),
  };
}

/**
 * The commit the sources are at, and the top-level folders with uncommitted changes (the bench
 * measures the working tree as built, which others may be editing). Null outside a git checkout.
 */
export function sourceState(): { commit: string; modified: string[] } | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const commit = git('rev-parse', '--short', 'HEAD').trim();
    const dirs = git('status', '--porcelain').split('\n').filter((l) => l.trim() !== '').map((l) => l.slice(3).split('/')[0]);
    return { commit, modified: [...new Set(dirs)].sort() };
  } catch {
    return null;
  }
}

export function formatLoad(load: number[]): string {
  return load.map((x) => x.toFixed(2)).join(', ');
}

function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A derived value: three significant digits, no exponent. */
function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(3)).toString();
}

const COLUMNS: Array<{ title: string; cell: (r: BenchRow) => string }> = [
  { title: 'measure', cell: (r) => r.measure },
  { title: 'events', cell: (r) => (r.events === undefined ? '' : formatCount(r.events)) },
  { title: 'reps', cell: (r) => (r.replications === undefined ? '' : formatCount(r.replications)) },
  { title: 'seconds', cell: (r) => (r.seconds === undefined ? '' : r.seconds.toFixed(3)) },
  { title: 'events/s', cell: (r) => (r.eventsPerSecond === undefined ? '' : formatCount(r.eventsPerSecond)) },
  { title: 'reps/s', cell: (r) => (r.replicationsPerSecond === undefined ? '' : r.replicationsPerSecond.toFixed(2)) },
  { title: 'peak RSS MiB', cell: (r) => (r.peakRssMb === undefined ? '' : r.peakRssMb.toFixed(1)) },
  { title: 'peak heap MiB', cell: (r) => (r.peakHeapMb === undefined ? '' : r.peakHeapMb.toFixed(1)) },
  { title: 'result', cell: (r) => (r.value === undefined ? '' : `${formatValue(r.value)}${r.unit ?? ''}`) },
];

/**
 * An aligned text table, one line per row (columns a row does not fill stay blank), a section
 * title line where the section changes, and each row's note after the last column.
 */
export function formatTable(rows: BenchRow[]): string {
  const body = rows.map((r) => COLUMNS.map((c) => c.cell(r)));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...body.map((line) => line[i].length)));
  const fmt = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const lines = [fmt(COLUMNS.map((c) => c.title)) + '  note', rule];
  let section: string | undefined;
  rows.forEach((r, i) => {
    if (r.section !== undefined && r.section !== section) {
      section = r.section;
      lines.push(`[${section}]`);
    }
    lines.push(fmt(body[i]) + (r.note ? `  ${r.note}` : '').trimEnd());
  });
  return lines.join('\n');
}

/** Writes `value` as JSON to `path` atomically: a temp file in the same directory, then a rename. */
export function writeJsonAtomic(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n');
  renameSync(tmp, path);
}
