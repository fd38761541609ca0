/**
 * Benchmark entry point: `npm run bench` (or `node dist/bench/bench.js` after a build).
 * Prints one table and writes the same figures to out/bench.json.
 *
 *   npm run bench              full run (about 10 minutes on 2 cores)
 *   npm run bench -- --quick   fast check: 100 replications instead of 1,000, memory growth
 *                              10 vs 100 replications, and no 5,000,000-frame run
 *
 * Sections of the table:
 *   1. engine events/s on M/M/10 against a bare typed-array heap loop on the same events, and the ratio;
 *   2. one replication of experiments/eight-week-video.yaml plan `base` (500,000 frames) in this
 *      process: events, seconds, events/s (best of 3 after a warm-up);
 *   2b. every plan of experiments/labelling-strategies.yaml, 10 replications each: seconds per
 *      accepted item, and the slowest plan's against section 2's (the issue asks for no slower);
 *   3. 1,000 replications of that plan on 1 and on 2 Piscina workers, each in a child process
 *      (dist/bench/replications.js): seconds, replications/s, and time 1 worker / time 2 workers;
 *   4. peak RSS of 100 against 1,000 replications on 2 workers, and their ratio (should be ~1);
 *   5. memory per item: one replication with 5,000,000 frames against one with 500,000 (same
 *      horizon), each in a child process: peak RSS and peak heap differences / 4,500,000;
 *   6. labelsim through its annotation model against SIM.JS 2.0.3 on the same M/M/10 queue,
 *      1,000,000 customers, in this process: events/s of each and their ratio (bench/simjs.ts);
 *   7. a small experiment end to end: `labelsim run` with 10 replications in a new process.
 *
 * Timings are wall-clock on whatever else the machine is doing: the load average is printed
 * before and after.
 */
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchMemoryPerItem, benchPeakMemory, benchReplicationScaling } from './child-runs.js';
import { benchEngineVsBare, MMC } from './engine.js';
import { benchOneReplication, EXPERIMENT_FILE, loadBenchPlan, PLAN } from './experiment.js';
import { benchStrategies } from './strategies.js';
import { benchAgainstSimJs, PEER } from './simjs.js';
import { benchSmallRun } from './small-run.js';
import { derivedRow, formatLoad, formatTable, inSection, machineInfo, sourceState, writeJsonAtomic, type BenchRow } from './harness.js';

const OUT_FILE = fileURLToPath(new URL('../../out/bench.json', import.meta.url));
const MEASURE = { warmups: 1, repeats: 3 };

/** Replication counts and item counts of sections 3-5, full and quick. */
const FULL = { replications: 1000, fewReplications: 100, memoryPerItem: true };
const QUICK = { replications: 100, fewReplications: 10, memoryPerItem: false };
const SMALL_ITEMS = 500_000;
const LARGE_ITEMS = 5_000_000;
/** Three years: 5,000,000 frames take about 131 weeks at 10 annotators (500,000 take 13). */
const LARGE_HORIZON_HOURS = 3 * 52 * 168;

