import type { WorkType } from './config.js';

// How a work type's items come, as numbers: the hot paths compare no strings (a file's strings
// reach a worker thread copied, not interned, so each === on them compares characters).
export const BACKLOG = 0;
export const SCHEDULE = 1;
export const POISSON = 2;

/** Each work type's arrival as numbers, one entry per type: what Arrivals and TimeInSystem read per event. */
export interface ArrivalTerms {
  /** BACKLOG, SCHEDULE or POISSON. */
  readonly mode: Uint8Array;
  /** A schedule's items per delivery (1 otherwise). */
  readonly batch: Float64Array;
  /** A schedule's first delivery, in hours (0 otherwise). */
  readonly first: Float64Array;
  /** A schedule's hours between deliveries; a Poisson stream's rate per hour (0 for a backlog). */
  readonly every: Float64Array;
}

export function arrivalTerms(work: readonly WorkType[]): ArrivalTerms {
  const arrivals = work.map((w) => w.arrival);
  return {
    mode: Uint8Array.from(arrivals, (a) => (a.kind === 'backlog' ? BACKLOG : a.kind === 'schedule' ? SCHEDULE : POISSON)),
    batch: Float64Array.from(arrivals, (a) => (a.kind === 'schedule' ? a.batch : 1)),
    first: Float64Array.from(arrivals, (a) => (a.kind === 'schedule' ? a.firstHours : 0)),
    every: Float64Array.from(arrivals, (a) => (a.kind === 'schedule' ? a.everyHours : a.kind === 'poisson' ? a.perHour : 0)),
  };
}
