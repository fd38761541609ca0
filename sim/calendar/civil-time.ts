import { WEEKDAYS, type Weekday } from './types.js';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date.
 *
 * @param month - 1..12
 * @param day - 1..31
 */
export function epochDay(year: number, month: number, day: number): number {
  // Hinnant's days_from_civil; Date.UTC would read years 0-99 as 1900-1999.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Weekday of a day counted by {@link epochDay}. */
export function weekdayOf(day: number): Weekday {
  // 1970-01-01 was a Thursday, index 3 when Monday is 0.
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7];
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses a 'YYYY-MM-DD' calendar date into its {@link epochDay}.
 *
 * @param what - names the field in the error message
 * @throws Error if the text is not a real date in that format
 */
export function parseIsoDate(text: string, what = 'date'): number {
  const m = typeof text === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (m === null) throw new Error(`Invalid ${what} ${JSON.stringify(text)}: expected 'YYYY-MM-DD'`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Year 0 would format as "1 BC", which the zone-offset code does not read.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`Invalid ${what} ${JSON.stringify(text)}: no such calendar date`);
  }
  return epochDay(year, month, day);
}

/**
 * Parses an 'HH:MM' clock time, '24:00' included, into minutes since midnight (0..1440).
 *
 * @throws Error naming the problem for e.g. '25:00', '9am' or '17:60'
 */
export function parseClockTime(hhmm: string): number {
  const m = typeof hhmm === 'string' ? /^(\d{2}):(\d{2})$/.exec(hhmm) : null;
  if (m === null) throw new Error(`Invalid clock time ${JSON.stringify(hhmm)}: expected 'HH:MM' (24-hour, e.g. '09:00')`);
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59) throw new Error(`Invalid clock time ${JSON.stringify(hhmm)}: minutes must be 00-59`);
  if (hours > 24 || (hours === 24 && minutes > 0)) {
    throw new Error(`Invalid clock time ${JSON.stringify(hhmm)}: hours must be 00-23 (or exactly '24:00')`);
  }
  return hours * 60 + minutes;
}
