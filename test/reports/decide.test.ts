import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominates, paretoFront, recommend, type PlanOutcome } from '../../reports/decide.js';
import { policyWords, type DecisionPolicy, type PolicyFigures } from '../../reports/decision-policy.js';

const p = (name: string, onTime: number | null, unitCost: number | null): PlanOutcome => ({ name, onTime, unitCost });

describe('the recommendation', () => {
  it('is the cheapest of the plans with at least a 90% chance to finish on time', () => {
    const r = recommend([p('base', 0.04, 0.91), p('second-shift', 0.97, 0.95), p('pre-labels', 0.93, 0.88), p('tiered', 0.99, 1.1)]);
    expect(r).toEqual({ plan: 'pre-labels', basis: 'acceptable', among: ['second-shift', 'pre-labels', 'tiered'] });
  });

  it('counts exactly 90% as acceptable', () => {
    expect(recommend([p('a', 0.9, 2), p('b', 0.89, 1)])?.plan).toBe('a');
  });

  it('falls back to the plans with the highest chance when none reaches 90%, and takes the cheapest of those', () => {
    expect(recommend([p('base', 0.04, 0.91), p('x', 0.6, 1.2), p('y', 0.6, 1.0), p('z', 0.5, 0.5)])).toEqual({ plan: 'y', basis: 'best-chance', among: ['x', 'y'] });
  });

  it('is simply the cheapest when there is no deadline', () => {
    expect(recommend([p('a', null, 0.5), p('b', null, 0.4), p('c', null, null)])).toEqual({ plan: 'b', basis: 'cheapest', among: ['a', 'b', 'c'] });
  });

  it('ranks an unknown unit cost last, prefers the likelier plan at equal cost, and otherwise keeps the earlier plan', () => {
    expect(recommend([p('a', 0.95, null), p('b', 0.92, 3)])?.plan).toBe('b');
    expect(recommend([p('a', 0.95, null), p('b', 0.92, null)])?.plan).toBe('a');
    expect(recommend([p('a', 0.95, 1), p('b', 0.99, 1)])?.plan).toBe('b');
    expect(recommend([p('a', 0.95, 1), p('b', 0.95, 1)])?.plan).toBe('a');
  });

  it('has nothing to recommend among no plans', () => {
    expect(recommend([])).toBeNull();
  });
});

describe('the Pareto front of chance on time against unit cost', () => {
  it('keeps the plans no other plan beats on both counts, ordered by chance on time', () => {
    const plans = [p('base', 0.04, 0.91), p('dear-slow', 0.03, 1.5), p('fast', 0.99, 1.2), p('middle', 0.6, 1.0), p('worse-middle', 0.55, 1.05)];
    expect(paretoFront(plans)).toEqual(['base', 'middle', 'fast']);
  });

  it('keeps both of two identical plans (neither is strictly better) and leaves out plans with a missing figure', () => {
    expect(paretoFront([p('a', 0.5, 1), p('b', 0.5, 1), p('c', null, 0.1), p('d', 0.99, null)])).toEqual(['a', 'b']);
  });

  it('says a plan dominates another only when it is at least as good on both and better on one', () => {
    expect(dominates(p('a', 0.9, 1), p('b', 0.8, 1))).toBe(true);
    expect(dominates(p('a', 0.9, 1), p('b', 0.9, 1.1))).toBe(true);
    expect(dominates(p('a', 0.9, 1), p('b', 0.9, 1))).toBe(false);
    expect(dominates(p('a', 0.9, 1.2), p('b', 0.8, 1))).toBe(false);
    expect(dominates(p('a', null, 1), p('b', 0.8, 2))).toBe(false);
  });

  it('never recommends a dominated plan, whatever the figures', () => {
    const outcome = fc.record({ onTime: fc.constantFrom(0, 0.2, 0.5, 0.85, 0.9, 0.95, 1), unitCost: fc.constantFrom(0.5, 0.8, 1, 1.2) });
    fc.assert(
      fc.property(fc.array(outcome, { minLength: 1, maxLength: 8 }), (xs) => {
        const plans = xs.map((x, i) => p(`plan-${i}`, x.onTime, x.unitCost));
        const r = recommend(plans)!;
        expect(paretoFront(plans)).toContain(r.plan);
      }),
    );
  });
});

