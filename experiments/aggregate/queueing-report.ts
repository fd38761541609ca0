import { quantileSorted } from 'simple-statistics';
import type { Interval, QueueingData } from '../../reports/report-data.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { RowLayout } from '../../workers/result-rows.js';
import { POOLED_QUANTILE_BOUND } from './queueing-figures.js';
import { round } from './rounding.js';
import { quantile } from './statistics.js';
import type { PlanSummary } from './plan-summary.js';

type Ci = { mean: number | null; ci?: { mean: number | null; low: number | null; high: number | null } | null } | undefined;
const interval = (f: Ci): Interval | null => (f === undefined || f.ci === undefined || f.ci === null ? null : { mean: f.mean, low: f.ci.low, high: f.ci.high });

/** p10/p50/p90 across replications of elements [from, from + count) of a vector output. */
function bandOf(rs: ReplicationResult[], name: 'acceptedByWeek' | 'queueByWeek', from: number, count: number) {
  const out = { p10: [] as number[], p50: [] as number[], p90: [] as number[] };
  for (let i = 0; i < count; i++) {
    const xs = rs.map((r) => r[name][from + i]).sort((a, b) => a - b);
    out.p10.push(xs.length === 0 ? 0 : quantileSorted(xs, 0.1));
    out.p50.push(xs.length === 0 ? 0 : quantileSorted(xs, 0.5));
    out.p90.push(xs.length === 0 ? 0 : quantileSorted(xs, 0.9));
  }
  return out;
}

/**
 * The report's queueing data for one plan: the summary's figures laid out for the charts, and
 * the bands over weeks read from the records, up to the week after the last replication's end.
 */
export function queueingData(s: PlanSummary, rs: ReplicationResult[], layout: RowLayout, deadlineHours: number | null, horizonHours: number): QueueingData {
  const weeks = layout.labels.week.length;
  let lastEnd = 0;
  for (const r of rs) lastEnd = Math.max(lastEnd, r.completed ? r.completionHours : horizonHours);
  const through = Math.min(weeks, Math.ceil(lastEnd / 168) + 1);
  const deliveries = (s as { deliveryTurnaround?: Record<string, { p50: number | null; p90: number | null; notFinished: number | null; withinSla: number | null }> }).deliveryTurnaround ?? {};
  const byDeadline = deadlineHours === null ? null : rs.map((r) => r.acceptedByDeadline).filter(Number.isFinite).sort((a, b) => a - b);
  return {
    pooledError: POOLED_QUANTILE_BOUND,
    stages: Object.entries(s.stages).map(([name, st]) => ({
      name,
      waitProbability: interval(st.waitProbability),
      serviceLevels: layout.thresholds.map((t, j) => ({ withinHours: t, level: interval(Object.values(st.serviceLevel)[j]) })),
      pooledWait: { p50: st.pooledWaitHours.p50 ?? null, p90: st.pooledWaitHours.p90 ?? null, p95: st.pooledWaitHours.p95 ?? null, p99: st.pooledWaitHours.p99 ?? null },
      tasks: Number(st.pooledWaitHours.count ?? 0),
    })),
    pools: Object.entries(s.pools).map(([name, p]) => ({
      name,
      utilization: p.utilizationInterval === null ? null : { mean: p.utilization, low: p.utilizationInterval.low, high: p.utilizationInterval.high },
      queueMean: interval(p.queueMean),
      inSystemMean: interval(p.inSystemMean),
    })),
    timeInSystem: s.timeInSystemHours === null ? null : { p50: s.timeInSystemHours.p50 ?? null, p85: s.timeInSystemHours.p85 ?? null, p95: s.timeInSystemHours.p95 ?? null },
    weekly: {
      hours: Array.from({ length: through }, (_, w) => 168 * (w + 1)),
      accepted: bandOf(rs, 'acceptedByWeek', 0, through),
      queues: layout.pools.map((pool, p) => ({ pool, ...bandOf(rs, 'queueByWeek', p * weeks, through) })),
    },
    byDeadline:
      byDeadline === null
        ? null
        : { values: byDeadline, p10: round(quantile(byDeadline, 0.1)), p50: round(quantile(byDeadline, 0.5)), p90: round(quantile(byDeadline, 0.9)) },
    deliveries: layout.labels.delivery.map((name, i) => {
      const d = deliveries[name];
      return { name, slaHours: layout.deliverySla[i], p50: d?.p50 ?? null, p90: d?.p90 ?? null, notFinished: d?.notFinished ?? 0, withinSla: d?.withinSla ?? null };
    }),
  };
}
