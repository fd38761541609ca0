import { describe, expect, it } from 'vitest';
import { precisionLines, precisionText, roundLine } from '../../../experiments/cli/precision-lines.js';
import type { Summary } from '../../../experiments/aggregate/summary.js';
import type { FigureState } from '../../../experiments/precision/figures.js';
import type { PrecisionLook } from '../../../experiments/precision/procedure.js';
import type { Precision } from '../../../experiments/load/precision.js';

const PRECISION: Precision = { onTime: 0.02, p85Hours: null, unitCost: 0.01, settled: true, confidence: 0.95, firstRound: 20 };

describe("a run's first line on its precision", () => {
  it('states each figure asked for, the settlement, the confidence and the first round', () => {
    expect(precisionText(PRECISION, 1000)).toBe('on time ±2pt, unit cost ±1% are known and the recommendation is settled (95% confidence, rounds from 20)');
  });

  it('says the run looks once, at the cap, when the cap is below the first round', () => {
    expect(precisionText({ ...PRECISION, settled: false, onTime: null }, 5)).toBe('unit cost ±1% is known (95% confidence, one look, at the cap of 5 replications, below the first round of 20)');
  });
});

describe('the line between two rounds of a precision-driven run', () => {
  const unitCost = (relativeHalfWidth: number, met: boolean): FigureState => ({ figure: 'unitCost', estimate: 1, low: 0.9, high: 1.1, halfWidth: 0.1, relativeHalfWidth, target: 0.02, met });
  const look = (plans: Array<[string, number, FigureState[]]>, needMore: string[] = []): PrecisionLook => ({
    round: 50,
    plans: plans.map(([plan, replications, figures]) => ({ plan, replications, figures })),
    settlement: { recommendation: null, acceptable: null, comparisons: [], settled: needMore.length === 0, confidence: 0.9875, needMore },
  });

  it('names the plans that are done and those that go on, with the figure or the comparison that needs them', () => {
    const line = roundLine(
      look([
        ['base', 50, [unitCost(0.012, true)]],
        ['pre-labels', 50, [unitCost(0.031, false)]],
        ['tiered-review', 50, [unitCost(0.015, true)]],
      ], ['tiered-review']),
      new Map([['base', 50], ['pre-labels', 80], ['tiered-review', 80]]),
    );
    expect(line).toBe('After 50 replications: base done; pre-labels (unit cost ±3.1%, asked ±2%) and tiered-review (to settle the recommendation) go on to 80.');
  });

  it('says which plans stopped at an earlier look, and lists three plans in words', () => {
    const line = roundLine(
      look([
        ['a', 30, [unitCost(0.01, true)]],
        ['b', 30, [unitCost(0.01, true)]],
        ['c', 50, [unitCost(0.03, false)]],
        ['d', 50, [unitCost(0.03, false)]],
        ['e', 50, [unitCost(0.03, false)]],
      ]),
      new Map([['a', 30], ['b', 30], ['c', 80], ['d', 80], ['e', 80]]),
    );
    expect(line).toBe('After 50 replications (a and b stopped at 30): c (unit cost ±3%, asked ±2%), d (unit cost ±3%, asked ±2%) and e (unit cost ±3%, asked ±2%) go on to 80.');
  });
});

describe('the settlement line after a precision-driven run', () => {
  it('says how each other plan lost: below the bar on time, or beaten on a figure', () => {
    const summary = {
      replications: 1000,
      precision: {
        confidence: 0.95,
        looks: [20, 30],
        stop: 'met',
        plans: [],
        settlement: {
          recommended: 'pre-labels',
          basis: 'acceptable',
          settled: true,
          confidence: 0.9875,
          acceptable: { low: 0.92, bar: 0.9, significant: true },
          comparisons: [
            { plan: 'base', figure: 'onTimeBelowBar', replications: 30, estimate: 0, low: 0, high: 0.11, significant: true },
            { plan: 'second-shift', figure: 'unitCost', replications: 20, estimate: 0.03, low: 0.02, high: 0.04, significant: true },
            { plan: 'tiered-review', figure: 'unitCost', replications: 30, estimate: 0.001, low: -0.01, high: 0.01, significant: false },
          ],
        },
      },
    } as unknown as Summary;
    const settled = precisionLines(summary).find((l) => l.includes('recommended pre-labels'))!;
    expect(settled).toContain('; base below the bar on time, second-shift beaten on unit cost, tiered-review NOT beaten on unit cost (');
    expect(settled).not.toContain('on on time');
  });
});
