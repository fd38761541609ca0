import { durationUnit } from '../../reports/format.js';

/** The verdict line's short names of durationUnit's units; weeks keep the "wk" the lines have always had. */
const SHORT = { weeks: 'wk', days: 'days', hours: 'h', minutes: 'min', seconds: 's' } as Record<string, string>;

/** Decimals are added up to this many to tell a percentile from the deadline; past it the two are the same for a reader. */
const MAX_DECIMALS = 3;

export interface VerdictDurations {
  deadline: string;
  p50: string;
  p85: string;
}

/**
 * A verdict line's deadline and its p50 and p85 completions in one unit, the one that suits the
 * deadline (or, without one, the p85): weeks from two weeks up, days or hours below, so a 4-day
 * deadline does not read "0.6 wk" beside a p85 a day later. One decimal, or as many more (up to
 * MAX_DECIMALS) as it takes for a percentile that differs from the deadline to read differently:
 * a p85 that reads as the deadline while fewer than 85% finish on time contradicts the line.
 */
export function verdictDurations(deadline: number | null, p50: number | null, p85: number | null): VerdictDurations {
  const unit = durationUnit(deadline ?? p85 ?? p50 ?? 0);
  const text = (h: number | null, decimals: number) => inUnit(h, unit, decimals);
  const apart = (decimals: number) => deadline === null || [p50, p85].every((h) => h === null || h === deadline || text(h, decimals) !== text(deadline, decimals));
  let decimals = 1;
  while (decimals < MAX_DECIMALS && !apart(decimals)) decimals++;
  return { deadline: text(deadline, decimals), p50: text(p50, decimals), p85: text(p85, decimals) };
}

/**
 * One completion time in the unit of the plan's deadline, as the verdict line chooses it ("2.60
 * days" beside a 3-day deadline, "13.30 wk" beside 8 weeks): solve, sensitivity and marginal quote
 * a p85 in the unit run does, with two decimals, as they set alternatives side by side.
 */
export function completionText(hours: number | null, deadlineHours: number | null, decimals = 2): string {
  return inUnit(hours, durationUnit(deadlineHours ?? hours ?? 0), decimals);
}

function inUnit(hours: number | null, unit: ReturnType<typeof durationUnit>, decimals: number): string {
  return hours === null ? 'not finished' : `${(hours * unit.perHour).toFixed(decimals)} ${SHORT[unit.name]}`;
}
