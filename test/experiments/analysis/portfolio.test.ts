import { probit } from 'simple-statistics';
import { afterAll, describe, expect, it } from 'vitest';
import { runReplications } from '../../../experiments/analysis/evaluate-plan.js';
import { portfolio } from '../../../experiments/analysis/portfolio.js';
import { portfolioLines } from '../../../experiments/cli/portfolio-command.js';
import { createReplicationRunner } from '../../../workers/replication-pool.js';
import { minimalDocument, parseDoc } from '../load/helpers.js';
import { sharedExperts } from './portfolio-fixture.js';

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

  it('prints its table in the file\'s currency and says when the shifted spend breaks the budget', async () => {
    const doc = twoProducts();
    doc.currency = 'EUR';
    const plan = parseDoc(doc).plans[0];
    const open = await portfolio(runner, plan, [0.2, 6], { budget: null, share: 0.1 }, 5, 4);
    const lines = portfolioLines(open);
    expect(lines.join('\n')).toContain('Products by return per EUR');
    expect(lines.join('\n')).not.toContain('$');
    // The shifted plan costs a little more (documents dearer per item than the frames given up): a budget between the two is met before and broken after.
    expect(open.shift!.totalCost).toBeGreaterThan(open.totalCost);
    const budget = (open.totalCost + open.shift!.totalCost) / 2;
    const tight = portfolioLines(await portfolio(runner, plan, [0.2, 6], { budget, share: 0.1 }, 5, 4));
    expect(tight[0]).toMatch(/budget EUR [\d,]+ \(EUR [\d,]+ left\)$/);
    expect(tight.filter((l) => /^ {2}cost EUR [\d,]+ -> EUR [\d,]+, .* \(EUR [\d,]+ over the budget of EUR [\d,]+\)$/.test(l))).toHaveLength(1);
  });

  it('moves deadline risk the way the shift moves work: the product that gives up spend gains, the one that takes it and the one sharing its people lose', async () => {
    const plan = parseDoc(sharedExperts()).plans[0];
    const study = await portfolio(runner, plan, [0.2, 6, null], { budget: 20000, share: 0.5 }, 5, 10);
    const f = study.shift!;
    expect([f.from, f.to]).toEqual(['frames', 'documents']);
    const before = Object.fromEntries(study.products.map((p) => [p.name, p]));
    const after = Object.fromEntries(f.products.map((p) => [p.name, p]));
    const change = Object.fromEntries(f.onTimeChange.map((c) => [c.name, c.change!]));
    // Frames: late in some replications before, never after (4,000 frames finish Tuesday).
    expect(before.frames.onTime!).toBeLessThan(1);
    expect(after.frames.onTime).toBe(1);
    // Documents and notes: on time in every replication before, in none after (the experts finish on Thursday).
    for (const name of ['documents', 'notes']) {
      expect(before[name].onTime).toBe(1);
      expect(after[name].onTime).toBe(0);
      expect(after[name].p85Hours!).toBeGreaterThan(before[name].p85Hours!);
    }
    expect(after.notes.items).toBe(400);
    // The paired change is after - before, replication by replication: its mean is the difference of the shares.
    for (const p of study.products) expect(change[p.name].mean).toBeCloseTo(after[p.name].onTime! - before[p.name].onTime!, 12);
    expect(change.documents).toEqual({ mean: -1, low: -1, high: -1 });
    expect(change.frames.low).toBeLessThanOrEqual(change.frames.mean);
    // Wilson intervals of the shares: 10 of 10 gives [n / (n + z^2), 1].
    expect(before.documents.onTimeInterval!.low).toBeCloseTo(10 / (10 + probit(0.975) ** 2), 12);
    expect(before.documents.onTimeInterval!.high).toBeCloseTo(1, 12);
    expect(after.notes.onTimeInterval!.low).toBeCloseTo(0, 12);
  });

  it('leaves the model and its hash alone: a value is read from the file, not put into the model', () => {
    const e = parseDoc(twoProducts());
    expect(Object.keys(e.plans[0].model.work[0])).not.toContain('value');
  });
});
