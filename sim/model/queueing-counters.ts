import { histogramLength } from '../stats/duration-bins.js';
import type { ModelConfig } from './config.js';
import { deliverySizes, weeksOf } from './time-in-system.js';

/**
 * Doubles a replication keeps for its queueing figures beyond the engine's own: a wait histogram
 * per stage (and WaitHistogram's finer 1,664 counters it folds from), the time-in-system
 * histogram, service levels, items accepted per week, each pool's queue per week, and each
 * delivery's counts. Fixed by the model's shape and horizon, never by the number of items.
 */
export function queueingCounters(config: ModelConfig): number {
  const histogram = histogramLength(config.horizonHours);
  const weeks = weeksOf(config);
  const deliveries = deliverySizes(config).reduce((n, s) => n + (s?.length ?? 0), 0);
  const thresholds = config.waitThresholdHours?.length ?? 0;
  return config.stages.length * (histogram + thresholds) + histogram + weeks * (1 + config.pools.length) + 2 * deliveries;
}
