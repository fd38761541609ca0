/**
 * Per stage and wait threshold T, the tasks started within T of joining the queue: the service
 * level P(wait <= T) of contact-centre practice, counted exactly (not read off a histogram), for
 * the thresholds the experiment names (`waitThresholds`). Only tasks started in the statistics
 * window count, as for the waits themselves.
 */
export class ServiceLevels {
  /** Stage-major: counts[stage * thresholds + j] for threshold j. */
  readonly counts: Float64Array;
  private readonly thresholds: Float64Array;

  constructor(stages: number, thresholdHours: readonly number[]) {
    this.thresholds = Float64Array.from(thresholdHours);
    this.counts = new Float64Array(stages * thresholdHours.length);
  }

  add(stage: number, waited: number): void {
    const t = this.thresholds;
    const at = stage * t.length;
    for (let j = 0; j < t.length; j++) if (waited <= t[j]) this.counts[at + j]++;
  }

  reset(): void {
    this.counts.fill(0);
  }

  /** Per stage and threshold, the share of `served[stage]` tasks started within it (NaN where none was served). */
  shares(served: ArrayLike<number>): Float64Array {
    const k = this.thresholds.length;
    return Float64Array.from(this.counts, (c, i) => {
      const n = served[Math.floor(i / k)];
      return n > 0 ? c / n : NaN;
    });
  }
}
