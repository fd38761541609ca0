/**
 * Measurements that run replications in child processes (dist/bench/replications.js), one fresh
 * process per measurement, so each has its own peak resident memory and no JIT or heap state
 * carried over from the other sections.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WORKLOAD } from './experiment.js';
import { derivedRow, type BenchRow } from './harness.js';
import type { ChildReport } from './replications.js';

const CHILD_SCRIPT = fileURLToPath(new URL('./replications.js', import.meta.url));

export interface ChildOptions {
  workers: number;
  replications: number;
  items?: number;
  horizonHours?: number;
  /** Run the child with --trace-gc and take its peak heap from the trace (single-isolate runs only). */
  traceGc?: boolean;
}

/** A child's report, plus the peak V8 heap in use read from its GC trace when traced. */
export interface ChildRun extends ChildReport {
  peakHeapMb?: number;
}

/**
 * Peak heap in use from `--trace-gc` lines ("... ms: Scavenge 7.5 (9.8) -> 7.0 (9.9) MB, ..."):
 * the largest "before" figure of any collection, i.e. the heap in use when a collection had to
 * run. V8 reports no peak itself; between collections the heap only grows, so this (and the
 * heap in use at the end) bounds it. Undefined when no collection ran.
 */
function peakHeapFromGcTrace(lines: string[]): number | undefined {
  let peak: number | undefined;
  for (const line of lines) {
    const m = /ms: [A-Za-z -]+? ([\d.]+) \([\d.]+\) -> [\d.]+ \([\d.]+\) MB/.exec(line);
    if (m !== null) peak = Math.max(peak ?? 0, Number(m[1]));
  }
  return peak;
}

/** Runs dist/bench/replications.js in a new node process and returns its report. */
export function runChild(opts: ChildOptions): ChildRun {
  const args = ['--workers', String(opts.workers), '--replications', String(opts.replications)];
  if (opts.items !== undefined) args.push('--items', String(opts.items));
  if (opts.horizonHours !== undefined) args.push('--horizon-hours', String(opts.horizonHours));
  const nodeFlags = opts.traceGc ? ['--trace-gc'] : [];
  const child = spawnSync(process.execPath, [...nodeFlags, CHILD_SCRIPT, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 512 * 2 ** 20,
  });
  if (child.error !== undefined) throw child.error;
  if (child.status !== 0) throw new Error(`${CHILD_SCRIPT} ${args.join(' ')} exited with ${child.status ?? child.signal}:\n${child.stderr}`);
  const lines = child.stdout.split('\n').filter((l) => l.trim() !== '');
  const json = [...lines].reverse().find((l) => l.startsWith('{'));
  if (json === undefined) throw new Error(`${CHILD_SCRIPT} ${args.join(' ')} printed no report:\n${child.stdout}\n${child.stderr}`);
  const report = JSON.parse(json) as ChildReport;
  if (report.failed > 0) throw new Error(`${CHILD_SCRIPT} ${args.join(' ')}: ${report.failed} replications failed, the first with:\n${report.firstFailure}`);
  if (!opts.traceGc) return report;
  const traced = peakHeapFromGcTrace(lines);
  return { ...report, peakHeapMb: Math.max(traced ?? 0, report.heapUsedMb) };
}

function workersLabel(workers: number): string {
  return workers === 0 ? 'in-process' : `${workers} worker${workers === 1 ? '' : 's'}`;
}

/** A table row for a child run of many replications. */
function replicationsRow(run: ChildRun): BenchRow {
  return {
    measure: `${WORKLOAD}: ${run.replications.toLocaleString('en-US')} replications, ${workersLabel(run.workers)}`,
    events: run.events,
    replications: run.replications,
    seconds: run.wallSeconds,
    eventsPerSecond: run.events / run.wallSeconds,
    replicationsPerSecond: run.replications / run.wallSeconds,
    peakRssMb: run.maxRssMb,
    note: 'child process, Piscina',
  };
}

export interface Scaling {
  rows: BenchRow[];
  oneWorker: ChildRun;
  twoWorkers: ChildRun;
  /** Wall seconds on 1 worker / on 2 workers (2 = perfect scaling). */
  ratio: number;
}

