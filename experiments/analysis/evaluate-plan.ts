import type { ModelConfig } from '../../sim/model/config.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { ReplicationRunner } from '../../workers/replication-pool.js';
import { decodeRow, rowLayout } from '../../workers/result-rows.js';
import type { DecisionPolicy, PolicyFigures } from '../../reports/decision-policy.js';
import { policyFigures } from '../aggregate/decision-figures.js';
import { censoredQuantile, finiteMean, wilson, type Interval } from '../aggregate/statistics.js';
import { batchesOf } from '../run/batches.js';
import { shortfall } from './shortfall.js';

/** The figures a search compares, for one model over replications 0..n-1 (the same random worlds for every model). */
export interface Evaluation {
  replications: number;
  onTime: Interval | null;
  p85Hours: number | null;
  unitCost: number | null;
  cost: number | null;
  notFinished: number;
  /** What the targets are judged on (service level, time in system, residual error, cost with their intervals). */
  figures: PolicyFigures;
  /** Why these runs cannot be a search's answer whatever the figures (nothing accepted, a pool overloaded), or null (shortfall.ts). */
  shortfall: string | null;
}

/** Runs replications 0..n-1 of a model on the runner and returns them in replication order. */
export async function runReplications(runner: ReplicationRunner, model: ModelConfig, seed: number, replications: number): Promise<ReplicationResult[]> {
  const layout = rowLayout(model);
  const reps = Array.from({ length: replications }, (_, k) => k);
  const results: ReplicationResult[] = [];
  const batches = batchesOf(reps, Math.max(1, runner.workers));
  let next = 0;
  // Two batches per thread in flight keep every thread busy without flooding the pool's queue.
  const lane = async () => {
    while (next < batches.length) {
      const r = await runner.run({ model, seed, replications: batches[next++] });
      if (r.failed.length > 0) throw new Error(`replication ${r.failed[0].replication} failed: ${r.failed[0].message}`);
      r.done.forEach((_k, i) => results.push(decodeRow(r.rows.subarray(i * layout.width, (i + 1) * layout.width), layout)));
    }
  };
  await Promise.all(Array.from({ length: 2 * Math.max(1, runner.workers) }, lane));
  return results.sort((a, b) => a.replication - b.replication);
}

export function evaluate(results: ReplicationResult[], model: ModelConfig, policy: DecisionPolicy | null = null): Evaluation {
  const deadlineHours = model.deadlineHours;
  const n = results.length;
  const finished = results.filter((r) => r.completed).map((r) => r.completionHours);
  const onTime = deadlineHours === null ? null : wilson(finished.filter((t) => t <= deadlineHours).length, n);
  return {
    replications: n,
    onTime,
    p85Hours: censoredQuantile(finished, n, 0.85),
    unitCost: finiteMean(results.map((r) => r.unitCost)),
    cost: finiteMean(results.map((r) => r.cost)),
    notFinished: n - finished.length,
    figures: policyFigures(results, rowLayout(model), deadlineHours, policy),
    shortfall: shortfall(model, results),
  };
}
