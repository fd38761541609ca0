/**
 * Active time, not wall-clock time. A platform's timer runs while the item is open, through
 * coffee breaks and lunches: a 40-minute "annotation" of a 30-second task is idle time. The rule,
 * applied within each group fitted on its own:
 *
 * - above `maxSeconds` (default 2 hours): trimmed, whatever the group;
 * - outside Tukey's far-out fences on the log scale, Q1 - k IQR and Q3 + k IQR of ln(seconds)
 *   (Tukey, Exploratory Data Analysis, 1977; k = 3 by default, on logs because handling times are
 *   skewed): trimmed;
 * - zero seconds (a label submitted without the editor's timer running) fall below any fence.
 *
 * `fence: 0` turns the fences off. Every trimmed annotation is counted, by reason; its active
 * time is counted as the group's median (it was one annotation, its timer ran on) in the
 * throughput's active hours.
 */
export interface TrimRule {
  fence: number;
  maxSeconds: number;
}

export const DEFAULT_TRIM: TrimRule = { fence: 3, maxSeconds: 7200 };

export interface TrimCounts {
  low: number;
  high: number;
  overMax: number;
  /** The fences in seconds that were applied. */
  lowerSeconds: number;
  upperSeconds: number;
}

/** Marks kept entries of `keep` (1 = kept) among `indices` into `seconds`. */
export function trimGroup(seconds: Float64Array, indices: ArrayLike<number>, rule: TrimRule, keep: Uint8Array): TrimCounts {
  const counts: TrimCounts = { low: 0, high: 0, overMax: 0, lowerSeconds: 0, upperSeconds: rule.maxSeconds };
  const logs = new Float64Array(indices.length);
  let m = 0;
  for (let j = 0; j < indices.length; j++) {
    const s = seconds[indices[j]];
    if (s > rule.maxSeconds) {
      counts.overMax++;
      keep[indices[j]] = 0;
    } else if (s <= 0) {
      counts.low++;
      keep[indices[j]] = 0;
    } else {
      logs[m++] = Math.log(s);
      keep[indices[j]] = 1;
    }
  }
  if (rule.fence <= 0 || m < 4) return counts;
  const sorted = logs.subarray(0, m).sort();
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const lo = q1 - rule.fence * (q3 - q1);
  const hi = q3 + rule.fence * (q3 - q1);
  counts.lowerSeconds = Math.exp(lo);
  counts.upperSeconds = Math.min(rule.maxSeconds, Math.exp(hi));
  for (let j = 0; j < indices.length; j++) {
    const k = indices[j];
    if (keep[k] === 0) continue;
    const l = Math.log(seconds[k]);
    if (l < lo) {
      counts.low++;
      keep[k] = 0;
    } else if (l > hi) {
      counts.high++;
      keep[k] = 0;
    }
  }
  return counts;
}

/** Linear interpolation between order statistics (type 7, the default of R and numpy). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
