import { describe, expect, it } from 'vitest';
import { meanFigure } from '../../../experiments/aggregate/output-figures.js';
import { meanInterval } from '../../../experiments/aggregate/statistics.js';

describe('the mean of an output across replications', () => {
  // Three replications of a pool at 95%, 100% and 100% busy: the t interval reaches past 100%.
  const busy = [0.95, 1, 1];

  it('cuts the interval of a share to [0, 1], keeping the mean', () => {
    expect(meanInterval(busy)!.high).toBeGreaterThan(1);
    const f = meanFigure(busy, { kind: 'mean', interval: true }, 6, true);
    expect(f.mean).toBeCloseTo(0.983333, 6);
    expect(f.ci).toEqual({ mean: 0.983333, low: expect.any(Number), high: 1 });
    expect((f.ci as { low: number }).low).toBeCloseTo(meanInterval(busy)!.low, 6);
    expect(meanFigure([0, 0, 0.04], { kind: 'mean', interval: true }, 6, true).ci).toMatchObject({ low: 0 });
  });

  it('leaves the interval of a figure that is not a share as the t interval gives it', () => {
    expect((meanFigure(busy, { kind: 'mean', interval: true }, 6).ci as { high: number }).high).toBeGreaterThan(1);
  });
});
