/**
 * Child entry of the bench: runs replications of the base plan in a fresh process, so each
 * measurement has its own process and its own peak memory.
 *
 *   node dist/bench/replications.js --workers 2 --replications 1000
 *   node dist/bench/replications.js --workers 0 --replications 1 --items 5000000 --horizon-hours 26208
 *
 * --workers 0 runs in this thread; otherwise on Piscina threads through createReplicationRunner,
 * in batches from batchesOf, with two batches in flight per worker (as `labelsim run` does).
 * --items / --horizon-hours patch the plan's frame count and horizon.
 *
 * Prints one line of JSON at the end (`ChildReport`). Batch results are read for their event
 * counts and dropped, so nothing the parent keeps grows with the number of replications.
 */
import { parseArgs } from 'node:util';
import { batchesOf } from '../experiments/run/batches.js';
import { createReplicationRunner } from '../workers/replication-pool.js';
import { columnNames, rowLayout } from '../workers/result-rows.js';
import { loadBenchPlan, withItems } from './experiment.js';
import { secondsSince } from './harness.js';

export interface ChildReport {
  workers: number;
  replications: number;
  /** Frames of the (patched) plan. */
  items: number;
  horizonHours: number;
  /** Replications done and failed. */
  done: number;
  failed: number;
  /** Message of the first failed replication, if any. */
  firstFailure?: string;
  /** Events summed over the replications done. */
  events: number;
  /** Replications that finished their work before the horizon. */
  completed: number;
  /** Largest completion time, hours (NaN when none completed). */
  maxCompletionHours: number;
  /** From just before the pool starts to the last batch result (pool shutdown excluded). */
  wallSeconds: number;
  /** process.resourceUsage().maxRSS (KiB) / 1024: peak resident memory of the whole process, MiB. */
  maxRssMb: number;
  /** process.memoryUsage() of this thread's isolate at the end, MiB. */
  heapUsedMb: number;
  heapTotalMb: number;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      workers: { type: 'string', default: '2' },
      replications: { type: 'string', default: '1000' },
      items: { type: 'string' },
      'horizon-hours': { type: 'string' },
    },
  });
  const int = (name: string, text: string) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: expected a non-negative integer, got "${text}"`);
    return n;
  };
  return {
    workers: int('workers', values.workers),
    replications: int('replications', values.replications),
    items: values.items === undefined ? undefined : int('items', values.items),
    horizonHours: values['horizon-hours'] === undefined ? undefined : Number(values['horizon-hours']),
  };
}

async function main(): Promise<void> {
  const opts = readOptions();
  const plan = loadBenchPlan();
  const model =
    opts.items === undefined && opts.horizonHours === undefined
      ? plan.model
      : withItems(plan.model, opts.items ?? plan.model.work[0].count!, opts.horizonHours ?? plan.model.horizonHours);
  const columns = columnNames(rowLayout(model));
  const width = columns.length;
  const at = { events: columns.indexOf('events'), completed: columns.indexOf('completed'), completionHours: columns.indexOf('completionHours') };

  const replications = Array.from({ length: opts.replications }, (_, k) => k);
  const batches = batchesOf(replications, Math.max(1, opts.workers));
  let events = 0;
  let done = 0;
  let failed = 0;
  let completed = 0;
  let maxCompletionHours = NaN;
  let firstFailure: string | undefined;

  const start = process.hrtime.bigint();
  const runner = createReplicationRunner(opts.workers);
  let next = 0;
  const feed = async () => {
    while (next < batches.length) {
      const result = await runner.run({ model, seed: plan.seed, replications: batches[next++] });
      for (let i = 0; i < result.done.length; i++) {
        const row = i * width;
        events += result.rows[row + at.events];
        if (result.rows[row + at.completed] === 1) {
          completed++;
          const hours = result.rows[row + at.completionHours];
          if (Number.isNaN(maxCompletionHours) || hours > maxCompletionHours) maxCompletionHours = hours;
        }
      }
      done += result.done.length;
      failed += result.failed.length;
      firstFailure ??= result.failed[0]?.stack;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.workers) * 2 }, feed));
  const wallSeconds = secondsSince(start);
  await runner.close();

  const mib = (bytes: number) => bytes / 2 ** 20;
  const memory = process.memoryUsage();
  const report: ChildReport = {
    workers: opts.workers,
    replications: opts.replications,
    items: model.work[0].count ?? NaN,
    horizonHours: model.horizonHours,
    done,
    failed,
    firstFailure,
    events,
    completed,
    maxCompletionHours,
    wallSeconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: mib(memory.heapUsed),
    heapTotalMb: mib(memory.heapTotal),
  };
  console.log(JSON.stringify(report));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
