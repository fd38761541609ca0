import type { DecisionPolicy } from '../../reports/decision-policy.js';
import { hasFinishLine } from '../../sim/model/stopping-rule.js';
import { capacityCheck } from '../../sim/model/capacity.js';
import { feasibilityWarnings } from '../../sim/model/feasibility.js';
import type { ModelConfig } from '../../sim/model/config.js';
import { rowLayout } from '../../workers/result-rows.js';
import type { RecordSet } from '../run/record-set.js';
import { summarizePlan, type PlanSummary } from './plan-summary.js';
import type { Precision } from '../load/precision.js';
import { precisionSummary, type PrecisionSummary } from '../precision/precision-summary.js';

export interface SummaryInput {
  experiment: string;
  description: string;
  configHash: string;
  seed: number;
  replications: number;
  plans: Array<{ name: string; description: string; model: ModelConfig }>;
  /** A precision-driven run's precision (`replications` is then its cap). */
  precision?: Precision;
  /** The experiment's decision policy (absent: none); a precision-driven run settles its recommendation. */
  decision?: DecisionPolicy;
}

export interface Summary {
  experiment: string;
  description: string;
  configHash: string;
  seed: number;
  replications: number;
  currency: string;
  /** The first (baseline) plan's deadline, as summary.json has always had it; each plan's own is its `deadlineHours`. */
  deadlineHours: number | null;
  horizonHours: number;
  failedReplications: Array<{ plan: string; replication: number; seed: number; error: string }>;
  /** Each plan's figures, and `warnings`: what keeps it from finishing whatever the randomness (an endless rework loop, a stage no one staffs). */
  plans: Array<PlanSummary & { warnings: string[] }>;
  /** A precision-driven run: which figures met their precision, and each plan's replications (absent for a fixed count). */
  precision?: PrecisionSummary;
}

/**
 * The summary of a run from its validated, deduplicated records (record-set.ts), which are in
 * (plan, replication) order, so the summary is the same bytes whatever order batches finished
 * in, how many threads ran them, or how many shards they came from.
 */
export function buildSummary(input: SummaryInput, records: RecordSet): Summary {
  const first = input.plans[0].model;
  const byPlan = new Map(records.plans.map((p) => [p.name, p]));
  const failures = input.plans.flatMap((plan) => byPlan.get(plan.name)?.failures ?? []);
  const resultsByPlan = input.plans.map((plan) => {
    const own = byPlan.get(plan.name);
    return { plan, layout: own?.layout ?? rowLayout(plan.model), results: own?.results ?? [] };
  });
  const baseline = resultsByPlan[0].results;
  const summary: Summary = {
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
          finishLine: hasFinishLine(plan.model),
          trainsModel: (plan.model.training ?? null) !== null,
          accuracyTarget: plan.model.target != null && 'accuracy' in plan.model.target ? plan.model.target.accuracy : null,
          cycles: plan.model.training?.cycles?.count ?? null,
        },
        i === 0 ? null : baseline,
      );
      return { ...summary, warnings: feasibilityWarnings(plan.model, capacity) };
    }),
  };
  if (input.precision !== undefined) summary.precision = precisionSummary(input.precision, input.replications, input, records);
  return summary;
}