function main(): void {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const sizes = values.quick ? QUICK : FULL;
  const machine = machineInfo();
  const startedAt = new Date();
  const source = sourceState();
  const count = (n: number) => n.toLocaleString('en-US');

  console.log(`labelsim bench${values.quick ? ' --quick' : ''} — ${startedAt.toISOString()}`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.platform}, node ${machine.node}`);
  if (source !== null) {
    const dirty = source.modified.length > 0 ? ` + uncommitted changes in ${source.modified.join(', ')}` : '';
    console.log(`source: commit ${source.commit}${dirty}`);
  }
  console.log(`load average at start (1, 5, 15 min): ${formatLoad(machine.loadAverage)}`);
  console.log(
    `M/M/${MMC.servers}: arrivals ${MMC.arrivalsPerHour}/h, mean service ${MMC.meanServiceHours} h, ` +
      `horizon ${MMC.horizonHours.toFixed(0)} h; in-process timings best of ${MEASURE.repeats} after ${MEASURE.warmups} warm-up`,
  );
  console.log(`experiment: ${path.relative(process.cwd(), EXPERIMENT_FILE)}, plan ${PLAN}`);
  console.log();

  const rows: BenchRow[] = [];
  const ratios: Record<string, number> = {};

  // 1. Engine against the bare loop.
  const cmp = benchEngineVsBare(MMC, MEASURE);
  rows.push(...inSection('1. engine vs bare heap loop, in-process', [cmp.engine, cmp.bare, derivedRow('ratio engine / bare loop (events/s)', cmp.ratio, '', `median of ${cmp.pairRatios.length} back-to-back pairs (${Math.min(...cmp.pairRatios).toFixed(2)}-${Math.max(...cmp.pairRatios).toFixed(2)}); ${(1 / cmp.ratio).toFixed(2)}x slower`)]));
  ratios.engineOverBare = cmp.ratio;

  // 2. One realistic replication.
  const one = benchOneReplication(MEASURE);
  rows.push(...inSection('2. one replication of the realistic model, in-process', [one]));

  // 2b. The feedback loop, per item against the eight-week experiment.
  const strategies = benchStrategies(one.seconds / loadBenchPlan().model.work[0].count!, MEASURE);
  rows.push(...inSection('2b. labelling strategies (a model trained on the labels), in-process', strategies.rows));
  ratios.strategiesPerItemOverEightWeek = strategies.ratio;

  // 3. Many replications on 1 and 2 workers.
  const scaling = benchReplicationScaling(sizes.replications);
  rows.push(...inSection(`3. ${count(sizes.replications)} replications, 1 vs 2 workers, child processes`, scaling.rows));
  ratios.timeOneWorkerOverTwo = scaling.ratio;

  // 4. Peak memory against the number of replications.
  const growth = benchPeakMemory(sizes.fewReplications, scaling.twoWorkers);
  rows.push(...inSection(`4. peak memory, ${count(sizes.fewReplications)} vs ${count(sizes.replications)} replications, 2 workers`, growth.rows));
  ratios.peakRssManyOverFew = growth.ratio;

  // 5. Memory per item.
  if (sizes.memoryPerItem) {
    const perItem = benchMemoryPerItem(SMALL_ITEMS, LARGE_ITEMS, LARGE_HORIZON_HOURS);
    rows.push(...inSection(`5. memory per item, ${count(SMALL_ITEMS)} vs ${count(LARGE_ITEMS)} frames, child processes`, perItem.rows));
    ratios.rssBytesPerItem = perItem.rssBytesPerItem;
    ratios.heapBytesPerItem = perItem.heapBytesPerItem;
  }

  // 6. The fastest JavaScript peer on the same queue.
  const peer = benchAgainstSimJs(PEER, MEASURE);
  rows.push(...inSection(`6. labelsim through the model vs SIM.JS 2.0.3, M/M/${PEER.servers}, ${count(PEER.customers)} customers, in-process`, peer.rows));
  ratios.labelsimOverSimJs = peer.ratio;

  // 7. A small experiment as a user runs it.
  rows.push(...inSection('7. a small experiment end to end, child process', [benchSmallRun()]));

  console.log(formatTable(rows));
  console.log();
  if (!cmp.sameTrajectory) {
    console.log(`WARNING: the loops diverged — engine ${cmp.engine.note}, bare ${cmp.bare.note}`);
  }
  const loadAtEnd = os.loadavg();
  const wallSeconds = (Date.now() - startedAt.getTime()) / 1000;
  console.log(`load average at end (1, 5, 15 min): ${formatLoad(loadAtEnd)}; bench took ${wallSeconds.toFixed(0)} s`);

  writeJsonAtomic(OUT_FILE, {
    generatedAt: startedAt.toISOString(),
    quick: values.quick,
    machine,
    source,
    loadAverageAtEnd: loadAtEnd,
    wallSeconds,
    workloads: {
      mmc: { ...MMC, model: 'M/M/c' },
      peer: { ...PEER, model: 'M/M/c', simjs: '2.0.3' },
      experiment: { file: EXPERIMENT_FILE, plan: PLAN, ...sizes, smallItems: SMALL_ITEMS, largeItems: LARGE_ITEMS, largeHorizonHours: LARGE_HORIZON_HOURS },
    },
    method: MEASURE,
    rows,
    ratios,
    checks: { sameTrajectory: cmp.sameTrajectory },
  });
  console.log(`wrote ${path.relative(process.cwd(), OUT_FILE)}`);
}

main();
