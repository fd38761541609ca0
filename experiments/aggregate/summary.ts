import { capacityCheck } from '../../sim/model/capacity.js';
import type { ModelConfig } from '../../sim/model/config.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import { decodeRow, rowLayout } from '../../workers/result-rows.js';
import { isFailure, type ReplicationRecord } from '../run/record-log.js';
import { summarizePlan, type PlanSummary } from './plan-summary.js';

export interface SummaryInput {
  experiment: string;
  description: string;
  configHash: string;
  seed: number;
  replications: number;
  plans: Array<{ name: string; description: string; model: ModelConfig }>;
}

export interface Summary {
  experiment: string;
  description: string;
  configHash: string;
  seed: number;
  replications: number;
  currency: string;
  deadlineHours: number | null;
  horizonHours: number;
  failedReplications: Array<{ plan: string; replication: number; seed: number; error: string }>;
  plans: PlanSummary[];
}

/**
 * The summary of a run from its records. Records are put in (plan, replication) order first, so
 * the summary is the same bytes whatever order batches finished in, how many threads ran them, or
 * how many shards they came from.
 */
export function buildSummary(input: SummaryInput, records: ReplicationRecord[]): Summary {
  const first = input.plans[0].model;
  const failures = records.filter(isFailure).sort(byPlanThenReplication(input));
  const resultsByPlan = input.plans.map((plan) => {
    const layout = rowLayout(plan.model);
    const seen = new Set<number>();
    const results: ReplicationResult[] = [];
    for (const r of records) {
      if (r.plan !== plan.name || isFailure(r) || seen.has(r.replication)) continue;
      seen.add(r.replication);
      results.push(decodeRow(Float64Array.from(r.row, (x) => (x === null ? NaN : x)), layout));
    }
    results.sort((a, b) => a.replication - b.replication);
    return { plan, layout, results };
  });
  const baseline = resultsByPlan[0].results;
  return {
    experiment: input.experiment,
    description: input.description,
    configHash: input.configHash,
    seed: input.seed,
    replications: input.replications,
    currency: first.currency,
    deadlineHours: first.deadlineHours,
    horizonHours: first.horizonHours,
    failedReplications: failures.map((f) => ({ plan: f.plan, replication: f.replication, seed: f.seed, error: f.error })),
    plans: resultsByPlan.map(({ plan, layout, results }, i) =>
      summarizePlan(
        {
          name: plan.name,
          description: plan.description,
          layout,
          results,
          failed: failures.filter((f) => f.plan === plan.name).length,
          capacity: capacityCheck(plan.model),
          deadlineHours: plan.model.deadlineHours,
          types: plan.model.work.map((w) => ({ name: w.name, count: w.count, equivalentUnits: w.equivalentUnits })),
        },
        i === 0 ? null : baseline,
      ),
    ),
  };
}

function byPlanThenReplication(input: SummaryInput) {
  const order = new Map(input.plans.map((p, i) => [p.name, i]));
  return (a: ReplicationRecord, b: ReplicationRecord) => (order.get(a.plan)! - order.get(b.plan)!) || a.replication - b.replication;
}
