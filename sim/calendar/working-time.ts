/*
 * Interval lists are flat sorted Float64Arrays [open0, close0, open1, close1, ...] of
 * disjoint, non-touching intervals in project hours.
 */

/** Index of the first interval (counted in pairs) whose close is after `t`. */
function firstClosingAfter(intervals: Float64Array, t: number): number {
  let lo = 0;
  let hi = intervals.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[2 * mid + 1] > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Open hours inside [from, to); 0 when `to` is not after `from`. */
export function openHoursBetween(intervals: Float64Array, from: number, to: number): number {
  if (!(to > from)) return 0;
  let total = 0;
  for (let i = 2 * firstClosingAfter(intervals, from); i < intervals.length && intervals[i] < to; i += 2) {
    total += Math.min(intervals[i + 1], to) - Math.max(intervals[i], from);
  }
  return total;
}

/**
 * The instant at which `workHours` of open time have elapsed starting at `from`: work pauses
 * while closed and resumes at the next opening. Zero work finishes at `from` even when closed.
 *
 * @returns Infinity if the intervals run out first
 * @throws Error if `workHours` is negative or NaN
 */
export function addOpenHours(intervals: Float64Array, from: number, workHours: number): number {
  if (!(workHours >= 0)) throw new Error(`addOpenHours: workHours must be a non-negative number, got ${workHours}`);
  if (workHours === 0) return from;
  let remaining = workHours;
  for (let i = 2 * firstClosingAfter(intervals, from); i < intervals.length; i += 2) {
    const start = Math.max(intervals[i], from);
    const available = intervals[i + 1] - start;
    if (remaining <= available) return start + remaining;
    remaining -= available;
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Sorts flat [open, close, ...] pairs and merges overlapping or touching ones; empty or
 * inverted pairs are dropped.
 */
export function mergeIntervals(pairs: ArrayLike<number>): Float64Array {
  const order: number[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) if (pairs[i + 1] > pairs[i]) order.push(i);
  order.sort((a, b) => pairs[a] - pairs[b]);
  const merged: number[] = [];
  for (const i of order) {
    const last = merged.length - 1;
    if (last > 0 && pairs[i] <= merged[last]) merged[last] = Math.max(merged[last], pairs[i + 1]);
    else merged.push(pairs[i], pairs[i + 1]);
  }
  return Float64Array.from(merged);
}

/** Open whenever any of the calendars is open, e.g. a team spread across time zones. */
export function unionIntervals(...calendars: Float64Array[]): Float64Array {
  const all: number[] = [];
  for (const calendar of calendars) for (const x of calendar) all.push(x);
  return mergeIntervals(all);
}
