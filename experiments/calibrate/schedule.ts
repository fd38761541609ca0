import { UsageError } from '../usage-error.js';

/**
 * The team's schedule, given on the command line (`--shifts "mon-fri 09:00-17:00"`, repeatable,
 * with `--time-zone`): what the export cannot know. With it, calibration says the hours each
 * person-day was scheduled for, and so the shrinkage (scheduled time not spent on items).
 */
export interface Shift {
  days: string[];
  start: string;
  end: string;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function parseShift(text: string): Shift {
  const m = /^\s*([a-z,-]+)\s+(\d{2}:\d{2})-(\d{2}:\d{2})\s*$/i.exec(text);
  const expected = 'a shift like "mon-fri 09:00-17:00" or "sat,sun 10:00-14:00"';
  if (m === null) throw new UsageError(`--shifts: expected ${expected}, got ${JSON.stringify(text)}`);
  const days: string[] = [];
  for (const part of m[1].toLowerCase().split(',')) {
    const [from, to] = part.split('-');
    const a = order(from);
    const b = to === undefined ? a : order(to);
    if (a < 0 || b < 0 || b < a) throw new UsageError(`--shifts: expected ${expected}, got ${JSON.stringify(text)}`);
    for (let d = a; d <= b; d++) days.push(WEEK[d]);
  }
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  if (minutes(m[3]) <= minutes(m[2]) || minutes(m[3]) > 24 * 60) throw new UsageError(`--shifts: expected an end after the start, got ${JSON.stringify(text)}`);
  return { days, start: m[2], end: m[3] };
}

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
function order(day: string): number {
  return WEEK.indexOf(day);
}

/** Scheduled hours on a weekday (0 = Sunday, as Date#getDay). */
export function scheduledHours(shifts: Shift[], weekday: number): number {
  const day = DAYS[weekday];
  let hours = 0;
  for (const s of shifts) {
    if (!s.days.includes(day)) continue;
    hours += (Number(s.end.slice(0, 2)) * 60 + Number(s.end.slice(3)) - Number(s.start.slice(0, 2)) * 60 - Number(s.start.slice(3))) / 60;
  }
  return hours;
}

/** The local date key and weekday of an instant in a time zone, for person-days. */
export function localDay(zone: string): (ms: number) => { key: number; weekday: number } {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
  const cache = new Map<number, { key: number; weekday: number }>();
  return (ms: number) => {
    // Offsets change on the quarter hour at the finest (Nepal, Chatham): cache per UTC quarter.
    const hour = Math.floor(ms / 900_000);
    let hit = cache.get(hour);
    if (hit === undefined) {
      const parts = format.formatToParts(new Date(hour * 900_000));
      const get = (t: string) => parts.find((p) => p.type === t)!.value;
      const key = Number(get('year')) * 10_000 + Number(get('month')) * 100 + Number(get('day'));
      const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
      hit = { key, weekday };
      if (cache.size > 100_000) cache.clear();
      cache.set(hour, hit);
    }
    return hit;
  };
}
