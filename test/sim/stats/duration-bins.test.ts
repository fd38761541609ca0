import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DURATION_BIN_ABSOLUTE_ERROR_HOURS,
  DURATION_BIN_RELATIVE_ERROR,
  binEdgesSeconds,
  binnedQuantile,
  durationBinCount,
  histogramLength,
  histogramSlot,
} from '../../../sim/stats/duration-bins.js';
import { WaitHistogram } from '../../../sim/stats/wait-histogram.js';
import { randomStream } from '../../../sim/random/stream.js';
import { sampler } from '../../../sim/random/distribution.js';

/** The exact q-quantile of the definition the histogram follows: the value of rank ceil(q N) among the sorted values. */
function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length - 1e-9)) - 1];
}

/** The stated bound: within 1/32 of the exact value, or half a second below 16 s. */
const bound = (exact: number) => Math.max(exact * DURATION_BIN_RELATIVE_ERROR, DURATION_BIN_ABSOLUTE_ERROR_HOURS) * (1 + 1e-12);

const QUANTILES = [0.01, 0.1, 0.25, 0.5, 0.75, 0.85, 0.9, 0.95, 0.99, 0.999, 1];
const HORIZON_HOURS = 30 * 168;

/** Waits from seconds to weeks (a lognormal of wide spread) with a share of exact zeros, as a queue gives them. */
function waits(seed: number, n: number, zeroShare: number): number[] {
  const u = randomStream(seed, 0, 'test-zeros');
  const wait = sampler({ kind: 'lognormal', mean: 20, cv: 6 }, randomStream(seed, 0, 'test-waits'));
  return Array.from({ length: n }, () => (u() < zeroShare ? 0 : Math.min(wait(), HORIZON_HOURS)));
}

function histogramOf(values: number[], length: number): Float64Array {
  const h = new Float64Array(length);
  for (const v of values) h[histogramSlot(v, length)]++;
  return h;
}

describe('the pooling histogram of durations', () => {
  it('has contiguous bins of whole seconds below 16 s and 16 a doubling above, each at most 1/16 of its lower edge wide', () => {
    let upper = 0;
    for (let b = 0; b < durationBinCount(HORIZON_HOURS); b++) {
      const [lo, hi] = binEdgesSeconds(b);
      expect(lo).toBe(upper);
      if (lo < 16) expect(hi - lo).toBe(1);
      else expect(hi - lo).toBeLessThanOrEqual(lo / 16);
      upper = hi;
    }
    expect(upper / 3600).toBeGreaterThan(HORIZON_HOURS);
  });

  it('gives quantiles within its stated bound of the exact quantiles, whatever the sample', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0, max: 0.9, noNaN: true }), (seed, n, zeroShare) => {
        const values = waits(seed, n, zeroShare);
        const sorted = [...values].sort((a, b) => a - b);
        const length = histogramLength(HORIZON_HOURS);
        const h = histogramOf(values, length);
        for (const q of QUANTILES) {
          const exact = exactQuantile(sorted, q);
          const est = binnedQuantile(h, 0, length, q);
          if (exact === 0) expect(est).toBe(0);
          else expect(Math.abs(est - exact), `q ${q}: ${est} h against ${exact} h`).toBeLessThanOrEqual(bound(exact));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('pools replications by adding their counts: the quantile of the pooled histogram is the quantile of all the values', () => {
    const length = histogramLength(HORIZON_HOURS);
    const replications = [1, 2, 3, 4, 5].map((seed) => waits(seed, 2000, seed / 10));
    const pooled = new Float64Array(length);
    for (const values of replications) histogramOf(values, length).forEach((c, i) => (pooled[i] += c));
    const all = replications.flat().sort((a, b) => a - b);
    for (const q of QUANTILES) {
      const exact = exactQuantile(all, q);
      expect(Math.abs(binnedQuantile(pooled, 0, length, q) - exact)).toBeLessThanOrEqual(exact === 0 ? 0 : bound(exact));
    }
  });

  it('receives the fine wait histogram exactly: folding it gives the counts binning the waits directly gives', () => {
    const length = histogramLength(HORIZON_HOURS);
    const values = waits(99, 5000, 0.3);
    const fine = new WaitHistogram();
    for (const v of values) fine.add(v);
    const folded = new Float64Array(length);
    fine.foldInto(folded, 0, length);
    expect(Array.from(folded)).toEqual(Array.from(histogramOf(values, length)));
    expect(folded[0]).toBe(values.filter((v) => v === 0).length);
  });

  it('has no quantile when nothing was counted, and puts durations beyond its range in its last bin', () => {
    const length = histogramLength(1);
    expect(binnedQuantile(new Float64Array(length), 0, length, 0.5)).toBeNaN();
    expect(histogramSlot(5, length)).toBe(length - 1);
    expect(histogramSlot(0, length)).toBe(0);
  });
});
