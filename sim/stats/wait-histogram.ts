/**
 * Streaming histogram of non-negative durations with bins of constant relative width (1%),
 * so percentiles of waits from seconds to years are kept in a few thousand counters whatever
 * the number of observations. Zero (no wait) has its own bin, as it is the most common value.
 */
const RESOLUTION = 1 / 3600; // hours: one second is the smallest distinction worth keeping
const GROWTH = Math.log(1.01);
const BINS = 2200; // covers up to RESOLUTION * 1.01^2200 ≈ 8e5 h

export class WaitHistogram {
  private readonly counts = new Float64Array(BINS + 1);
  count = 0;
  sum = 0;
  max = 0;

  add(hours: number): void {
    this.count++;
    this.sum += hours;
    if (hours > this.max) this.max = hours;
    this.counts[binOf(hours)]++;
  }

  mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /** The q-quantile (0..1), exact for zero waits, within 1% otherwise; 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = q * this.count;
    let seen = 0;
    for (let b = 0; b <= BINS; b++) {
      seen += this.counts[b];
      if (seen >= rank && this.counts[b] > 0) return Math.min(upperEdge(b), this.max);
    }
    return this.max;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }
}

function binOf(hours: number): number {
  if (hours <= 0) return 0;
  const b = 1 + Math.floor(Math.log1p(hours / RESOLUTION) / GROWTH);
  return b > BINS ? BINS : b;
}

function upperEdge(bin: number): number {
  return bin === 0 ? 0 : RESOLUTION * Math.expm1(bin * GROWTH);
}
