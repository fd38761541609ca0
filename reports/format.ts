/**
 * How the report writes numbers: weeks for project time, the experiment's currency for money,
 * percentages for shares, calendar dates in the project's time zone. Every function returns a
 * plain string (no HTML) and writes "n/a" for a missing figure, so a null never prints as "null".
 * A negative number is written with the true minus sign (U+2212, `MINUS`), as Plotly writes its
 * tick labels; a figure that rounds to zero has no sign. (The CSV tables and the JSON files do
 * not use these: they keep the hyphen-minus that programs read.)
 */

export const HOURS_PER_WEEK = 168;
const NA = 'n/a';

/** The minus sign of every negative number the report shows. */
export const MINUS = '\u2212';

const isNum = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** A formatted number's leading hyphen-minus as the true minus, or dropped when no digit but 0 is shown ("-0.00" -> "0.00"). */
function trueMinus(text: string): string {
  if (!text.startsWith('-')) return text;
  return /[1-9]/.test(text) ? MINUS + text.slice(1) : text.slice(1);
}

/** A number with thousands separators and a fixed number of decimals: 1234.5 -> "1,234.5", -2 -> "−2". */
export function formatNumber(x: number | null | undefined, decimals = 0): string {
  if (!isNum(x)) return NA;
  return trueMinus(x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
}

/** A share as a percentage: 0.042 -> "4%", with `decimals` after the point. */
export function formatPercent(x: number | null | undefined, decimals = 0): string {
  if (!isNum(x)) return NA;
  return `${trueMinus(percentDigits(x, decimals))}%`;
}

/**
 * A share as a percentage with `decimals` decimals, a decimal tie rounded away from zero as a person
 * would round it: summary.json keeps shares to 6 decimals, and 0.01555 is 1.555% exactly as
 * written, but its double lies just below, so toFixed alone gives "1.55" where the unrounded
 * figure (0.0155504) gives "1.56". The nudge, a millionth of a millionth, moves only such ties.
 */
export function percentDigits(x: number, decimals: number): string {
  const scaled = 100 * x * 10 ** decimals;
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled) * (1 + 1e-12));
  return (rounded / 10 ** decimals).toFixed(decimals);
}

/** Project hours as weeks: 1948.8 -> "11.6 weeks" (one week is 168 hours). */
export function formatWeeks(hours: number | null | undefined, decimals = 1): string {
  if (!isNum(hours)) return NA;
  const w = hours / HOURS_PER_WEEK;
  // Whole weeks (a deadline of 8w) read as "8 weeks", not "8.0 weeks".
  const text = Number.isInteger(w) ? String(w) : w.toFixed(decimals);
  return `${trueMinus(text)} ${Number(text) === 1 ? 'week' : 'weeks'}`;
}

/** Hours to weeks, rounded for a chart axis. */
export function toWeeks(hours: number, decimals = 4): number {
  return round(hours / HOURS_PER_WEEK, decimals);
}

export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Decimals that show a money amount to its useful precision: cents for most, more for fractions of a cent. */
function moneyDecimals(x: number): number {
  const a = Math.abs(x);
  if (a >= 1000) return 0;
  if (a >= 0.1 || a === 0) return 2;
  // Small unit costs: three significant digits (0.0123).
  return Math.min(6, 2 - Math.floor(Math.log10(a)));
}

/** Money in the experiment's currency: "$0.91", "€12,340", "CHF 3.50"; `decimals` overrides the automatic precision. */
export function formatMoney(x: number | null | undefined, currency: string, decimals?: number): string {
  if (!isNum(x)) return NA;
  const d = decimals ?? moneyDecimals(x);
  try {
    return trueMinus(new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: d, maximumFractionDigits: d }).format(x));
  } catch {
    return `${currency} ${formatNumber(x, d)}`;
  }
}

/** A signed difference: "+1.2 weeks", "−$0.04", for tables of plan minus baseline; `text` is the difference's size as shown. */
export function signed(text: string, x: number | null | undefined): string {
  if (!isNum(x)) return NA;
  const size = text.startsWith('-') || text.startsWith(MINUS) ? text.slice(1) : text;
  // A difference that shows as zero has no sign: "0.00", never "+0.00" or "−0.00".
  if (!/[1-9]/.test(size)) return size;
  if (x > 0) return `+${size}`;
  if (x < 0) return `${MINUS}${size}`;
  return size;
}

/** A difference as a number with its sign always written: "+1.20", "−0.44", "0.00" when it rounds to nothing. */
export function formatSigned(x: number | null | undefined, decimals = 0): string {
  if (!isNum(x)) return NA;
  return signed(formatNumber(Math.abs(x), decimals), x);
}

