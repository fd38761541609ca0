import { OUTPUTS, REPLICATION_OUTPUTS, isDaily as daily, type OutputName, type ScalarOutput, type VectorOutput } from '../../../sim/model/replication-outputs.js';
import type { ReplicationResult } from '../../../sim/model/replication-result.js';
import { quantile } from '../../aggregate/statistics.js';
import { round, digitsOf } from '../../aggregate/rounding.js';
import type { PlanRecords, RecordSet } from '../../run/record-set.js';
import type { RunManifest } from '../../run/run-files.js';
import { pooledQuantileFigure } from '../../aggregate/queueing-figures.js';
import { pairedStatistics, statisticsOf, type Statistic } from './plan-statistics.js';
import { ProjectDates } from './project-dates.js';
import { TIDY_TABLES, type Cell, type TidyTable, type TidyTableName } from './tidy-columns.js';
import { isMoney, type TidyUnit } from './units.js';

/*
 * The tidy tables of a run, read from its validated records and the output declarations
 * (sim/model/replication-outputs.ts): no output is named here, so a new output reaches every
 * table, the workbook and the dictionary with its declaration alone. Outputs along days are the
 * time series (plan-days); the others are measures (replication-measures, plan-measures).
 */

const isDaily = (name: OutputName) => daily(REPLICATION_OUTPUTS[name].per);
/**
 * Outputs whose replications' values are not rows of replication-measures: histograms (hundreds
 * of counters a replication, which mean something only pooled) and weekly bands (figures over
 * time, as the days are); plan-measures has their statistics.
 */
export const planOnly = (o: (typeof OUTPUTS)[number]) => o.aggregate.kind === 'pooled-quantiles' || (o.aggregate.kind === 'band' && !daily(o.per));
/** The replication index is the key column of a row, not a measure. */
const MEASURES = OUTPUTS.filter((o) => o.unit !== 'index' && !daily(o.per));
const DAILY = OUTPUTS.filter((o) => isDaily(o.name));

interface Element {
  dimension: string;
  element: string | null;
  /** The figure of one replication. */
  value: (r: ReplicationResult) => number;
}

