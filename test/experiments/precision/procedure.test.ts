import { describe, expect, it } from 'vitest';
import type { ReplicationResult } from '../../../sim/model/replication-result.js';
import type { Precision } from '../../../experiments/load/precision.js';
import { precisionProgress, type PlanSoFarRecords } from '../../../experiments/precision/procedure.js';
import { normalQuantile } from '../../../experiments/precision/intervals.js';

/** A replication with the three figures the procedure reads; the rest of a result is never looked at. */
const rep = (replication: number, completionHours: number, unitCost: number) => ({ replication, completionHours, unitCost }) as unknown as ReplicationResult;

function plan(name: string, n: number, f: (k: number) => { hours: number; cost: number }, deadlineHours: number | null = 100): PlanSoFarRecords {
  const results = Array.from({ length: n }, (_, k) => rep(k, f(k).hours, f(k).cost));
  return { name, results, failed: [], deadlineHours, finishLine: true, rankedBy: 'unitCost' };
}

const precision = (p: Partial<Precision>): Precision => ({ onTime: null, p85Hours: null, unitCost: null, settled: false, confidence: 0.95, firstRound: 20, ...p });

describe('the stopping rule of a precision-driven run', () => {
  it('stops at the first look whose Wilson half-width of the chance on time reaches the target, and not before', () => {
    // Every replication on time: the Wilson interval at n is [n / (n + z^2), 1], half-width z^2 / (2 (n + z^2)).
    // For 2 points: n >= z^2 (1 / 0.04 - 1) = 92.2, so the looks 20, 30, 50, 80 fall short and 120 is the first that meets it.
    const z = normalQuantile(0.95);
    const needed = Math.ceil(z * z * (1 / 0.04 - 1));
    expect(needed).toBe(93);
    const p = precisionProgress(precision({ onTime: 0.02 }), 1000, [plan('a', 1000, () => ({ hours: 50, cost: 1 }))]);
    expect(p.looks.map((l) => l.round)).toEqual([20, 30, 50, 80, 120]);
    for (const look of p.looks) {
      const f = look.plans[0].figures.find((x) => x.figure === 'onTime')!;
      const n = look.plans[0].replications;
      expect(f.halfWidth!).toBeCloseTo((z * z) / (2 * (n + z * z)), 6);
      expect(f.met).toBe(n >= needed);
    }
    expect(p.stop).toBe('met');
    expect(p.next).toBeNull();
    expect(p.counts.get('a')).toBe(120);
  });

  it("stops a unit cost at the t half-width within Law's corrected relative error, computed by hand", () => {
    // Costs alternate 10 - d and 10 + d: mean 10, sample sd d * sqrt(n / (n - 1)) at even n.
    const d = 0.5;
    const target = 0.01;
    const p = precisionProgress(precision({ unitCost: target }), 1000, [plan('a', 1000, (k) => ({ hours: 50, cost: k % 2 === 0 ? 10 - d : 10 + d }))]);
    const tQuantile = (df: number) => {
      // Student t 97.5% quantiles for the looks' degrees of freedom (tables: 19 -> 2.093, 29 -> 2.045, 49 -> 2.010, 79 -> 1.990, 119 -> 1.980).
      const table: Record<number, number> = { 19: 2.093, 29: 2.045, 49: 2.0096, 79: 1.9905, 119: 1.9801, 179: 1.9733 };
      return table[df];
    };
    for (const look of p.looks) {
      const n = look.plans[0].replications;
      const half = (tQuantile(n - 1) * d * Math.sqrt(n / (n - 1))) / Math.sqrt(n);
      const f = look.plans[0].figures.find((x) => x.figure === 'unitCost')!;
      expect(f.relativeHalfWidth!).toBeCloseTo(half / 10, 3);
      expect(f.met).toBe(half / 10 <= target / (1 + target));
    }
    // By hand: 1.98 * 0.5 / sqrt(n) / 10 <= 0.0099 needs n >= 100, so the first look past it is 120.
    expect(p.counts.get('a')).toBe(120);
    expect(p.stop).toBe('met');
  });

  it('honours the cap and reports the figures that did not reach their precision', () => {
    // Half on time, half not: the Wilson half-width at 50 is about 13.4 points, far from 1 point.
    const p = precisionProgress(precision({ onTime: 0.01 }), 50, [plan('a', 50, (k) => ({ hours: k % 2 === 0 ? 50 : 150, cost: 1 }))]);
    expect(p.looks.map((l) => l.round)).toEqual([20, 30, 50]);
    expect(p.stop).toBe('cap');
    expect(p.counts.get('a')).toBe(50);
    const f = p.looks[2].plans[0].figures.find((x) => x.figure === 'onTime')!;
    expect(f.met).toBe(false);
    expect(f.halfWidth!).toBeGreaterThan(0.1);
  });

  it('runs only the plans that still need more, and asks for the next round of those it has not', () => {
    const steady = plan('steady', 1000, () => ({ hours: 50, cost: 1 }));
    const noisy = plan('noisy', 30, (k) => ({ hours: 50, cost: k % 2 === 0 ? 0.5 : 1.5 }));
    const p = precisionProgress(precision({ unitCost: 0.05 }), 1000, [steady, noisy]);
    // Only 30 of the noisy plan are recorded: it needs more after the look at 30, the steady one never did.
    expect(p.looks.map((l) => l.plans.map((x) => x.replications))).toEqual([
      [20, 20],
      [20, 30],
    ]);
    expect(p.next).toEqual(
      new Map([
        ['steady', 20],
        ['noisy', 50],
      ]),
    );
    expect(p.stop).toBeNull();
  });

  it('settles when the recommended plan is significantly cheaper, paired by replication, and keeps going while it is not', () => {
    // Same random worlds: the cheap plan costs 0.1 less in every replication, the twin exactly the same.
    const noise = (k: number) => 1 + 0.3 * Math.sin(k * 1.7);
    const base = plan('base', 1000, (k) => ({ hours: 50, cost: noise(k) }));
    const cheap = plan('cheap', 1000, (k) => ({ hours: 50, cost: noise(k) - 0.1 }));
    const settled = precisionProgress(precision({ settled: true }), 1000, [base, cheap]);
    // Cheaper in every world: significant at the first look. But both finish on time every time,
    // so the recommendation rests also on the cheap plan being above the 90% bar: with two tests
    // (Bonferroni, one-sided 97.5% each: the low end of a two-sided 95% interval) the Wilson low
    // end n / (n + z^2) reaches 0.9 at n >= 9 z^2 = 34.6.
    const z = normalQuantile(0.95);
    expect(Math.ceil(9 * z * z)).toBe(35);
    expect(settled.looks.map((l) => l.round)).toEqual([20, 30, 50]);
    expect(settled.looks[0].settlement!.comparisons[0]).toMatchObject({ plan: 'base', figure: 'unitCost', significant: true });
    expect(settled.looks[1].settlement!.settled).toBe(false);
    expect(settled.looks[1].settlement!.needMore).toEqual(['cheap']);
    expect(settled.stop).toBe('met');
    const s = settled.looks[2].settlement!;
    expect(s.recommendation!.plan).toBe('cheap');
    expect(s.settled).toBe(true);
    expect(s.acceptable!.low!).toBeCloseTo(50 / (50 + z * z), 6);
    // Only the recommended plan had to grow: the rival's 20 replications already settled its comparison.
    expect(settled.counts).toEqual(
      new Map([
        ['base', 20],
        ['cheap', 50],
      ]),
    );

    const twin = plan('twin', 200, (k) => ({ hours: 50, cost: noise(k) }));
    const never = precisionProgress(precision({ settled: true }), 200, [base, twin]);
    expect(never.stop).toBe('cap');
    expect(never.looks[never.looks.length - 1].settlement!.settled).toBe(false);
    expect(never.counts).toEqual(
      new Map([
        ['base', 200],
        ['twin', 200],
      ]),
    );
  });

  it('gives the same looks and counts from records in any order', () => {
    const a = plan('a', 1000, (k) => ({ hours: 40 + (k % 7), cost: 1 + (k % 5) / 10 }));
    const shuffled = { ...a, results: [...a.results].reverse().sort((x, y) => x.replication - y.replication) };
    const one = precisionProgress(precision({ p85Hours: 0.5, unitCost: 0.01 }), 1000, [a]);
    const two = precisionProgress(precision({ p85Hours: 0.5, unitCost: 0.01 }), 1000, [shuffled]);
    expect(JSON.stringify(two.looks)).toBe(JSON.stringify(one.looks));
  });
});
