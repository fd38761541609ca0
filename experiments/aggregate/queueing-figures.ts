import type { OutputAggregation } from '../../sim/model/replication-outputs.js';
import { binnedQuantile, DURATION_BIN_ERROR } from '../../sim/stats/duration-bins.js';
import { round } from './rounding.js';
import { censoredQuantile } from './statistics.js';

type Kind<K extends OutputAggregation['kind']> = Extract<OutputAggregation, { kind: K }>;

/** The error bound every pooled quantile carries, as summary.json states it beside them. */
export const POOLED_QUANTILE_BOUND = DURATION_BIN_ERROR;

/**
 * The named quantiles of the histograms of every replication added together (sim/stats/
 * duration-bins.ts): `rows` holds one histogram per replication, each `length` counters from
 * `offset`. A quantile of the pooled counts is a quantile of all the waits (or times in system)
 * of the plan: the replications' own quantiles, averaged, are not. Null where nothing was counted.
 */
export function pooledQuantileFigure(rows: ArrayLike<number>[], offset: number, length: number, a: Kind<'pooled-quantiles'>): Record<string, number | null> & { count: number } {
  const pooled = new Float64Array(length);
  for (const r of rows) for (let i = 0; i < length; i++) pooled[i] += r[offset + i];
  let count = 0;
  for (let i = 0; i < length; i++) count += pooled[i];
  const out: Record<string, number | null> = {};
  for (const [key, q] of Object.entries(a.quantiles)) out[key] = round(binnedQuantile(pooled, 0, length, q));
  return { ...out, count };
}

/**
 * A turnaround across replications: its censored quantiles (a delivery not done by the end ranks
 * after every done one), how many replications did not finish it, and, with an SLA, the share
 * of replications that turned it around within the SLA.
 */
export function turnaroundFigure(values: number[], a: Kind<'turnaround'>, slaHours: number | null) {
  const n = values.length;
  const done = values.filter(Number.isFinite);
  const out: Record<string, number | null> = {};
  for (const [key, q] of Object.entries(a.quantiles)) out[key] = round(censoredQuantile(done, n, q));
  out.notFinished = n - done.length;
  out.withinSla = slaHours === null || n === 0 ? null : round(done.filter((t) => t <= slaHours).length / n);
  return out;
}
