import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costRecord, explain, explainPair, PARTS, type CostRecord, type Part } from '../../../experiments/analysis/explain.js';
import { roundToTotal, shapley } from '../../../experiments/analysis/shapley.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import { rowLayout } from '../../../workers/result-rows.js';
import '../../support/fast-check-seed.js';

const Q1 = 'experiments/explain/quarter-1.yaml';
const Q2 = 'experiments/explain/quarter-2.yaml';

/** A plan of a quarter file with `--set` overrides, as its model. */
function model(file: string, set: Array<{ path: string; value: unknown }> = []): ModelConfig {
  return loadExperiment(file, { set }).plans[0].model;
}

function records(m: ModelConfig, replications: number[], seed = 7): CostRecord[] {
  const layout = rowLayout(m);
  const piece = new Set(m.pools.filter((p) => p.pay.kind === 'per-item' || p.pay.kind === 'per-accepted').map((p) => p.name));
  return replications.map((k) => costRecord(simulateReplication(m, seed, k), layout, piece));
}

const sum = (parts: Record<Part, number>) => PARTS.reduce((s, p) => s + parts[p], 0);
const cents = (x: number) => Math.round(x * 100);

// Deterministic and small, with no time-driven overheads (seats, management), so that a change
// of pace moves no overhead: 20,000 images, the quarter's people and review.
const SMALL = [
  { path: 'deterministic', value: true },
  { path: 'work.images.count', value: 20000 },
  { path: 'costs.platformPerSeatMonth', value: 0 },
  { path: 'costs.managementPerWeek', value: 0 },
];

describe('the Shapley decomposition', () => {
  it('splits a product x y as the symmetric formula does: dx (yA + yB) / 2 and dy (xA + xB) / 2', () => {
    const [xa, xb, ya, yb] = [3, 5, 7, 4];
    const parts = shapley(2, (m) => (m & 1 ? xb : xa) * (m & 2 ? yb : ya));
    expect(parts[0]).toBeCloseTo(((xb - xa) * (ya + yb)) / 2, 12);
    expect(parts[1]).toBeCloseTo(((yb - ya) * (xa + xb)) / 2, 12);
  });

  it('gives parts that add up to f(B) - f(A) for any function of six factors, whatever their signs', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 12, maxLength: 12 }), (v) => {
        const f = (m: number) => {
          const x = (i: number) => (m & (1 << i) ? v[6 + i] : v[i]);
          return x(0) * x(1) * x(2) + x(3) / (1 + Math.abs(x(4))) - x(5) * x(0);
        };
        const parts = shapley(6, f);
        const total = parts.reduce((s, p) => s + p, 0);
        expect(total).toBeCloseTo(f(63) - f(0), 6);
      }),
      { numRuns: 200 },
    );
  });

  it('gives a factor that does not enter the function a part of exactly zero', () => {
    const parts = shapley(3, (m) => (m & 1 ? 2 : 1) * (m & 4 ? 10 : 3));
    expect(parts[1]).toBe(0);
  });
});

describe('rounding parts to the cent', () => {
  it('makes the rounded parts add up exactly to the target, each within a cent of its exact value', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 8 }), (parts) => {
        const target = Math.round(parts.reduce((s, x) => s + x, 0) * 100) / 100;
        const rounded = roundToTotal(parts, target, 0.01);
        expect(rounded.reduce((s, x) => s + Math.round(x * 100), 0) + 0).toBe(Math.round(target * 100) + 0);
        rounded.forEach((r, i) => expect(Math.abs(r - parts[i])).toBeLessThan(0.01 + 1e-6));
      }),
      { numRuns: 300 },
    );
  });
});

describe('labelsim explain: the quarter-over-quarter pair', () => {
  const a = records(model(Q1, [{ path: 'work.images.count', value: 20000 }]), [0, 1, 2, 3]);
  const b = records(model(Q2, [{ path: 'work.images.count', value: 20000 }]), [0, 1, 2, 3]);
  const e = explain(a, b);

  it('rebuilds each replication from its lines: the parts of every pair add up to its change in cost', () => {
    a.forEach((ra, i) => {
      const p = explainPair(ra, b[i]);
      // The lines before the labour activities were rounded to the cent: what each pair decomposes.
      expect(Math.abs(b[i].exactCost - b[i].cost)).toBeLessThan(0.05);
      expect(p.total.reduce((s, x) => s + x, 0)).toBeCloseTo(b[i].exactCost - ra.exactCost, 6);
      expect(p.unit.reduce((s, x) => s + x, 0)).toBeCloseTo(b[i].exactCost / b[i].accurate - ra.exactCost / ra.accurate, 10);
    });
  });

  it('gives parts that add up to the difference to the cent (and per item to 0.0001)', () => {
    expect(cents(sum(e.total.parts))).toBe(cents(e.total.difference));
    expect(cents(e.total.difference)).toBe(cents(Math.round(e.b.cost * 100) / 100 - Math.round(e.a.cost * 100) / 100));
    expect(Math.round(sum(e.unit.parts) * 1e4)).toBe(Math.round(e.unit.difference * 1e4));
  });

  it('finds the rate rise, the slower images and the extra rework, and no change of volume or mix', () => {
    expect(e.total.parts.price).toBeGreaterThan(0);
    expect(e.total.parts.quantity).toBeGreaterThan(0);
    expect(e.total.parts.quality).toBeGreaterThan(0);
    expect(e.total.parts.volume).toBe(0);
    expect(e.total.parts.mix).toBe(0);
  });
});

