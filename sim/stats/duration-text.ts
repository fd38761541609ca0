/**
 * A duration in hours as the experiment file would write it, in the largest unit it is a whole
 * number of (`30s`, `4h`, `2w`), else in hours with up to six decimals: labels of wait thresholds
 * and of the figures read at them.
 */
const UNITS: Array<[string, number]> = [
  ['w', 168],
  ['d', 24],
  ['h', 1],
  ['m', 1 / 60],
  ['s', 1 / 3600],
];

export function durationText(hours: number): string {
  if (hours === 0) return '0s';
  for (const [unit, size] of UNITS) {
    const n = hours / size;
    const whole = Math.round(n);
    if (whole >= 1 && Math.abs(n - whole) < 1e-9 * Math.max(1, whole)) return `${whole}${unit}`;
  }
  return `${Number(hours.toFixed(6))}h`;
}
