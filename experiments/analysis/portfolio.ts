import type { ModelConfig } from '../../sim/model/config.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { ReplicationRunner } from '../../workers/replication-pool.js';
import type { PortfolioAllocation, PortfolioProduct } from '../../reports/report-data.js';
import { censoredQuantile, pairedDifference, wilson } from '../aggregate/statistics.js';
import { runReplications } from './evaluate-plan.js';

export type { PortfolioAllocation as PortfolioStudy, PortfolioProduct as ProductFigures } from '../../reports/report-data.js';

const onTimeFlags = (model: ModelConfig, results: ReplicationResult[], t: number) =>
  results.map((r): number => (Number.isFinite(r.completionByType[t]) && r.completionByType[t] <= model.deadlineHours! ? 1 : 0));

function figures(model: ModelConfig, results: ReplicationResult[], values: ReadonlyArray<number | null>): PortfolioProduct[] {
  const n = results.length;
  const deadline = model.deadlineHours;
  return model.work.map((w, t) => {
    const cost = results.reduce((s, r) => s + r.costByType[t], 0) / n;
    const accurate = results.reduce((s, r) => s + r.accurateByType[t], 0) / n;
    const done = results.map((r) => r.completionByType[t]).filter((h) => Number.isFinite(h));
    const value = values[t];
    const timed = deadline !== null && w.count !== null;
    const interval = timed ? wilson(onTimeFlags(model, results, t).reduce((s, x) => s + x, 0), n) : null;
    return {
      name: w.name,
      items: w.count ?? NaN,
      value,
      cost,
      accurate,
      returnPerDollar: value === null || cost <= 0 ? null : (value * accurate) / cost,
      onTime: timed ? done.filter((h) => h <= deadline!).length / n : null,
      onTimeInterval: interval === null ? null : { low: interval.low, high: interval.high },
      p85Hours: w.count === null ? null : censoredQuantile(done, n, 0.85),
    };
  });
}

const totalValue = (ps: PortfolioProduct[]) => ps.reduce((s, p) => s + (p.value === null ? 0 : p.value * p.accurate), 0);
const byReturn = (ps: PortfolioProduct[]) => [...ps].sort((a, b) => (b.returnPerDollar ?? -Infinity) - (a.returnPerDollar ?? -Infinity));

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
): Promise<PortfolioAllocation> {
  const baseRuns = await runReplications(runner, plan.model, seed, replications);
  const base = figures(plan.model, baseRuns, values);
  const ranked = byReturn(base).filter((p) => p.returnPerDollar !== null && Number.isFinite(p.items));
  const study: PortfolioAllocation = {
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
  const afterRuns = await runReplications(runner, model, seed, replications);
  const after = figures(model, afterRuns, values);
  const timed = (t: number) => plan.model.deadlineHours !== null && plan.model.work[t].count !== null;
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
    onTimeChange: study.products.map((p) => {
      const t = plan.model.work.findIndex((w) => w.name === p.name);
      return { name: p.name, change: timed(t) ? pairedDifference(onTimeFlags(model, afterRuns, t), onTimeFlags(plan.model, baseRuns, t)) : null };
    }),
  };
  return study;
}
