import { OUTPUTS, REPLICATION_OUTPUTS, type OutputName, type Outputs, type ScalarOutput, type VectorOutput } from '../../sim/model/replication-outputs.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { RowLayout } from '../../workers/result-rows.js';
import { meanFigure, ratioFigure, sharePerPoolFigure, timeToFinishFigure, type OnTimeInterval } from './output-figures.js';
import { pooledQuantileFigure, turnaroundFigure } from './queueing-figures.js';
import { digitsOf, roundInterval, type RoundedInterval } from './rounding.js';
import { pairedDifference } from './statistics.js';

type Aggregate<K extends OutputName> = Outputs[K]['aggregate'];
type Of<Kind extends string, Among extends OutputName> = { [K in Among]: Aggregate<K>['kind'] extends Kind ? K : never }[Among];
type QuantileKeys<K extends OutputName> = Aggregate<K> extends { readonly quantiles: infer Q } ? keyof Q : never;
type NumericScalar = { [K in ScalarOutput]: ReplicationResult[K] extends number ? K : never }[ScalarOutput];
type Paired = { [K in NumericScalar]: Outputs[K] extends { readonly paired: true } ? K : never }[NumericScalar];

export type MeanFigure<K extends OutputName> = { mean: number | null } & { [Q in QuantileKeys<K>]: number | null } & (Aggregate<K> extends { readonly interval: true }
    ? { ci: RoundedInterval | null }
    : unknown);
export type Completion<K extends OutputName> = (Aggregate<K> extends { readonly meanWhenAllDone: true } ? { mean: number | null } : unknown) & {
  [Q in QuantileKeys<K>]: number | null;
} & { notFinished: number };
export type OnTime<K extends OutputName> = Aggregate<K> extends { readonly onTime: 'wilson' } ? OnTimeInterval | null : number | null;
export interface TimeToFinish<K extends OutputName> {
  completion: Completion<K>;
  onTime: OnTime<K>;
}

/**
 * A plan's replications read output by output, each aggregated as its declaration says
 * (sim/model/replication-outputs.ts). It remembers what was read, so that `rest()` can give the
 * figures of every output the caller laid out nowhere: a new output reaches the summary under
 * its own name without an edit of the summary.
 */
export class PlanOutputs {
  private readonly read = new Set<OutputName>();

  constructor(
    private readonly results: ReplicationResult[],
    private readonly layout: RowLayout,
    private readonly deadlineHours: number | null,
  ) {}

  /** One value per replication, of a scalar or of element `i` of a vector. */
  values(name: NumericScalar): number[];
  values(name: VectorOutput, i: number): number[];
  values(name: NumericScalar | VectorOutput, i?: number): number[] {
    this.read.add(name);
    return i === undefined ? this.results.map((r) => r[name as NumericScalar]) : this.results.map((r) => r[name as VectorOutput][i]);
  }

  mean<K extends Of<'mean', ScalarOutput>>(name: K): MeanFigure<K> {
    const o = REPLICATION_OUTPUTS[name];
    return meanFigure(this.values(name), o.aggregate, digitsOf(o.unit), o.unit === 'share') as MeanFigure<K>;
  }

  meanPer<K extends Of<'mean', VectorOutput>>(name: K): Record<string, MeanFigure<K>> {
    this.read.add(name);
    const o = REPLICATION_OUTPUTS[name];
    return this.perElement(name, (values) => meanFigure(values, o.aggregate, digitsOf(o.unit), o.unit === 'share') as MeanFigure<K>);
  }

  timeToFinish<K extends Of<'time-to-finish', ScalarOutput>>(name: K): TimeToFinish<K> {
    return timeToFinishFigure(this.values(name), REPLICATION_OUTPUTS[name].aggregate, this.deadlineHours, digitsOf(REPLICATION_OUTPUTS[name].unit)) as TimeToFinish<K>;
  }

  timeToFinishPer<K extends Of<'time-to-finish', VectorOutput>>(name: K): Record<string, TimeToFinish<K>> {
    const a = REPLICATION_OUTPUTS[name].aggregate;
    return this.perElement(name, (values) => timeToFinishFigure(values, a, this.deadlineHours, digitsOf(REPLICATION_OUTPUTS[name].unit)) as TimeToFinish<K>);
  }

