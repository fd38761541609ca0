import { capacityCheck } from '../../sim/model/capacity.js';
import { feasibilityWarnings } from '../../sim/model/feasibility.js';
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
  /** Each plan's figures, and `warnings`: what keeps it from finishing whatever the randomness (an endless rework loop, a stage no one staffs). */
  plans: Array<PlanSummary & { warnings: string[] }>;
}

/**
 * The summary of a run from its records. Records are put in (plan, replication) order first, so
 * the summary is the same bytes whatever order batches finished in, how many threads ran them, or
 * how many shards they came from.
 */
export function buildSummary(input: SummaryInput, records: ReplicationRecord[]): Summary {
  const first = input.plans[0].model;
  // A replication that failed and then succeeded (on --resume) counts as done; one that failed
  // on several runs counts once, with its last error.
  const succeeded = new Set(records.filter((r) => !isFailure(r)).map((r) => `${r.plan}:${r.replication}`));
  const lastFailure = new Map<string, Extract<ReplicationRecord, { error: string }>>();
  for (const r of records) if (isFailure(r) && !succeeded.has(`${r.plan}:${r.replication}`)) lastFailure.set(`${r.plan}:${r.replication}`, r);
  const failures = [...lastFailure.values()].sort(byPlanThenReplication(input));
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
    plans: resultsByPlan.map(({ plan, layout, results }, i) => {
      const capacity = capacityCheck(plan.model);
      const summary = summarizePlan(
        {
          name: plan.name,
          description: plan.description,
          layout,
          results,
          failed: failures.filter((f) => f.plan === plan.name).length,
          capacity,
          deadlineHours: plan.model.deadlineHours,
          types: plan.model.work.map((w) => ({ name: w.name, count: w.count, equivalentUnits: w.equivalentUnits })),
        },
        i === 0 ? null : baseline,
      );
      return { ...summary, warnings: feasibilityWarnings(plan.model, capacity) };
    }),
  };
}

function byPlanThenReplication(input: SummaryInput) {
  const order = new Map(input.plans.map((p, i) => [p.name, i]));
  return (a: ReplicationRecord, b: ReplicationRecord) => (order.get(a.plan)! - order.get(b.plan)!) || a.replication - b.replication;
}
