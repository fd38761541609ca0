/**
 * Benchmark entry point: `npm run bench` (or `node dist/bench/bench.js` after a build).
 * Prints a table and writes the same figures to out/bench.json.
 */
import { fileURLToPath } from 'node:url';
import { benchEngineVsBare, MMC } from './engine.js';
import { formatTable, machineInfo, writeJsonAtomic, type BenchRow } from './harness.js';

const OUT_FILE = fileURLToPath(new URL('../../out/bench.json', import.meta.url));
const MEASURE = { warmups: 1, repeats: 3 };

function main(): void {
  const machine = machineInfo();
  console.log(`labelsim bench — node ${machine.node}, ${machine.cpu}, ${machine.cores} cores (${machine.platform})`);
  console.log(
    `M/M/${MMC.servers}: arrivals ${MMC.arrivalsPerHour}/h, mean service ${MMC.meanServiceHours} h, ` +
      `horizon ${MMC.horizonHours.toFixed(0)} h; best of ${MEASURE.repeats} after ${MEASURE.warmups} warm-up`,
  );
  console.log();

  const rows: BenchRow[] = [];
  const cmp = benchEngineVsBare(MMC, MEASURE);
  rows.push(cmp.engine, cmp.bare);
  // Further sections (one replication of a full experiment, 1,000 replications on 1 and 2
  // workers, peak memory) push their rows here.

  console.log(formatTable(rows));
  console.log();
  console.log(`ratio engine / bare loop: ${cmp.ratio.toFixed(3)}  (${(1 / cmp.ratio).toFixed(2)}x slower)`);
  if (!cmp.sameTrajectory) {
    console.log(`WARNING: the loops diverged — engine ${cmp.engine.note}, bare ${cmp.bare.note}`);
  }

  writeJsonAtomic(OUT_FILE, {
    generatedAt: new Date().toISOString(),
    machine,
    workload: { ...MMC, model: 'M/M/c' },
    method: MEASURE,
    rows,
    ratios: { engineOverBare: cmp.ratio },
    checks: { sameTrajectory: cmp.sameTrajectory },
  });
  console.log(`\nwrote ${OUT_FILE}`);
}

main();
