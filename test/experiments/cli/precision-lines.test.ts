import { describe, expect, it } from 'vitest';
import { precisionText } from '../../../experiments/cli/precision-lines.js';
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
