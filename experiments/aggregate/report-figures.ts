import { quantileSorted } from 'simple-statistics';
import { REPLICATION_OUTPUTS, type Outputs, type ScalarOutput, type VectorOutput } from '../../sim/model/replication-outputs.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import { meanInterval, type Interval } from './statistics.js';

/**
 * What the report draws from the records themselves rather than from the summary, for the
 * outputs whose declaration (sim/model/replication-outputs.ts) asks for it: only those are
 * accepted here, so a chart cannot draw what the table does not promise.
 */
type NumericScalar = { [K in ScalarOutput]: ReplicationResult[K] extends number ? K : never }[ScalarOutput];
type Shown<What extends 'distribution' | 'interval'> = { [K in NumericScalar]: Outputs[K] extends { readonly report: { readonly [W in What]: true } } ? K : never }[NumericScalar];
type Banded = { [K in VectorOutput]: Outputs[K]['aggregate'] extends { readonly kind: 'band' } ? K : never }[VectorOutput];
type BandKeys<K extends Banded> = keyof Outputs[K]['aggregate']['quantiles'];

/** The finite values across replications, sorted: a replication without one (not done, nothing accurate) has no place on the curve. */
export function distribution(rs: ReplicationResult[], name: Shown<'distribution'>): number[] {
  return rs.map((r) => r[name]).filter(Number.isFinite).sort((a, b) => a - b);
}

/** The mean across replications with its 95% t interval, unrounded. */
export function interval(rs: ReplicationResult[], name: Shown<'interval'>): Interval | null {
  return meanInterval(rs.map((r) => r[name]));
}

/** The declared quantiles of elements 0 to `through` - 1 across replications, one list per quantile. */
export function band<K extends Banded>(rs: ReplicationResult[], name: K, through: number): Record<BandKeys<K>, number[]> {
  const quantiles = Object.entries(REPLICATION_OUTPUTS[name].aggregate.quantiles);
  const out = Object.fromEntries(quantiles.map(([key]) => [key, [] as number[]]));
  const column = new Float64Array(rs.length);
  for (let d = 0; d < through; d++) {
    for (let k = 0; k < rs.length; k++) column[k] = rs[k][name][d];
    const xs = Array.from(column).sort((a, b) => a - b);
    for (const [key, q] of quantiles) out[key].push(quantileSorted(xs, q));
  }
  return out as Record<BandKeys<K>, number[]>;
}
