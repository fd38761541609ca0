/**
 * Runs `n` replications (replication 0, the experiment's seed) of the eight-week base plan with
 * the build in `dist` (this one by default): the workload bench/instructions.sh counts.
 *
 *   node dist/bench/replications-of.js [dist] [n]
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModelConfig } from '../sim/model/config.js';
import type { ReplicationResult } from '../sim/model/replication-result.js';
import { loadBenchPlan } from './experiment.js';

type Simulate = (config: ModelConfig, seed: number, replication: number) => ReplicationResult;

async function main(): Promise<void> {
  const [dist, count] = process.argv.slice(2);
  const file = dist === undefined ? '../sim/model/annotation-model.js' : pathToFileURL(path.resolve(dist, 'sim/model/annotation-model.js')).href;
  const { simulateReplication } = (await import(file)) as { simulateReplication: Simulate };
  const { model, seed } = loadBenchPlan();
  for (let i = 0; i < Number(count ?? 1); i++) simulateReplication(model, seed, 0);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
