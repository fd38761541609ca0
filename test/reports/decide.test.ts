import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominates, paretoFront, recommend, type PlanOutcome } from '../../reports/decide.js';

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