/** Section 3: `replications` replications on 1 worker, then on 2, each in its own child process. */
export function benchReplicationScaling(replications: number): Scaling {
  const oneWorker = runChild({ workers: 1, replications });
  const twoWorkers = runChild({ workers: 2, replications });
  const ratio = oneWorker.wallSeconds / twoWorkers.wallSeconds;
  return {
    rows: [replicationsRow(oneWorker), replicationsRow(twoWorkers), derivedRow('scaling: time 1 worker / time 2 workers', ratio, 'x', '2x = perfect')],
    oneWorker,
    twoWorkers,
    ratio,
  };
}

export interface MemoryGrowth {
  rows: BenchRow[];
  few: ChildRun;
  /** Peak RSS of the bigger run / of the smaller one (1 = no growth with the number of replications). */
  ratio: number;
}

/**
 * Section 4: peak RSS of `few` replications on 2 workers (a new child), against `many`, the
 * 2-worker run of section 3.
 */
export function benchPeakMemory(few: number, many: ChildRun): MemoryGrowth {
  const small = runChild({ workers: many.workers, replications: few });
  const ratio = many.maxRssMb / small.maxRssMb;
  const label = (n: number) => n.toLocaleString('en-US');
  return {
    rows: [
      replicationsRow(small),
      derivedRow(
        `peak RSS ${label(many.replications)} / ${label(few)} replications, ${workersLabel(many.workers)}`,
        ratio,
        'x',
        `${many.maxRssMb.toFixed(1)} MiB (run above) / ${small.maxRssMb.toFixed(1)} MiB`,
      ),
    ],
    few: small,
    ratio,
  };
}

export interface MemoryPerItem {
  rows: BenchRow[];
  small: ChildRun;
  large: ChildRun;
  /** (peak RSS large - peak RSS small) / (items large - items small), bytes. */
  rssBytesPerItem: number;
  /** The same with the peak heap in use. */
  heapBytesPerItem: number;
}

/** A table row for a child run of one replication. */
function oneReplicationRow(run: ChildRun): BenchRow {
  const done = run.completed === 1 ? `done at ${run.maxCompletionHours.toFixed(0)} h` : `NOT done by the ${run.horizonHours} h horizon`;
  return {
    measure: `${WORKLOAD}, ${run.items.toLocaleString('en-US')} frames: 1 replication`,
    events: run.events,
    replications: 1,
    seconds: run.wallSeconds,
    eventsPerSecond: run.events / run.wallSeconds,
    peakRssMb: run.maxRssMb,
    peakHeapMb: run.peakHeapMb,
    note: `child process, in-process run, horizon ${run.horizonHours} h, ${done}`,
  };
}

/**
 * Section 5: one replication with `smallItems` frames and one with `largeItems` (same horizon,
 * long enough for both to finish), each in its own child process running the replication in its
 * main thread with a GC trace; memory per item is the difference of the peaks over the
 * difference of the item counts.
 */
export function benchMemoryPerItem(smallItems: number, largeItems: number, horizonHours: number): MemoryPerItem {
  const small = runChild({ workers: 0, replications: 1, items: smallItems, horizonHours, traceGc: true });
  const large = runChild({ workers: 0, replications: 1, items: largeItems, horizonHours, traceGc: true });
  const extra = largeItems - smallItems;
  const rssBytesPerItem = ((large.maxRssMb - small.maxRssMb) * 2 ** 20) / extra;
  const heapBytesPerItem = (((large.peakHeapMb ?? NaN) - (small.peakHeapMb ?? NaN)) * 2 ** 20) / extra;
  const items = `${extra.toLocaleString('en-US')} items`;
  return {
    rows: [
      oneReplicationRow(small),
      oneReplicationRow(large),
      derivedRow('memory per item: peak RSS difference / extra items', rssBytesPerItem, ' B/item', `(${large.maxRssMb.toFixed(1)} - ${small.maxRssMb.toFixed(1)}) MiB / ${items}`),
      derivedRow(
        'memory per item: peak heap difference / extra items',
        heapBytesPerItem,
        ' B/item',
        `(${large.peakHeapMb?.toFixed(1)} - ${small.peakHeapMb?.toFixed(1)}) MiB / ${items}; heap peak from --trace-gc`,
      ),
    ],
    small,
    large,
    rssBytesPerItem,
    heapBytesPerItem,
  };
}
