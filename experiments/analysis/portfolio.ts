import type { ModelConfig } from '../../sim/model/config.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { ReplicationRunner } from '../../workers/replication-pool.js';
import { censoredQuantile } from '../aggregate/statistics.js';
import { runReplications } from './evaluate-plan.js';

/** One product (work type) of a plan: what it costs, what its accurate items are worth, and its deadline risk. */
export interface ProductFigures {
  name: string;
  items: number;
  /** Money per accurate item, from the file; null when not valued. */
  value: number | null;
  /** Means over replications: activity-based cost (costByType) and accurate items. */
  cost: number;
  accurate: number;
  /** value x accurate / cost; null when not valued or free. */
  returnPerDollar: number | null;
  /** Share of replications where the product's last item was accepted by the deadline, and its p85 completion. */
  onTime: number | null;
  p85Hours: number | null;
}

export interface PortfolioStudy {
  plan: string;
  replications: number;
  currency: string;
  budget: number | null;
  totalCost: number;
  totalValue: number;
  /** Products, highest return per dollar first (products without a value last). */
  products: ProductFigures[];
  /** Spend moved from the lowest-return product to the highest: counts changed, and every product's figures after, on the same random worlds. */
  shift: {
    from: string;
    to: string;
    share: number;
    /** Spend moved (the share of the lowest's cost) and the items it takes away and buys. */
    amount: number;
    itemsFrom: number;
    itemsTo: number;
    totalCost: number;
    totalValue: number;
    products: ProductFigures[];
  } | null;
}

function figures(model: ModelConfig, results: ReplicationResult[], values: ReadonlyArray<number | null>): ProductFigures[] {
  const n = results.length;
  const deadline = model.deadlineHours;
  return model.work.map((w, t) => {
    const cost = results.reduce((s, r) => s + r.costByType[t], 0) / n;
    const accurate = results.reduce((s, r) => s + r.accurateByType[t], 0) / n;
    const done = results.map((r) => r.completionByType[t]).filter((h) => Number.isFinite(h));
    const value = values[t];
    return {
      name: w.name,
      items: w.count ?? NaN,
      value,
      cost,
      accurate,
      returnPerDollar: value === null || cost <= 0 ? null : (value * accurate) / cost,
      onTime: deadline === null || w.count === null ? null : done.filter((h) => h <= deadline).length / n,
      p85Hours: w.count === null ? null : censoredQuantile(done, n, 0.85),
    };
  });
}

const totalValue = (ps: ProductFigures[]) => ps.reduce((s, p) => s + (p.value === null ? 0 : p.value * p.accurate), 0);
const byReturn = (ps: ProductFigures[]) => [...ps].sort((a, b) => (b.returnPerDollar ?? -Infinity) - (a.returnPerDollar ?? -Infinity));

/**
 * Ranks a plan's products by return per dollar (value of the accurate items over the
 * activity-based cost of the product) and moves `share` of the lowest-return product's spend to
 * the highest: the lowest labels that share fewer items, the highest as many more as the money
 * buys at its cost per item. Both runs use the same replication indices, so the change in every
 * product's deadline risk is the shift's, including the products that only share its people.
 */
export async function portfolio(
  runner: ReplicationRunner,
  plan: { name: string; model: ModelConfig },
  values: ReadonlyArray<number | null>,
  options: { budget: number | null; share: number },
  seed: number,
  replications: number,
): Promise<PortfolioStudy> {
  const base = figures(plan.model, await runReplications(runner, plan.model, seed, replications), values);
  const ranked = byReturn(base).filter((p) => p.returnPerDollar !== null && Number.isFinite(p.items));
  const study: PortfolioStudy = {
    plan: plan.name,
    replications,
    currency: plan.model.currency,
    budget: options.budget,
    totalCost: base.reduce((s, p) => s + p.cost, 0),
    totalValue: totalValue(base),
    products: byReturn(base),
    shift: null,
  };
  if (ranked.length < 2 || options.share <= 0) return study;
  const hi = ranked[0];
  const lo = ranked[ranked.length - 1];
  const amount = options.share * lo.cost;
  const itemsFrom = Math.round(options.share * lo.items);
  const itemsTo = Math.round(amount / (hi.cost / hi.items));
  const model = structuredClone(plan.model);
  for (const w of model.work) {
    if (w.name === lo.name) w.count = Math.max(1, lo.items - itemsFrom);
    if (w.name === hi.name) w.count = hi.items + itemsTo;
  }
  const after = figures(model, await runReplications(runner, model, seed, replications), values);
  study.shift = {
    from: lo.name,
    to: hi.name,
    share: options.share,
    amount,
    itemsFrom,
    itemsTo,
    totalCost: after.reduce((s, p) => s + p.cost, 0),
    totalValue: totalValue(after),
    products: study.products.map((p) => after.find((q) => q.name === p.name)!),
  };
  return study;
}