  sharePerPool(name: Of<'share-per-pool', NumericScalar>): Record<string, number | null> {
    return sharePerPoolFigure(this.values(name), this.layout.pools);
  }

  ratio(name: Of<'ratio', NumericScalar>): number | null {
    const over = REPLICATION_OUTPUTS[name].aggregate.over;
    return ratioFigure(this.values(name), this.values(over));
  }

  /** Pooled quantiles of a histogram output: per stage, or one for the plan. */
  pooled(name: Of<'pooled-quantiles', VectorOutput>): Record<string, ReturnType<typeof pooledQuantileFigure>> | ReturnType<typeof pooledQuantileFigure> {
    this.read.add(name);
    const a = REPLICATION_OUTPUTS[name].aggregate;
    const rows = this.results.map((r) => r[name]);
    const length = this.layout.histogram;
    if (a.of === 'scalar') return pooledQuantileFigure(rows, 0, length, a);
    return Object.fromEntries(this.layout.stages.map((s, i) => [s, pooledQuantileFigure(rows, i * length, length, a)]));
  }

  /** Per delivery: its turnaround across replications, against the work type's SLA. */
  turnaround(name: Of<'turnaround', VectorOutput>): Record<string, ReturnType<typeof turnaroundFigure>> {
    const a = REPLICATION_OUTPUTS[name].aggregate;
    return this.perElement(name, (values, i) => turnaroundFigure(values, a, this.layout.deliverySla[i]));
  }

  /** This plan minus the baseline, over the replication indices both have (the same random worlds). */
  paired(name: Paired, baseline: ReplicationResult[]): RoundedInterval | null {
    this.read.add(name);
    const byRep = new Map(baseline.map((r) => [r.replication, r]));
    const x: number[] = [];
    const y: number[] = [];
    for (const r of this.results) {
      const b = byRep.get(r.replication);
      if (b === undefined) continue;
      x.push(r[name]);
      y.push(b[name]);
    }
    return roundInterval(pairedDifference(x, y), digitsOf(REPLICATION_OUTPUTS[name].unit));
  }

  /** Marks outputs as laid out (left out on purpose), so `rest()` does not list them; returns nothing to spread. */
  skip(names: readonly OutputName[]): Record<string, never> {
    for (const name of names) this.read.add(name);
    return {};
  }

  /**
   * Figures of the outputs not read so far, by name, in table order. Outputs not aggregated are
   * left out, and so are bands: a value per day is the report's burn-down, not a summary line.
   */
  rest(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const o of OUTPUTS) {
      if (this.read.has(o.name) || o.aggregate.kind === 'none' || o.aggregate.kind === 'band') continue;
      // A vector along nothing (no wait thresholds, no scheduled deliveries) has no figure to give.
      if (o.per !== 'scalar' && this.layout.labels[o.per].length === 0) continue;
      if (o.aggregate.kind === 'pooled-quantiles') {
        out[o.name] = this.pooled(o.name as Of<'pooled-quantiles', VectorOutput>);
        continue;
      }
      out[o.name] = this.figure(o.name);
    }
    return out;
  }

  private figure(name: OutputName): unknown {
    const o = REPLICATION_OUTPUTS[name];
    const a: Outputs[OutputName]['aggregate'] = o.aggregate;
    const one = (xs: number[]) => {
      if (a.kind === 'mean') return meanFigure(xs, a, digitsOf(o.unit), o.unit === 'share');
      if (a.kind === 'time-to-finish') {
        const t = timeToFinishFigure(xs, a, this.deadlineHours, digitsOf(o.unit));
        return { ...t.completion, onTime: t.onTime };
      }
      if (a.kind === 'share-per-pool') return sharePerPoolFigure(xs, this.layout.pools);
      if (a.kind === 'ratio') return ratioFigure(xs, this.values(a.over as NumericScalar));
      return null;
    };
    if (a.kind === 'turnaround') return this.turnaround(name as Of<'turnaround', VectorOutput>);
    return o.per === 'scalar' ? one(this.values(name as NumericScalar)) : this.perElement(name as VectorOutput, one);
  }

  private perElement<T>(name: VectorOutput, f: (values: number[], i: number) => T): Record<string, T> {
    const labels = this.layout.labels[REPLICATION_OUTPUTS[name].per];
    return Object.fromEntries(labels.map((label, i) => [label, f(this.values(name, i), i)]));
  }
}