/** The elements of an output in a plan's layout: one for a scalar, one per activity, pool, stage or work type for a vector. */
function elementsOf(o: (typeof OUTPUTS)[number], plan: PlanRecords): Element[] {
  if (o.per === 'scalar') {
    const name = o.name as ScalarOutput;
    return [{ dimension: 'none', element: null, value: (r) => Number(r[name]) }];
  }
  const name = o.name as VectorOutput;
  return plan.layout.labels[o.per].map((label, i) => ({ dimension: o.per, element: label, value: (r) => r[name][i] }));
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** A histogram output's pooled quantiles and count, per stage (or one for the plan, element empty). */
function pooledElements(name: VectorOutput, plan: PlanRecords): Array<[string | null, Record<string, number | null>]> {
  const a = REPLICATION_OUTPUTS[name].aggregate;
  if (a.kind !== 'pooled-quantiles') return [];
  const rows = plan.results.map((r) => r[name]);
  const length = plan.layout.histogram;
  if (a.of === 'scalar') return [[null, pooledQuantileFigure(rows, 0, length, a)]];
  return plan.layout.stages.map((s, i) => [s, pooledQuantileFigure(rows, i * length, length, a)]);
}

/** A plan statistic's date: a percentile's is the day its ranked replication finished; a mean's, the day of the mean time. */
function dateOf(s: Statistic, dates: ProjectDates): string | null {
  if (s.ranked !== undefined) return dates.finishDateAt(s.ranked);
  return s.instant ? dates.dateAt(s.value) : null;
}

export function tidyTables(manifest: RunManifest, records: RecordSet): Record<TidyTableName, TidyTable> {
  const run = [manifest.experiment, manifest.configHash, manifest.seed];
  const plans = manifest.plans.map((p) => ({ plan: p, own: records.plans.find((r) => r.name === p.name) })).filter((x) => x.own !== undefined) as Array<{
    plan: RunManifest['plans'][number];
    own: PlanRecords;
  }>;
  const replicationRows: Cell[][] = [];
  const planRows: Cell[][] = [];
  const dayRows: Cell[][] = [];
  const failureRows: Cell[][] = [];
  const baseline = plans[0];

  for (const { plan, own } of plans) {
    const model = plan.model;
    const dates = new ProjectDates(model.clock);
    const currency = (unit: TidyUnit) => (isMoney(unit) ? model.currency : null);
    const n = own.results.length;

    for (const r of own.results) {
      for (const o of MEASURES) {
        if (planOnly(o)) continue;
        if (o.unit === 'pool') {
          // A pool as its name, not as an index: the row names the pool, its value counts it once.
          const pool = own.layout.pools[Number(r[o.name as ScalarOutput])] ?? null;
          replicationRows.push([...run, plan.name, r.replication, o.name, 'pool', pool, 1, o.unit, null, null]);
          continue;
        }
        const instant = o.aggregate.kind === 'time-to-finish';
        for (const e of elementsOf(o, own)) {
          const v = finite(e.value(r));
          replicationRows.push([...run, plan.name, r.replication, o.name, e.dimension, e.element, v, o.unit, currency(o.unit), instant ? dates.finishDateAt(v) : null]);
        }
      }
    }

    for (const o of MEASURES) {
      const a = o.aggregate;
      if (a.kind === 'none') continue;
      const push = (e: { dimension: string; element: string | null }, s: Statistic) =>
        planRows.push([...run, plan.name, n, o.name, e.dimension, e.element, s.statistic, s.value, s.unit, currency(s.unit), dateOf(s, dates)]);
      if (a.kind === 'share-per-pool') {
        own.layout.pools.forEach((pool, i) => {
          const share = n === 0 ? null : round(own.results.filter((r) => Number(r[o.name as ScalarOutput]) === i).length / n);
          push({ dimension: 'pool', element: pool }, { statistic: 'share', value: share, unit: 'share', instant: false });
        });
        continue;
      }
      if (a.kind === 'pooled-quantiles') {
        for (const [element, figure] of pooledElements(o.name as VectorOutput, own)) {
          for (const [statistic, value] of Object.entries(figure)) push({ dimension: a.of === 'stage' ? 'stage' : 'none', element }, { statistic, value, unit: statistic === 'count' ? o.unit : 'hours', instant: false });
        }
        continue;
      }
      const over = a.kind === 'ratio' ? own.results.map((r) => Number(r[a.over])) : null;
      const elements = elementsOf(o, own);
      for (const [i, e] of elements.entries()) {
        const sla = a.kind === 'turnaround' ? own.layout.deliverySla[i] : null;
        for (const s of statisticsOf(own.results.map(e.value), o.unit, a, model.deadlineHours, over, sla)) push(e, s);
        if (o.paired === true && plan !== baseline.plan) {
          const byRep = (p: PlanRecords) => new Map(p.results.map((r) => [r.replication, e.value(r)]));
          for (const s of pairedStatistics(byRep(own), byRep(baseline.own), o.unit)) push(e, s);
        }
      }
    }

    for (const o of DAILY) {
      if (o.aggregate.kind !== 'band') continue;
      const name = o.name as VectorOutput;
      const quantiles = Object.entries(o.aggregate.quantiles);
      own.layout.labels[o.per as 'day'].forEach((label, i) => {
        const values = own.results.map((r) => r[name][i]);
        for (const [key, q] of quantiles) dayRows.push([...run, plan.name, n, o.name, Number(label), dates.dateOfDay(Number(label)), key, round(quantile(values, q), digitsOf(o.unit)), o.unit]);
      });
    }

    for (const f of own.failures) failureRows.push([...run, plan.name, f.replication, f.error]);
  }
  return {
    replicationMeasures: { spec: TIDY_TABLES.replicationMeasures, rows: replicationRows },
    planMeasures: { spec: TIDY_TABLES.planMeasures, rows: planRows },
    planDays: { spec: TIDY_TABLES.planDays, rows: dayRows },
    failures: { spec: TIDY_TABLES.failures, rows: failureRows },
  };
}
