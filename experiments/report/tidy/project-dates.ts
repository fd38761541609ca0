import { localToUtcMs, parseIsoDate } from '../../../sim/calendar/index.js';
import { finishDate } from '../../aggregate/completion-days.js';
import type { ProjectClock } from '../../../sim/calendar/index.js';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/**
 * Project hours as the calendar dates people and BI tools use: t = 0 is 00:00 of the start date
 * in the project's time zone, so a date must be read in that zone (an instant late on Friday in
 * Berlin is already Saturday in Manila).
 */
export class ProjectDates {
  private readonly originUtcMs: number;
  private readonly startDay: number;
  private readonly format: Intl.DateTimeFormat;

  constructor(private readonly clock: ProjectClock) {
    this.startDay = parseIsoDate(clock.startDate, 'start');
    this.originUtcMs = localToUtcMs(clock.timeZone, this.startDay * MS_PER_DAY);
    this.format = new Intl.DateTimeFormat('en-US', { timeZone: clock.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** The ISO date (YYYY-MM-DD), in the project's zone, of the instant `hours` after the start; null for a missing time. */
  dateAt(hours: number | null): string | null {
    if (hours === null || !Number.isFinite(hours)) return null;
    const parts = Object.fromEntries(this.format.formatToParts(this.originUtcMs + hours * MS_PER_HOUR).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  }

  /**
   * The ISO date of the day on which work ending at the instant `hours` after the start ended:
   * its date in the project's zone, except that an end at midnight exactly belongs to the day
   * before (a finish at Friday 24:00 is a Friday's); null for a missing time.
   */
  finishDateAt(hours: number | null): string | null {
    return finishDate(this.clock, hours, this.originUtcMs);
  }

  /**
   * The date of project day `day` (1 = the start date). Counted in calendar days, not in 24-hour
   * steps, so a clock change does not move a day's date.
   */
  dateOfDay(day: number): string {
    return new Date((this.startDay + day - 1) * MS_PER_DAY).toISOString().slice(0, 10);
  }
}
