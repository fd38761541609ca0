import { ExperimentError, describeValue } from './errors.js';

/** A decimal number as written in a file: digits, an optional fraction and exponent, no sign. */
const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;

/** `36s`, `2.5h`, `8w`: a non-negative number and a unit (s, m = minutes, h, d = 24 h, w = 168 h). */
export const DURATION_PATTERN = `^\\s*${NUMBER}\\s*[smhdw]\\s*$`;
/** `9/h`, `2/d`, `1/s`: a non-negative number per unit. */
export const RATE_PATTERN = `^\\s*${NUMBER}\\s*/\\s*[smhdw]\\s*$`;
/** `18/h`: money per hour. */
export const HOURLY_PATTERN = `^\\s*${NUMBER}\\s*/\\s*h\\s*$`;
/** `5%`, `12.5%`. */
export const PERCENT_PATTERN = `^\\s*${NUMBER}\\s*%\\s*$`;

/** Per-hour rate from a rate per unit. */
const perHour: Record<string, (n: number) => number> = {
  s: (n) => n * 3600,
  m: (n) => n * 60,
  h: (n) => n,
  d: (n) => n / 24,
  w: (n) => n / 168,
};

/** Hours from a number of units, dividing for the small units so that 36s is exactly 0.01 h. */
const toHours: Record<string, (n: number) => number> = {
  s: (n) => n / 3600,
  m: (n) => n / 60,
  h: (n) => n,
  d: (n) => n * 24,
  w: (n) => n * 168,
};

export const DURATION_EXPECTED = 'a duration with a unit, like 36s, 8h, 3d or 8w';
export const RATE_EXPECTED = 'a rate like 9/h, 100/h, 2/d or 1/m';
export const SHARE_EXPECTED = 'a share: a percentage like 5% or a number from 0 to 1';

const durationRe = new RegExp(DURATION_PATTERN);
const rateRe = new RegExp(RATE_PATTERN);
const percentRe = new RegExp(PERCENT_PATTERN);

/** Hours of a duration string, or null if it is not one (or not finite). */
export function durationHours(text: unknown): number | null {
  if (typeof text !== 'string' || text.length > 100 || !durationRe.test(text)) return null;
  const trimmed = text.trim();
  const unit = trimmed[trimmed.length - 1];
  const value = toHours[unit](Number(trimmed.slice(0, -1).trim()));
  return Number.isFinite(value) ? value : null;
}

/** Events per hour of a rate string, or null if it is not one (or not finite). */
export function ratePerHour(text: unknown): number | null {
  if (typeof text !== 'string' || text.length > 100 || !rateRe.test(text)) return null;
  const [amount, unit] = text.split('/').map((s) => s.trim());
  const value = perHour[unit](Number(amount));
  return Number.isFinite(value) ? value : null;
}

/** A share in [0, 1] from `5%` or a number, or null if it is neither (or out of range, or not finite). */
export function shareValue(x: unknown): number | null {
  let value: number;
  if (typeof x === 'number') value = x;
  else if (typeof x === 'string' && x.length <= 100 && percentRe.test(x)) value = Number(x.trim().slice(0, -1).trim()) / 100;
  else return null;
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : null;
}

/**
 * Parses a duration such as `36s`, `2.5h` or `8w` into hours.
 *
 * @throws ExperimentError naming `file` and `field` when the text is not a finite, non-negative duration with a unit
 */
export function parseDuration(text: unknown, field = '', file = ''): number {
  const hours = durationHours(text);
  if (hours === null) throw new ExperimentError(file, field, DURATION_EXPECTED, describeValue(text));
  return hours;
}

/**
 * Parses a rate such as `9/h` or `2/d` into events per hour.
 *
 * @throws ExperimentError when the text is not a finite, non-negative rate with a unit
 */
export function parseRate(text: unknown, field = '', file = ''): number {
  const perHour = ratePerHour(text);
  if (perHour === null) throw new ExperimentError(file, field, RATE_EXPECTED, describeValue(text));
  return perHour;
}

/**
 * Parses a share, `5%` or a number in [0, 1].
 *
 * @throws ExperimentError when the value is neither, or outside [0, 1]
 */
export function parseShare(x: unknown, field = '', file = ''): number {
  const share = shareValue(x);
  if (share === null) throw new ExperimentError(file, field, SHARE_EXPECTED, describeValue(x));
  return share;
}
