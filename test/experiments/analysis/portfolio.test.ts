import { afterAll, describe, expect, it } from 'vitest';
import { runReplications } from '../../../experiments/analysis/evaluate-plan.js';
import { portfolio } from '../../../experiments/analysis/portfolio.js';
import { createReplicationRunner } from '../../../workers/replication-pool.js';
import { minimalDocument, parseDoc } from '../load/helpers.js';

/** Two products sharing the annotators and the reviewers: cheap frames and dear documents. */
function twoProducts(): Record<string, any> {
  const doc = minimalDocument();
  doc.deadline = '2w';
  doc.work = {
    frames: { count: 1000, workflow: ['annotate', 'review'], value: 0.2 },
    documents: { count: 200, complexity: 5, workflow: ['annotate', 'review'], value: 6 },
  };
  doc.pools.annotators.errorRate = '4%';
  return doc;
}

describe('portfolio allocation', () => {
  const runner = createReplicationRunner(0);
  afterAll(() => runner.close());

  it('ranks products by the value of their accurate items over their activity-based cost, and shifts spend from the lowest to the highest', async () => {
    const e = parseDoc(twoProducts());
    const plan = e.plans[0];
    const study = await portfolio(runner, plan, [0.2, 6], { budget: null, share: 0.1 }, 5, 6);
    const rs = await runReplications(runner, plan.model, 5, 6);
    const mean = (f: (k: number) => number) => rs.reduce((s, _r, k) => s + f(k), 0) / rs.length;
    for (const [t, value] of [0.2, 6].entries()) {
      const p = study.products.find((x) => x.name === plan.model.work[t].name)!;
      expect(p.cost).toBeCloseTo(mean((k) => rs[k].costByType[t]), 9);
      expect(p.accurate).toBeCloseTo(mean((k) => rs[k].accurateByType[t]), 9);
      expect(p.returnPerDollar).toBeCloseTo((value * p.accurate) / p.cost, 12);
    }
    // Costs by type add up to the plan's cost.
    expect(study.totalCost).toBeCloseTo(mean((k) => rs[k].cost), 6);
    const [hi, lo] = study.products;
    expect(hi.returnPerDollar!).toBeGreaterThan(lo.returnPerDollar!);
    const shift = study.shift!;
    expect([shift.from, shift.to]).toEqual([lo.name, hi.name]);
    expect(shift.itemsFrom).toBe(Math.round(0.1 * lo.items));
    expect(shift.itemsTo).toBe(Math.round((0.1 * lo.cost) / (hi.cost / hi.items)));
    // The shifted run is the plan with those counts, on the same replications.
    const moved = twoProducts();
    moved.work[lo.name].count = lo.items - shift.itemsFrom;
    moved.work[hi.name].count = hi.items + shift.itemsTo;
    const after = await runReplications(runner, parseDoc(moved).plans[0].model, 5, 6);
    expect(shift.totalCost).toBeCloseTo(after.reduce((s, r) => s + r.cost, 0) / after.length, 6);
  });

  it('leaves the model and its hash alone: a value is read from the file, not put into the model', () => {
    const e = parseDoc(twoProducts());
    expect(Object.keys(e.plans[0].model.work[0])).not.toContain('value');
  });
});
