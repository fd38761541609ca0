import type { OutputAggregation } from '../../sim/model/replication-outputs.js';
import { round, roundInterval, type RoundedInterval } from './rounding.js';
import { censoredQuantile, finiteMean, meanInterval, quantile, wilson } from './statistics.js';

/**
 * The figure of one output (of a vector: one element) across replications, by the kind of
 * aggregation its declaration names. `values` holds one value per replication.
 */
type Kind<K extends OutputAggregation['kind']> = Extract<OutputAggregation, { kind: K }>;

/** @param share - the output is a share (utilisation, a probability): its interval is cut to [0, 1], where a t interval over few replications may reach past it */
export function meanFigure(values: number[], a: Kind<'mean'>, digits: number, share = false): Record<string, number | null | RoundedInterval> {
  const out: Record<string, number | null | RoundedInterval> = { mean: round(finiteMean(values), digits) };
  for (const [key, q] of Object.entries(a.quantiles ?? {})) out[key] = round(quantile(values, q), digits);
  if (a.interval === true) {
    const ci = meanInterval(values);
    out.ci = roundInterval(share && ci !== null ? { mean: ci.mean, low: Math.max(0, ci.low), high: Math.min(1, ci.high) } : ci, digits);
  }
  return out;
}

export interface OnTimeInterval {
  probability: number | null;
  low: number | null;
  high: number | null;
  count: number;
}

/** A time until done: NaN is a replication not done by the horizon, which ranks above every done one. */
export function timeToFinishFigure(values: number[], a: Kind<'time-to-finish'>, deadlineHours: number | null, digits: number) {
  const n = values.length;
  const done = values.filter(Number.isFinite);
  const notFinished = n - done.length;
  const completion: Record<string, number | null> = {};
  if (a.meanWhenAllDone) completion.mean = notFinished === 0 ? round(finiteMean(done), digits) : null;
  for (const [key, q] of Object.entries(a.quantiles)) completion[key] = round(censoredQuantile(done, n, q), digits);
  completion.notFinished = notFinished;
  let onTime: OnTimeInterval | number | null = null;
  if (deadlineHours !== null) {
    const count = done.filter((t) => t <= deadlineHours).length;
    if (a.onTime === 'share') onTime = round(count / Math.max(1, n));
    else {
      const w = wilson(count, n);
      onTime = w === null ? null : { probability: round(w.mean), low: round(w.low), high: round(w.high), count };
    }
  }
  return { completion, onTime };
}

/** Per pool, the share of replications whose value names it. */
export function sharePerPoolFigure(values: number[], pools: string[]): Record<string, number | null> {
  const n = values.length;
  return Object.fromEntries(pools.map((pool, i) => [pool, n === 0 ? null : round(values.filter((v) => v === i).length / n)]));
}

export function ratioFigure(values: number[], over: number[]): number | null {
  return round(finiteMean(values.map((x, k) => (over[k] > 0 ? x / over[k] : NaN))));
}
