import { finishDayAt, isoDateOfDay, type ProjectClock } from '../../sim/calendar/index.js';
import type { ModelConfig } from '../../sim/model/config.js';
import { hasFinishLine } from '../../sim/model/stopping-rule.js';
import type { RecordSet } from '../run/record-set.js';
import { rankedValue } from './statistics.js';

/** The percentiles of a completion time that are given as dates. */
export const DATED_PERCENTILES = { p50: 0.5, p85: 0.85, p95: 0.95 } as const;

export type CompletionDays = Record<keyof typeof DATED_PERCENTILES, string | null>;

/**
 * The day (ISO date in the project's zone) on which the work of an instant `hours` after the
 * start ended: work ending at 24:00 exactly ended that day, not the next.
 */
export function finishDate(clock: ProjectClock, hours: number | null, originUtcMs?: number): string | null {
  return hours === null || !Number.isFinite(hours) ? null : isoDateOfDay(finishDayAt(clock, hours, originUtcMs));
}

/**
 * Percentile completion dates: for p, the day on which the replication at rank ceil(p * n)
 * finished (rankedValue), so the date is one on which that replication actually finished (its
 * last item accepted, or its model at the target), never a day between two finishes, such as a
 * Sunday nobody works, that an interpolated quantile can land on. Null when that replication
 * did not finish by the horizon.
 */
export function completionDays(values: number[], clock: ProjectClock): CompletionDays {
  const out = {} as CompletionDays;
  for (const [key, q] of Object.entries(DATED_PERCENTILES) as Array<[keyof CompletionDays, number]>) out[key] = finishDate(clock, rankedValue(values, q));
  return out;
}

/** Each plan's percentile completion dates, by plan name; a plan without a finish line (open-ended work) has none. */
export function completionDaysByPlan(plans: Array<{ name: string; model: ModelConfig }>, records: RecordSet): Map<string, CompletionDays> {
  const out = new Map<string, CompletionDays>();
  for (const plan of plans) {
    if (!hasFinishLine(plan.model)) continue;
    const results = records.plans.find((p) => p.name === plan.name)?.results ?? [];
    out.set(plan.name, completionDays(results.map((r) => r.completionHours), plan.model.clock));
  }
  return out;
}
