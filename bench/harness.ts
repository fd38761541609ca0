/**
 * Small benchmark harness shared by the bench sections: timing, best/median selection, the
 * printed table and the JSON file. Sections produce `BenchRow`s; `bench.ts` prints and saves them.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';

/** One line of the results table (and one entry of `rows` in out/bench.json). */
export interface BenchRow {
  /** What was measured, e.g. "engine M/M/10". */
  measure: string;
  /** Events handled by one timed run (the same in every run of a row). */
  events: number;
  /** Wall seconds of the best timed run. */
  seconds: number;
  /** events / seconds of the best run. */
  eventsPerSecond: number;
  /** Wall seconds of the median timed run. */
  medianSeconds: number;
  /** Wall seconds of every timed run, in order (warm-up excluded). */
  samples: number[];
  /** Anything worth a footnote (model check, peak memory, worker count, ...). */
  note?: string;
}

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
export function measure(name: string, run: () => RunResult, options: MeasureOptions = {}): BenchRow {
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
  const row: BenchRow = {
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

export interface MachineInfo {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    platform: `${os.platform()} ${os.arch()}`,
  };
}

function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** An aligned text table: measure, events, seconds, events/s (best run of each row). */
export function formatTable(rows: BenchRow[]): string {
  const header = ['measure', 'events', 'seconds', 'events/s'];
  const body = rows.map((r) => [r.measure, formatCount(r.events), r.seconds.toFixed(3), formatCount(r.eventsPerSecond)]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((line) => line[c].length)));
  const fmt = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [fmt(header), rule, ...body.map(fmt)].join('\n');
}

/** Writes `value` as JSON to `path` atomically: a temp file in the same directory, then a rename. */
export function writeJsonAtomic(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n');
  renameSync(tmp, path);
}