describe('the recommendation under a decision policy set in the file', () => {
  const est = (mean: number, low = mean, high = mean) => ({ mean, low, high });
  const figures = (onTime: number, onTimeLow: number, serviceLevel: number, cost: number): PolicyFigures => ({
    onTime: est(onTime, onTimeLow, Math.min(1, onTime + 0.02)),
    serviceLevel: est(serviceLevel, serviceLevel - 0.03, serviceLevel + 0.03),
    timeInSystemP85: est(200, 194, 206),
    residualError: est(0.02, 0.018, 0.022),
    cost: est(cost, cost * 0.98, cost * 1.02),
  });
  const plan = (name: string, unitCost: number, f: PolicyFigures): PlanOutcome => ({ name, onTime: f.onTime!.mean, unitCost, figures: f });
  const plans = [
    plan('base', 0.9, figures(0.2, 0.15, 0.95, 100_000)),
    plan('fast', 1.1, figures(0.97, 0.93, 0.6, 120_000)),
    plan('steady', 1.2, figures(0.95, 0.88, 0.9, 125_000)),
    plan('lavish', 1.5, figures(0.99, 0.97, 0.97, 160_000)),
  ];
  const policy = (targets: DecisionPolicy['targets'], basis: DecisionPolicy['basis'] = 'estimate'): DecisionPolicy => ({ name: null, basis, targets });

  it('is the cheapest plan meeting every target, with the checks of the plan it names', () => {
    const r = recommend(plans, policy({ onTime: 0.9, serviceLevel: { stage: 'review', withinHours: 4, atLeast: 0.8 } }))!;
    expect([r.plan, r.basis, r.among]).toEqual(['steady', 'acceptable', ['steady', 'lavish']]);
    expect(r.checks!.map((c) => [c.target, c.value, c.met])).toEqual([
      ['onTime', 0.95, true],
      ['serviceLevel', 0.9, true],
    ]);
  });

  it('judges each target at the unfavourable end of its interval when the policy says so', () => {
    // steady's on-time interval reaches down to 88%, below 90%: only lavish is sure enough.
    expect(recommend(plans, policy({ onTime: 0.9, serviceLevel: { stage: 'review', withinHours: 4, atLeast: 0.8 } }, 'interval'))!.plan).toBe('lavish');
    // A budget is judged at the high end of the cost's interval: 160,000 x 1.02 is over 160,000.
    expect(recommend(plans, policy({ onTime: 0.96, budget: 160_000 }, 'interval'))!.basis).toBe('closest');
  });

  it('falls back to the cheapest of the plans meeting the most targets when none meets them all', () => {
    const r = recommend(plans, policy({ onTime: 0.9, residualError: 0.01, budget: 130_000 }))!;
    expect([r.plan, r.basis, r.among]).toEqual(['fast', 'closest', ['fast', 'steady']]);
  });

  it('counts a figure a plan lacks as a target missed', () => {
    const noDeadline = plans.map((p) => ({ ...p, figures: { ...p.figures!, onTime: null } }));
    expect(recommend(noDeadline, policy({ onTime: 0.5, budget: 110_000 }))).toMatchObject({ plan: 'base', basis: 'closest' });
  });

  it('leaves the recommendation exactly as without one when no policy is given', () => {
    expect(recommend(plans)).toEqual(recommend(plans.map(({ figures: _f, ...p }) => p)));
    expect(recommend(plans)).toEqual({ plan: 'fast', basis: 'acceptable', among: ['fast', 'steady', 'lavish'] });
  });
});

describe('a decision policy in words', () => {
  it('names its targets and its basis, or the name the file gives it', () => {
    const p: DecisionPolicy = { name: null, basis: 'interval', targets: { onTime: 0.9, serviceLevel: { stage: 'review', withinHours: 4, atLeast: 0.8 }, timeInSystemP85Hours: 336, residualError: 0.02, budget: 250_000 } };
    expect(policyWords(p, (x) => `$${x}`, (h) => `${h} h`)).toBe(
      'at least 90% chance on time; at least 80% of review tasks started within 4 h; 85% of items accepted within 336 h of arriving; at most 2% wrong labels delivered; mean cost at most $250000, at the unfavourable end of each 95% interval',
    );
    expect(policyWords({ ...p, name: 'Ops sign-off' }, String, String)).toBe('Ops sign-off');
  });
});
