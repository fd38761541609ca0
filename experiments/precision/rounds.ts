/**
 * The replication counts at which a precision-driven run looks at its figures: the first round,
 * then each round 1.5 times the last, rounded up to a multiple of 10, until the cap. A pure
 * function of (first round, cap), so the same file gives the same looks, and so the same
 * replication counts and bytes, whatever the workers, batches or interruptions. Growing by a
 * factor keeps the number of looks (and so the coverage lost to looking) logarithmic in the
 * count; 1.5 rather than the usual doubling spends at most half as many replications again past
 * the count that was needed.
 */
export function roundSchedule(firstRound: number, cap: number): number[] {
  const out = [Math.min(firstRound, cap)];
  while (out[out.length - 1] < cap) {
    const last = out[out.length - 1];
    out.push(Math.min(cap, Math.ceil((1.5 * last) / 10) * 10));
  }
  return out;
}
