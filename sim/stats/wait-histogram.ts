/**
 * Streaming histogram of non-negative durations: whole seconds below 64 s, then 64 bins per
 * doubling (1.1% wide), up to 2^31 s (68 years). Percentiles of waits from seconds to months are
 * kept in 1,664 counters whatever the number of observations.
 *
 * NOTE: speed forced the binning. It runs once per task started, so the bin comes from the
 * integer's leading-zero count (an HDR-histogram layout) instead of a logarithm.
 */
import { durationBinOfSeconds } from './duration-bins.js';

const SUB_BITS = 6;
const SUB = 1 << SUB_BITS;
const BINS = SUB + (31 - SUB_BITS) * SUB;
const SECONDS_PER_HOUR = 3600;

export class WaitHistogram {
  private readonly counts = new Float64Array(BINS);
  count = 0;
  /** Observations above 0: a task that waited at all (the probability of waiting counts them). */
  positive = 0;
  sum = 0;
  max = 0;

  add(hours: number): void {
    this.count++;
    if (hours > 0) this.positive++;
    this.sum += hours;
    if (hours > this.max) this.max = hours;
    const s = hours * SECONDS_PER_HOUR;
    this.counts[s >= 2147483647 ? BINS - 1 : binOf(s | 0)]++;
  }

  mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /** The q-quantile (0..1) in hours: the upper edge of its bin (at most the largest value), within 1 s or 1.6%; 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = q * this.count;
    let seen = 0;
    for (let b = 0; b < BINS; b++) {
      seen += this.counts[b];
      if (seen >= rank && this.counts[b] > 0) return Math.min(upperEdgeSeconds(b) / SECONDS_PER_HOUR, this.max);
    }
    return this.max;
  }

  /**
   * Adds the counts into the histogram `out[offset .. offset + length)` in the coarser layout of
   * duration-bins.ts (the zeros, then bins that are unions of these: each of these bins lies
   * inside one of them), so the fold is exact: the records carry it and replications pool by
   * adding.
   */
  foldInto(out: Float64Array, offset: number, length: number): void {
    const zeros = this.count - this.positive;
    out[offset] += zeros;
    for (let b = 0; b < BINS; b++) {
      const c = b === 0 ? this.counts[0] - zeros : this.counts[b];
      if (c > 0) out[offset + 1 + durationBinOfSeconds(lowerEdgeSeconds(b), length - 1)] += c;
    }
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.positive = 0;
    this.sum = 0;
    this.max = 0;
  }
}

function binOf(seconds: number): number {
  if (seconds < SUB) return seconds;
  const e = 31 - Math.clz32(seconds); // floor(log2), >= SUB_BITS here
  return SUB + (e - SUB_BITS) * SUB + ((seconds >>> (e - SUB_BITS)) & (SUB - 1));
}

function lowerEdgeSeconds(bin: number): number {
  return bin === 0 ? 0 : upperEdgeSeconds(bin - 1);
}

function upperEdgeSeconds(bin: number): number {
  if (bin < SUB) return bin + 1;
  const e = SUB_BITS + Math.floor((bin - SUB) / SUB);
  const sub = (bin - SUB) % SUB;
  return (SUB + sub + 1) * 2 ** (e - SUB_BITS);
}
