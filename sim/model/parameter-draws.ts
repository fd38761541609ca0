import { KeyedRandom } from '../random/keyed-random.js';
import type { ModelConfig, PoolConfig, StageConfig } from './config.js';

/**
 * The model a replication runs when its parameters are themselves uncertain (a small pilot's
 * bootstrap, see labelsim calibrate): one of the draws, chosen by a uniform keyed to the
 * replication alone, so the same replication index runs with the same draw in every plan
 * (common random numbers hold) and the choice never depends on what else the run did.
 *
 * Resolved once, when the replication is built: the hot path sees an ordinary model. Without
 * draws, or in deterministic mode (every source of randomness off), the model is returned as it
 * is, so models without draws take exactly the path they always took.
 */
export function drawnModel(config: ModelConfig, seed: number | string, replication: number): ModelConfig {
  const draws = config.parameterDraws;
  if (draws === undefined || draws.length === 0 || config.deterministic) return config;
  const u = new KeyedRandom(seed, replication, 'parameter-draw').uniform(0);
  const draw = draws[Math.min(draws.length - 1, Math.floor(u * draws.length))];
  const stages: StageConfig[] = config.stages.slice();
  for (const d of draw.stages) {
    const s = stages[d.stage];
    const next = { ...s, ...(d.handling !== undefined ? { handling: d.handling } : {}) };
    if (d.reworkFactor !== undefined && next.kind === 'annotate') next.reworkFactor = d.reworkFactor;
    stages[d.stage] = next as StageConfig;
  }
  const pools: PoolConfig[] = config.pools.slice();
  for (const d of draw.pools) if (d.errorRate !== undefined) pools[d.pool] = { ...pools[d.pool], errorRate: d.errorRate };
  return { ...config, stages, pools };
}

/** Which draw replication `replication` uses (for reports and tests). */
export function drawIndex(config: ModelConfig, seed: number | string, replication: number): number | null {
  const draws = config.parameterDraws;
  if (draws === undefined || draws.length === 0 || config.deterministic) return null;
  return Math.min(draws.length - 1, Math.floor(new KeyedRandom(seed, replication, 'parameter-draw').uniform(0) * draws.length));
}
