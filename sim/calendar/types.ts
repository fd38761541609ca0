export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Index i is the weekday with ISO number i + 1, so Monday is 0. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Anchors simulation time: t = 0 is 00:00 local time of `startDate` in `timeZone`, any day of the week. */
export interface ProjectClock {
  /** 'YYYY-MM-DD'. */
  startDate: string;
  /** IANA zone name, e.g. 'Europe/Berlin' or 'UTC'. */
  timeZone: string;
}

export interface ShiftPattern {
  days: Weekday[];
  /** 'HH:MM' local time. */
  start: string;
  /** 'HH:MM' local time, '24:00' allowed; must be after `start` (write an overnight shift as two shifts). */
  end: string;
}

export interface CalendarSpec {
  timeZone: string;
  shifts: ShiftPattern[];
  /** 'YYYY-MM-DD' local dates in the calendar's zone on which no shift starts. */
  holidays: string[];
}
