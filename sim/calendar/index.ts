export type { CalendarSpec, ProjectClock, ShiftPattern, Weekday } from './types.js';
export { WEEKDAYS } from './types.js';
export { parseClockTime, parseIsoDate } from './civil-time.js';
export { isValidTimeZone, localToUtcMs, zoneOffsetMs } from './zoned-time.js';
export { alwaysOpen, openIntervals, projectOriginUtcMs } from './shift-calendar.js';
export { addOpenHours, mergeIntervals, openHoursBetween, unionIntervals } from './working-time.js';
