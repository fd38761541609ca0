import { hoursAtLocal, localTimeExistence, MS_PER_DAY, parseClockTime, parseIsoDate, type ProjectClock } from '../../sim/calendar/index.js';
import { durationHours } from './units.js';

/** A date, or a date and a local time: `2027-05-28`, `2027-05-28 17:00` or `2027-05-28T17:00`. */
export const DEADLINE_DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?$`;
const dateTimeRe = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?$/;

/** Whether `text` is a real date, or date and clock time, in the deadline's format (the zone is judged later). */
export function isDeadlineDate(text: string): boolean {
  const m = dateTimeRe.exec(text);
  if (m === null) return false;
  try {
    parseIsoDate(m[1]);
    if (m[2] !== undefined) parseClockTime(m[2]);
    return true;
  } catch {
    return false;
  }
}

/** Why a deadline cannot be used: what was expected, and what the file said. */
export interface DeadlineProblem {
  expected: string;
  got: string;
}

/**
 * A deadline in project hours (elapsed hours from 00:00 of the start date), from the forms a
 * file may write it in:
 * - a duration in whole days or weeks (`3d`, `10w`) counts calendar days in the project's zone:
 *   the deadline is that many days after the start at the same wall-clock time (00:00), so a
 *   clock change in between moves it by an hour of elapsed time, not the clock reading;
 * - any other duration (`36h`, `90m`, `1.5d`) is elapsed time from the start;
 * - a date `YYYY-MM-DD` is the end of that day in the zone (24:00, the next day's 00:00);
 * - a date and time `YYYY-MM-DD HH:MM` is that wall-clock time in the zone; one that a clock
 *   change skips or repeats is refused, since it names no instant or two.
 *
 * @returns the hours, or the problem with the deadline (before the start, a local time that
 *   does not exist or is ambiguous)
 */
export function deadlineHours(text: string, clock: ProjectClock): number | DeadlineProblem {
  const startDay = parseIsoDate(clock.startDate);
  const duration = durationHours(text);
  if (duration !== null) {
    const unit = text.trim().slice(-1);
    const days = duration / 24;
    const calendarDays = (unit === 'd' || unit === 'w') && Number.isInteger(days);
    return calendarDays ? hoursAtLocal(clock, (startDay + days) * MS_PER_DAY) : duration;
  }
  const m = dateTimeRe.exec(text)!;
  const day = parseIsoDate(m[1]);
  const local = m[2] === undefined ? (day + 1) * MS_PER_DAY : day * MS_PER_DAY + parseClockTime(m[2]) * 60_000;
  const written = JSON.stringify(text);
  if (m[2] !== undefined) {
    const existence = localTimeExistence(clock.timeZone, local);
    if (existence === 'skipped') {
      return { expected: `a local time that exists in ${clock.timeZone} (the clocks skip ${m[2]} on ${m[1]}; write the date alone for the end of that day, or a time outside the skipped hour)`, got: written };
    }
    if (existence === 'repeated') {
      return { expected: `an unambiguous local time in ${clock.timeZone} (the clocks go back on ${m[1]} and show ${m[2]} twice; write a time outside the repeated hour)`, got: written };
    }
  }
  const hours = hoursAtLocal(clock, local);
  if (!(hours > 0)) {
    return { expected: `a deadline after the start (${clock.startDate} 00:00 ${clock.timeZone}; a date alone means the end of that day)`, got: written };
  }
  return hours;
}
