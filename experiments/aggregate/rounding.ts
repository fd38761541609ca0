import type { OutputUnit } from '../../sim/model/replication-outputs.js';
import type { Interval } from './statistics.js';

/**
 * Figures are rounded so a summary reads cleanly and compares byte for byte: to 6 decimals, and
 * money totals to the cent (a cost per item keeps its 6, where the cents are the point).
 */
export const digitsOf = (unit: OutputUnit): number => (unit === 'money' ? 2 : 6);

export const round = (x: number | null, digits = 6): number | null => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

export interface RoundedInterval {
  mean: number | null;
  low: number | null;
  high: number | null;
}

export const roundInterval = (i: Interval | null, digits = 6): RoundedInterval | null =>
  i === null ? null : { mean: round(i.mean, digits), low: round(i.low, digits), high: round(i.high, digits) };