describe('labelsim explain: one change at a time, in deterministic mode', () => {
  const base = model(Q1, SMALL);
  const [a] = records(base, [0]);
  const only = (set: Array<{ path: string; value: unknown }>) => explain([a], records(model(Q1, [...SMALL, ...set]), [0]));
  const zeroExcept = (parts: Record<Part, number>, part: Part, difference: number) => {
    for (const p of PARTS) expect(cents(parts[p]), p).toBe(p === part ? cents(difference) : 0);
  };

  it('puts a change of hourly rates wholly into price', () => {
    const e = only([
      { path: 'pools.annotators.pay', value: { hourly: '27/h' } },
      { path: 'pools.reviewers.pay', value: { hourly: '33/h' } },
    ]);
    expect(e.total.difference).toBeGreaterThan(0);
    zeroExcept(e.total.parts, 'price', e.total.difference);
    expect(e.unit.parts.price).toBeCloseTo(e.unit.difference, 4);
  });

  it('puts a change of hours per image wholly into quantity', () => {
    const e = only([{ path: 'stages.annotate.handling', value: '39s' }]);
    expect(e.total.difference).toBeGreaterThan(0);
    zeroExcept(e.total.parts, 'quantity', e.total.difference);
  });

  it('puts a higher error rate into quality: more rework, more re-review, fewer accurate images', () => {
    const e = only([{ path: 'pools.annotators.errorRate', value: '16%' }]);
    zeroExcept(e.total.parts, 'quality', e.total.difference);
    expect(e.unit.parts.quality).toBeCloseTo(e.unit.difference, 4);
    expect(e.unit.difference).toBeGreaterThan(e.total.difference / e.b.accurate);
  });

  // Twice the images: exact shares (every 50th label wrong, ...) of 20,000 and 40,000 are in the
  // same proportion, so rework per item is the same; 25,000 would shift a few rework tasks.
  it('puts more images wholly into volume, and spreads the fixed guidelines cost over them per item', () => {
    const e = only([{ path: 'work.images.count', value: 40000 }]);
    zeroExcept(e.total.parts, 'volume', e.total.difference);
    // Per item: only the fixed $2,000 is spread thinner, 2000 (1 / accurate B - 1 / accurate A).
    expect(e.unit.exact.volume).toBeCloseTo(2000 * (1 / e.b.accurate - 1 / e.a.accurate), 9);
    expect(e.unit.parts.volume).toBeCloseTo(e.unit.difference, 4);
  });

  it('puts a change of fixed costs wholly into overheads', () => {
    const e = only([{ path: 'costs.fixed', value: { guidelines: 3500, agreementAudits: 800 } }]);
    expect(e.total.difference).toBe(2300);
    zeroExcept(e.total.parts, 'overheads', e.total.difference);
  });

  // Two work types through the same stages, the hard one three times as long at every stage: the
  // same 20,000 items, rates and hours per task of each type; only their shares move (a quarter
  // hard, then half).
  it('puts a change of work-type shares wholly into mix', () => {
    const mixOf = (easy: number, hard: number) => [
      ...SMALL,
      { path: 'work.images.count', value: easy },
      { path: 'work.hard', value: { count: hard, complexity: 3, arrival: 'backlog', workflow: ['annotate', 'review'] } },
    ];
    const [ma] = records(model(Q1, mixOf(15000, 5000)), [0]);
    const [mb] = records(model(Q1, mixOf(10000, 10000)), [0]);
    const e = explain([ma], [mb]);
    expect(e.a.accepted).toBe(e.b.accepted);
    // 5,000 more hard items at (3 - 1) x (36 s at $25/h + 10 s at $30/h, each pass).
    expect(e.total.difference).toBeGreaterThan(5000 * 2 * ((36 * 25 + 10 * 30) / 3600));
    zeroExcept(e.total.parts, 'mix', e.total.difference);
    expect(e.unit.parts.mix).toBeCloseTo(e.unit.difference, 4);
    // The readable drivers say which share moved.
    const share = e.drivers.find((d) => d.what === 'annotators annotation: hard share of tasks (%)')!;
    expect([share.a, share.b]).toEqual([25, 50]);
  });

  it('keeps a change of pace of one type in quantity when the shares stay', () => {
    const mixOf = (complexity: number) => [
      ...SMALL,
      { path: 'work.images.count', value: 15000 },
      { path: 'work.hard', value: { count: 5000, complexity, arrival: 'backlog', workflow: ['annotate', 'review'] } },
    ];
    const e = explain(records(model(Q1, mixOf(3)), [0]), records(model(Q1, mixOf(4)), [0]));
    expect(e.total.difference).toBeGreaterThan(0);
    zeroExcept(e.total.parts, 'quantity', e.total.difference);
  });
});