/** A difference of money with its sign always written: "+$0.29", "−$0.0739", "$0.00" when it rounds to nothing. */
export function formatSignedMoney(x: number | null | undefined, currency: string, decimals?: number): string {
  if (!isNum(x)) return NA;
  return signed(formatMoney(Math.abs(x), currency, decimals), x);
}

/** A waiting time in the unit that reads best: "45 s", "12 min", "3.4 h", "2.1 days", "3.7 weeks". */
export function formatDuration(hours: number | null | undefined): string {
  if (!isNum(hours)) return NA;
  const a = Math.abs(hours);
  if (a === 0) return '0 h';
  if (a < 1 / 60) return `${trueMinus((hours * 3600).toFixed(0))} s`;
  if (a < 1) return `${trueMinus((hours * 60).toFixed(a < 1 / 6 ? 1 : 0))} min`;
  if (a < 48) return `${trueMinus(hours.toFixed(1))} h`;
  if (a < 2 * HOURS_PER_WEEK) return `${trueMinus((hours / 24).toFixed(1))} days`;
  return formatWeeks(hours);
}

/** Wall-clock seconds: "48 s", "3 min 12 s", "1 h 05 min". */
export function formatWallTime(seconds: number | null | undefined): string {
  if (!isNum(seconds)) return NA;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** An ISO timestamp as a readable UTC time: "22 Nov 2026, 23:25 UTC". */
export function formatTimestamp(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso === '' ? NA : iso;
  const date = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(t);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t);
  return `${date}, ${time} UTC`;
}

/** The first characters of a hash, for display (the full one goes in a title). */
export function shortHash(hash: string, length = 12): string {
  return hash.slice(0, length);
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in ms (positive east of Greenwich). */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(utcMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - (utcMs - (utcMs % 1000 + 1000) % 1000);
}

/** The UTC instant (ms) of project hour 0: 00:00 local time of `startDate` in `timeZone`. */
export function projectOrigin(startDate: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
  if (m === null) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  try {
    // Two passes find the offset in force at local midnight, also across a daylight-saving change.
    const first = wall - zoneOffsetMs(wall, timeZone);
    return wall - zoneOffsetMs(first, timeZone);
  } catch {
    return null;
  }
}

export interface CalendarOptions {
  /** Include the weekday ("Mon 31 May 2027"). */
  weekday?: boolean;
  /** Include the year. */
  year?: boolean;
  /** Include the local time when it is not midnight. */
  time?: boolean;
}

/** Project hours as a calendar date in the project's zone: 1344 h from Mon 5 Apr 2027 -> "Mon 31 May 2027". */
export function calendarDate(hours: number | null | undefined, startDate: string, timeZone: string, opts: CalendarOptions = {}): string {
  if (!isNum(hours)) return NA;
  const origin = projectOrigin(startDate, timeZone);
  if (origin === null) return NA;
  const at = origin + hours * 3_600_000;
  const { weekday = true, year = true, time = true } = opts;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: weekday ? 'short' : undefined,
    day: 'numeric',
    month: 'short',
    year: year ? 'numeric' : undefined,
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  const date = [part('weekday'), part('day'), part('month'), part('year')].filter((x) => x !== undefined).join(' ');
  if (!time) return date;
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return clock === '00:00' ? date : `${date}, ${clock}`;
}

const MS_PER_DAY = 86_400_000;

/** An ISO date 'YYYY-MM-DD' as the report writes a day: "Mon 28 Jun 2027". */
export function formatDay(iso: string | null | undefined, opts: Pick<CalendarOptions, 'weekday' | 'year'> = {}): string {
  const m = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (m === null) return NA;
  const { weekday = true, year = true } = opts;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: weekday ? 'short' : undefined,
    day: 'numeric',
    month: 'short',
    year: year ? 'numeric' : undefined,
  }).formatToParts(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return [part('weekday'), part('day'), part('month'), part('year')].filter((x) => x !== undefined).join(' ');
}

/** The wall-clock reading (local ms: the local date-time written as if it were UTC) of project hour `hours`. */
function localMsAt(hours: number, startDate: string, timeZone: string): number | null {
  const origin = projectOrigin(startDate, timeZone);
  if (origin === null) return null;
  const at = origin + hours * 3_600_000;
  return at + zoneOffsetMs(at, timeZone);
}

interface DeadlineShape {
  deadlineHours: number | null;
  startDate: string;
  timeZone: string;
}

