import type { ModelConfig } from '../../sim/model/config.js';
import { defaultWorkerCount } from '../../workers/replication-pool.js';

/**
 * Items a run may simulate in this thread rather than on worker threads. Starting a worker
 * thread and loading the model into it cost about a quarter of a second on the two-core machine
 * this was measured on (test/experiments/fixtures/small-project.yaml, 10 replications of 3 plans:
 * 0.68-0.86 s in this thread against 0.89-1.17 s on 2 workers), while the eight-week
 * experiment's replication handles its 500,000 items in 0.2-0.3 s; below this many items, the
 * threads cost more than they save. The results are the same bytes either way.
 */
export const IN_THREAD_ITEMS = 200_000;

/** Items one replication of a plan handles at most: its work types' counts, or for an open stream, its arrivals by the horizon. */
export function itemsPerReplication(model: ModelConfig): number {
  let items = 0;
  for (const w of model.work) {
    const a = w.arrival;
    const byHorizon = a.kind === 'poisson' ? a.perHour * model.horizonHours : a.kind === 'schedule' ? (Math.floor(Math.max(0, model.horizonHours - a.firstHours) / a.everyHours) + 1) * a.batch : Infinity;
    items += Math.min(w.count ?? Infinity, byHorizon);
  }
  return items;
}

/**
 * The worker threads for a run the user gave no --workers: none (this thread) for a run of at
 * most IN_THREAD_ITEMS items in all, otherwise one per core.
 */
export function automaticWorkers(models: ModelConfig[], replications: number): number {
  const items = models.reduce((sum, m) => sum + itemsPerReplication(m) * replications, 0);
  return items <= IN_THREAD_ITEMS ? 0 : defaultWorkerCount();
}
