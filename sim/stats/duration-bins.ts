/**
 * The binning that a replication's duration histograms travel in (waits per stage, time in
 * system per item), so that replications can be pooled: their counts add, and a quantile of the
 * pooled counts is a quantile of every observation of every replication, not a mean of
 * replications' quantiles.
 *
 * Layout (an HDR-histogram layout, as WaitHistogram's but four times coarser): whole seconds
 * below 16 s, then 16 bins per doubling of the duration. A bin of the doubling [2^e, 2^(e+1)) s
 * is 2^(e-4) s wide, so a value reported at its bin's midpoint is within 1/32 (3.125%) of any
 * value in the bin, and within 0.5 s below 16 s: that is the bound `DURATION_BIN_ERROR` states
 * and the tests check against exact quantiles. A histogram as the records hold it (`histogramLength`
 * counters) begins with a counter of exact zeros (a task started at once), so a quantile that
 * falls among them is exactly 0; the bins follow it.
 *
 * 16 bins per doubling keeps a histogram small enough for every record (about 350 counters for a
 * 30-week horizon, mostly zeros: two characters each in a record line).
 */
const SUB_BITS = 4;
const SUB = 1 << SUB_BITS;
const SECONDS_PER_HOUR = 3600;
/** Largest whole second the layout bins (2^31 - 1 s, 68 years); longer durations go to the last bin. */
const MAX_SECONDS = 2147483647;

/** The reported value of a bin is within this share of every value in it (for values of 16 s or more)... */
export const DURATION_BIN_RELATIVE_ERROR = 1 / (2 * SUB);
/** ...and within this many hours below 16 s (half a second). */
export const DURATION_BIN_ABSOLUTE_ERROR_HOURS = 0.5 / SECONDS_PER_HOUR;
/** The bound in words, for the data dictionary and the report. */
export const DURATION_BIN_ERROR = 'within 3.1% of the exact pooled quantile (0.5 s below 16 s)';

/** The bin of a whole number of seconds. */
function binOfSeconds(seconds: number): number {
  if (seconds < SUB) return seconds;
  const e = 31 - Math.clz32(seconds); // floor(log2), >= SUB_BITS here
  return SUB + (e - SUB_BITS) * SUB + ((seconds >>> (e - SUB_BITS)) & (SUB - 1));
}

/** How many bins hold every duration up to `maxHours` (a replication's horizon bounds its waits). */
export function durationBinCount(maxHours: number): number {
  const s = Math.min(MAX_SECONDS, Math.max(0, Math.floor(maxHours * SECONDS_PER_HOUR)));
  return binOfSeconds(s) + 1;
}

/** Counters of a histogram of durations up to `maxHours` as the records hold it: the zeros, then the bins. */
export function histogramLength(maxHours: number): number {
  return 1 + durationBinCount(maxHours);
}

/** Where a duration is counted in a histogram of `length` counters: 0 for an exact zero, else 1 + its bin. */
export function histogramSlot(hours: number, length: number): number {
  return hours > 0 ? 1 + durationBin(hours, length - 1) : 0;
}

/** The bin of a duration in hours among `bins` bins (the last takes anything longer). */
export function durationBin(hours: number, bins: number): number {
  const s = hours * SECONDS_PER_HOUR;
  const b = s >= MAX_SECONDS ? bins - 1 : binOfSeconds(s > 0 ? s | 0 : 0);
  return b < bins ? b : bins - 1;
}

/** Lower and upper edges of a bin, in seconds. */
export function binEdgesSeconds(bin: number): [number, number] {
  if (bin < SUB) return [bin, bin + 1];
  const e = SUB_BITS + Math.floor((bin - SUB) / SUB);
  const sub = (bin - SUB) % SUB;
  const width = 2 ** (e - SUB_BITS);
  return [(SUB + sub) * width, (SUB + sub + 1) * width];
}

/** The value a bin reports, in hours: its midpoint. */
export function binMidHours(bin: number): number {
  const [lo, hi] = binEdgesSeconds(bin);
  return (lo + hi) / 2 / SECONDS_PER_HOUR;
}

/** Labels of a histogram's counters in the records' column names: `0s` for the exact zeros, then each bin's range in seconds. */
export function histogramLabels(length: number): string[] {
  return Array.from({ length }, (_, i) => {
    if (i === 0) return '0s';
    const [lo, hi] = binEdgesSeconds(i - 1);
    return `${lo}-${hi}s`;
  });
}

/**
 * The q-quantile (0 < q <= 1) of the durations counted in the histogram `counts[offset ..
 * offset + length)` (zeros first, then the bins): the value of rank ceil(q N) among the N sorted
 * observations (the inverse of the empirical distribution function), reported at its bin's
 * midpoint, or exactly 0 when that rank falls among the zeros. NaN when nothing was counted.
 */
export function binnedQuantile(counts: ArrayLike<number>, offset: number, length: number, q: number): number {
  let n = 0;
  for (let i = 0; i < length; i++) n += counts[offset + i];
  if (n === 0) return NaN;
  // Less a hair, so that 0.95 x 100 (95.00000000000001 in doubles) is rank 95.
  const rank = Math.max(1, Math.ceil(q * n - 1e-9));
  let seen = counts[offset];
  if (seen >= rank) return 0;
  for (let i = 1; i < length; i++) {
    seen += counts[offset + i];
    if (seen >= rank) return binMidHours(i - 1);
  }
  return binMidHours(length - 2);
}

/** The bin a whole second falls in, for folding a finer histogram into this layout. */
export function durationBinOfSeconds(seconds: number, bins: number): number {
  const b = binOfSeconds(Math.min(MAX_SECONDS, seconds));
  return b < bins ? b : bins - 1;
}
