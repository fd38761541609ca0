import type { ModelConfig } from '../../sim/model/config.js';
import type { ReplicationRunner } from '../../workers/replication-pool.js';
import { meanInterval, pairedDifference, quantile, type Interval } from '../aggregate/statistics.js';
import type { MakeOrBuyDocument } from '../load/schema.js';
import { runReplications } from './evaluate-plan.js';

/** The horizon, the volume and the fixed costs of building and buying (the file's makeOrBuy, without the plans). */
export type TcoInputs = Omit<MakeOrBuyDocument, 'build' | 'buy'> & { build: Omit<MakeOrBuyDocument['build'], 'plan'>; buy: Omit<MakeOrBuyDocument['buy'], 'plan'> };

/** Labelling cycles over the horizon: each model is labelled for once per retrain. */
export const cyclesOf = (i: TcoInputs) => (i.models * i.retrainsPerYear * i.horizonMonths) / 12;
const yearsOf = (i: TcoInputs) => i.horizonMonths / 12;

/**
 * Total cost of ownership over the horizon, given the cost of an accurate label in-house
 * (`unitBuild`) and from the vendor (`unitBuy`):
 *   build = platform + months x (infrastructure + team) + models x perModel + cycles x perCycle + labels x unitBuild
 *   buy   = cycles x vendor perCycle + labels x unitBuy
 * The fixed costs of building are shared by every model and cycle; a vendor's per-cycle cost is
 * paid again for each model's every retrain.
 */
export function tco(i: TcoInputs, unitBuild: number, unitBuy: number): { build: number; buy: number } {
  const labels = i.labelsPerYear * yearsOf(i);
  const cycles = cyclesOf(i);
  const b = i.build;
  return {
    build: b.platform + i.horizonMonths * (b.infrastructurePerMonth + b.teamPerMonth) + i.models * b.perModel + cycles * b.perCycle + labels * unitBuild,
    buy: cycles * i.buy.perCycle + labels * unitBuy,
  };
}

/**
 * Labels a year above which building costs less than buying, from tco() set equal:
 *   V* = (platform + months (infrastructure + team) + models perModel + cycles (perCycle - vendor perCycle)) / (years (unitBuy - unitBuild))
 * 0 when building is cheaper at any volume; null when a vendor label costs no more than an
 * in-house one and building has fixed costs: buying is then cheaper at any volume.
 */
export function breakEvenLabelsPerYear(i: TcoInputs, unitBuild: number, unitBuy: number): number | null {
  const zero = { ...i, labelsPerYear: 0 };
  const { build, buy } = tco(zero, unitBuild, unitBuy);
  const fixed = build - buy;
  const margin = unitBuy - unitBuild;
  if (fixed <= 0 && margin >= 0) return 0;
  if (margin <= 0) return null;
  return Math.max(0, fixed / (yearsOf(i) * margin));
}

export interface MakeOrBuyStudy {
  replications: number;
  currency: string;
  inputs: TcoInputs;
  plans: { build: string; buy: string };
  /** Cost per accurate label of each plan (mean and 95% t interval over replications). */
  unitBuild: Interval | null;
  unitBuy: Interval | null;
  /** Mean TCO of each, and build minus buy paired by replication. */
  build: Interval | null;
  buy: Interval | null;
  buildMinusBuy: Interval | null;
  /** Share of replications where building costs less. */
  buildCheaper: number;
  /** Break-even labels a year at the mean unit costs, and its p10 and p90 over replications (null: never). */
  breakEven: { mean: number | null; p10: number | null; p90: number | null };
  /** Break-even labels a year for other model counts and retrain frequencies (the rules of thumb), at the mean unit costs. */
  grid: Array<{ models: number; retrainsPerYear: number; breakEven: number | null }>;
}

export const GRID_MODELS = [1, 2, 3, 4, 6];
export const GRID_RETRAINS = [1, 4, 12, 52];

/**
 * Make or buy by simulation: each plan's replications price a label (its cost per accurate item,
 * the plan's work being one labelling cycle), on the same random worlds; each replication gives a
 * TCO of building and of buying over the horizon, so the answer comes with its spread.
 */
export async function makeOrBuy(
  runner: ReplicationRunner,
  inputs: TcoInputs,
  plans: { build: { name: string; model: ModelConfig }; buy: { name: string; model: ModelConfig } },
  seed: number,
  replications: number,
): Promise<MakeOrBuyStudy> {
  const unit = async (model: ModelConfig) => (await runReplications(runner, model, seed, replications)).map((r) => r.unitCost);
  const ub = await unit(plans.build.model);
  const uv = await unit(plans.buy.model);
  const costs = ub.map((u, k) => tco(inputs, u, uv[k]));
  const mb = meanInterval(ub);
  const mv = meanInterval(uv);
  const breakEvens = ub.map((u, k) => breakEvenLabelsPerYear(inputs, u, uv[k]) ?? Infinity);
  const at = (q: number) => {
    const v = quantile(breakEvens.map((x) => (Number.isFinite(x) ? x : Number.MAX_VALUE)), q);
    return v === null || v === Number.MAX_VALUE ? null : v;
  };
  const grid = GRID_MODELS.flatMap((models) =>
    GRID_RETRAINS.map((retrainsPerYear) => ({ models, retrainsPerYear, breakEven: mb === null || mv === null ? null : breakEvenLabelsPerYear({ ...inputs, models, retrainsPerYear }, mb.mean, mv.mean) })),
  );
  return {
    replications,
    currency: plans.build.model.currency,
    inputs,
    plans: { build: plans.build.name, buy: plans.buy.name },
    unitBuild: mb,
    unitBuy: mv,
    build: meanInterval(costs.map((c) => c.build)),
    buy: meanInterval(costs.map((c) => c.buy)),
    buildMinusBuy: pairedDifference(costs.map((c) => c.build), costs.map((c) => c.buy)),
    buildCheaper: costs.filter((c) => c.build < c.buy).length / costs.length,
    breakEven: { mean: mb === null || mv === null ? null : breakEvenLabelsPerYear(inputs, mb.mean, mv.mean), p10: at(0.1), p90: at(0.9) },
    grid,
  };
}
