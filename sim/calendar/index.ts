export type { CalendarSpec, ProjectClock, ShiftPattern, Weekday } from './types.js';
export { WEEKDAYS } from './types.js';
export { MS_PER_DAY, MS_PER_HOUR, epochDay, parseClockTime, parseIsoDate, weekdayOf } from './civil-time.js';
export { isValidTimeZone, localToUtcMs, zoneOffsetMs } from './zoned-time.js';
export { alwaysOpen, openIntervals } from './shift-calendar.js';
export { finishDayAt, hoursAtLocal, isoDateOfDay, localMsAt, localTimeExistence, projectOriginUtcMs, type LocalTimeExistence } from './project-clock.js';
export { addOpenHours, mergeIntervals, openHoursBetween, unionIntervals } from './working-time.js';
