import { describe, expect, it } from 'vitest';
import { parseTargets } from '../../../experiments/analysis/targets.js';

describe('solve --target', () => {
  it('reads each kind of target, shares written as in files', () => {
    expect(parseTargets(['on-time=90%', 'service-level=0.8@30s:review', 'p85-time-in-system=3w', 'residual-error=2%', 'budget=250000'])).toEqual({
      onTime: 0.9,
      serviceLevel: { stage: 'review', withinHours: 30 / 3600, atLeast: 0.8 },
      timeInSystemP85Hours: 3 * 168,
      residualError: 0.02,
      budget: 250000,
    });
  });

  it('takes several targets in one --target separated by commas, as --precision takes its figures', () => {
    expect(parseTargets(['on-time=90%,budget=3000'])).toEqual({ onTime: 0.9, budget: 3000 });
    expect(parseTargets(['on-time=0.9, residual-error=1%'])).toEqual({ onTime: 0.9, residualError: 0.01 });
  });

  it('does not split an amount written with a thousands comma, and refuses it naming the whole', () => {
    expect(() => parseTargets(['budget=250,000'])).toThrow('--target: expected budget=<amount> above 0, like budget=250000, got "budget=250,000"');
  });

  it('refuses a kind given twice, in one --target or in two', () => {
    expect(() => parseTargets(['on-time=90%,on-time=80%'])).toThrow(/each kind of target once \(on-time is given twice\)/);
    expect(() => parseTargets(['on-time=90%', 'on-time=80%'])).toThrow(/each kind of target once/);
  });
});
