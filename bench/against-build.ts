/**
 * This build against another build of labelsim, on the same machine in the same run: one
 * replication of the eight-week base plan, alternately with each build, and the median ratio of
 * their times over back-to-back pairs (a shared machine's noise hits both sides of a pair alike).
 * It also checks that both builds give the same replication, event for event.
 *
 *   git worktree add ../labelsim-base <rev> && (cd ../labelsim-base && npm ci && npm run build)
 *   npm run build && node dist/bench/against-build.js ../labelsim-base/dist [pairs]
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { simulateReplication } from '../sim/model/annotation-model.js';
import type { ModelConfig } from '../sim/model/config.js';
import type { ReplicationResult } from '../sim/model/replication-result.js';
import { loadBenchPlan, WORKLOAD } from './experiment.js';
import { secondsSince } from './harness.js';

type Simulate = (config: ModelConfig, seed: number, replication: number) => ReplicationResult;

async function main(): Promise<void> {
  const [otherDist, pairsArg] = process.argv.slice(2);
  if (otherDist === undefined) throw new Error('usage: node dist/bench/against-build.js <other build dist folder> [pairs]');
  const pairs = Number(pairsArg ?? 9);
  const other = (await import(pathToFileURL(path.resolve(otherDist, 'sim/model/annotation-model.js')).href)) as { simulateReplication: Simulate };
  const { model, seed } = loadBenchPlan();
  const time = (simulate: Simulate) => {
    const start = process.hrtime.bigint();
    const r = simulate(model, seed, 0);
    return { seconds: secondsSince(start), events: r.events, completion: r.completionHours, cost: r.cost };
  };
  // One warm-up run each: both builds' hot paths compiled before anything is timed.
  time(simulateReplication);
  time(other.simulateReplication);
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    // Alternate which build goes first, so neither always runs on the warmer machine.
    const [mine, theirs] = i % 2 === 0 ? [time(simulateReplication), time(other.simulateReplication)] : (([t, m]) => [m, t])([time(other.simulateReplication), time(simulateReplication)]);
    if (mine.events !== theirs.events || mine.completion !== theirs.completion || mine.cost !== theirs.cost) {
      throw new Error(`the builds differ: this one ${mine.events} events, done at ${mine.completion} h for ${mine.cost}; the other ${theirs.events}, ${theirs.completion} h, ${theirs.cost}`);
    }
    ratios.push(mine.seconds / theirs.seconds);
    console.log(`pair ${i + 1}: this build ${mine.seconds.toFixed(3)} s, other ${theirs.seconds.toFixed(3)} s (${mine.events.toLocaleString('en-US')} events each)`);
  }
  ratios.sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)];
  console.log(`${WORKLOAD}, 1 replication: this build / other build time = ${median.toFixed(3)} (median of ${pairs} pairs, ${ratios[0].toFixed(3)}-${ratios[ratios.length - 1].toFixed(3)}); same results`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