/** Whole calendar days from the start to the deadline, when it falls at 00:00 like the start; else null. */
function calendarDaysToDeadline(h: DeadlineShape): number | null {
  if (h.deadlineHours === null) return null;
  const local = localMsAt(h.deadlineHours, h.startDate, h.timeZone);
  const start = projectOrigin(h.startDate, 'UTC');
  if (local === null || start === null) return null;
  const days = (local - start) / MS_PER_DAY;
  return Number.isInteger(days) ? days : null;
}

/**
 * How long after the start the deadline is, in the terms it was most likely written in: whole
 * weeks or days of the calendar ("8 weeks", "53 days") when it falls at 00:00 like the start (a
 * clock change in between does not make 8 weeks read "8.0 weeks"); at a time of day, in the unit
 * that suits its size (durationUnit), as the verdicts' figures: 17:00 on the fourth day reads
 * "3.7 days" beside the end of that day's "4 days", not "0.5 weeks"; 36h reads "36 hours".
 */
export function deadlineSpan(h: DeadlineShape): string {
  if (h.deadlineHours === null) return NA;
  const days = calendarDaysToDeadline(h);
  if (days !== null) return days % 7 === 0 ? formatWeeks(days * 24) : plural(days, 'day');
  const unit = durationUnit(h.deadlineHours);
  if (unit.name === 'weeks') return formatWeeks(h.deadlineHours);
  // Days to one decimal, as weeks; hours and less as written (36h, 1.5h).
  const x = round(h.deadlineHours * unit.perHour, unit.name === 'days' ? 1 : 2);
  return `${x.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${x === 1 ? unit.name.slice(0, -1) : unit.name}`;
}

/**
 * The deadline as a wall-clock time in the project's zone: "the end of Fri 28 May 2027 (24:00
 * Europe/Berlin)" for a deadline at midnight (the last day one may work is the one before),
 * else "Fri 28 May 2027, 17:00 Europe/Berlin".
 */
export function deadlineWhen(h: DeadlineShape): string {
  if (h.deadlineHours === null) return NA;
  const local = localMsAt(h.deadlineHours, h.startDate, h.timeZone);
  if (local === null) return NA;
  const day = Math.floor(local / MS_PER_DAY);
  const iso = (d: number) => new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
  if (local === day * MS_PER_DAY) return `the end of ${formatDay(iso(day - 1))} (24:00 ${h.timeZone})`;
  const clock = new Date(local).toISOString().slice(11, 16);
  return `${formatDay(iso(day))}, ${clock} ${h.timeZone}`;
}

/**
 * The header's statement of the deadline: how long after the start, when on the wall clock,
 * and, when a clock change makes the two disagree, the elapsed hours the simulation counts.
 */
export function deadlineStatement(h: DeadlineShape): string {
  if (h.deadlineHours === null) return NA;
  const days = calendarDaysToDeadline(h);
  const clockChange = days !== null && h.deadlineHours !== days * 24 ? `; ${formatNumber(h.deadlineHours, Number.isInteger(h.deadlineHours) ? 0 : 2)} h of elapsed time, as the clocks change in between` : '';
  return `${deadlineSpan(h)} after the start: ${deadlineWhen(h)}${clockChange}`;
}

/** "a of b" phrases with the right noun: "1 of 8 replications". */
export function plural(n: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${formatNumber(n)} ${n === 1 ? noun : pluralNoun}`;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A probability as a whole percentage that never rounds a possibility away: 0.004 -> "<1%", 0.996 -> ">99%". */
export function formatChance(p: number | null | undefined): string {
  if (!isNum(p)) return NA;
  if (p > 0 && p < 0.005) return '<1%';
  if (p < 1 && p > 0.995) return '>99%';
  return formatPercent(p, 0);
}

/** The unit a set of durations reads best in, given the largest: weeks, days, hours, minutes or seconds, with the factor from hours. */
export function durationUnit(maxHours: number): { name: string; perHour: number } {
  const a = Math.abs(maxHours);
  if (a >= 2 * HOURS_PER_WEEK) return { name: 'weeks', perHour: 1 / HOURS_PER_WEEK };
  if (a >= 48) return { name: 'days', perHour: 1 / 24 };
  if (a >= 1) return { name: 'hours', perHour: 1 };
  if (a >= 1 / 60) return { name: 'minutes', perHour: 60 };
  return { name: 'seconds', perHour: 3600 };
}

/** "the 30-week horizon": the simulated span, as an adjective. */
export function horizonPhrase(hours: number): string {
  const w = hours / HOURS_PER_WEEK;
  return `the ${Number.isInteger(w) ? String(w) : w.toFixed(1)}-week horizon`;
}
