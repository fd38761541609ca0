import type { PoolCapacity } from '../../sim/model/capacity.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { RowLayout } from '../../workers/result-rows.js';
import { censoredQuantile, finiteMean, meanInterval, pairedDifference, quantile, wilson, type Interval } from './statistics.js';

export interface PlanInput {
  name: string;
  description: string;
  layout: RowLayout;
  /** Successful replications, sorted by replication index. */
  results: ReplicationResult[];
  failed: number;
  capacity: PoolCapacity[];
  deadlineHours: number | null;
  /** Work types with their item counts (null = open-ended) and equivalent units per item. */
  types: Array<{ name: string; count: number | null; equivalentUnits: number }>;
}

const round = (x: number | null, digits = 6): number | null => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));
const roundInterval = (i: Interval | null, digits = 6) => (i === null ? null : { mean: round(i.mean, digits), low: round(i.low, digits), high: round(i.high, digits) });
const column = (rs: ReplicationResult[], f: (r: ReplicationResult) => number) => rs.map(f);
const fieldMean = (rs: ReplicationResult[], f: (r: ReplicationResult) => number) => round(finiteMean(column(rs, f)));

/**
 * One plan's figures across its replications. Figures are rounded to 6 decimals (money to the
 * cent where it is a total) so a summary reads cleanly and compares byte for byte.
 */
export function summarizePlan(p: PlanInput, baseline: ReplicationResult[] | null) {
  const rs = p.results;
  const n = rs.length;
  const openEnded = p.types.some((t) => t.count === null);
  const finishedTimes = rs.filter((r) => r.completed).map((r) => r.completionHours);
  const notFinished = n - finishedTimes.length;
  const byName = <T>(names: string[], f: (i: number) => T) => Object.fromEntries(names.map((name, i) => [name, f(i)]));
  const onTime = p.deadlineHours === null ? null : rs.filter((r) => r.completed && r.completionHours <= p.deadlineHours!).length;
  const onTimeInterval = onTime === null ? null : wilson(onTime, n);

  return {
    name: p.name,
    description: p.description,
    replications: n,
    failed: p.failed,
    // Open-ended work (arrivals until the horizon) has no completion to speak of: null, not "never".
    completionHours: openEnded
      ? null
      : {
          mean: notFinished === 0 ? round(finiteMean(finishedTimes)) : null,
          p50: round(censoredQuantile(finishedTimes, n, 0.5)),
          p85: round(censoredQuantile(finishedTimes, n, 0.85)),
          p95: round(censoredQuantile(finishedTimes, n, 0.95)),
          notFinished,
        },
    onTime: onTimeInterval === null ? null : { probability: round(onTimeInterval.mean), low: round(onTimeInterval.low), high: round(onTimeInterval.high), count: onTime },
    acceptedByDeadline: { mean: fieldMean(rs, (r) => r.acceptedByDeadline), p10: round(quantile(column(rs, (r) => r.acceptedByDeadline), 0.1)) },
    accepted: { mean: fieldMean(rs, (r) => r.accepted) },
    accurate: { mean: fieldMean(rs, (r) => r.accurate) },
    unitCost: {
      mean: fieldMean(rs, (r) => r.unitCost),
      p50: round(quantile(column(rs, (r) => r.unitCost), 0.5)),
      p95: round(quantile(column(rs, (r) => r.unitCost), 0.95)),
    },
    cost: {
      mean: round(finiteMean(column(rs, (r) => r.cost)), 2),
      p95: round(quantile(column(rs, (r) => r.cost), 0.95), 2),
      atDeadline: round(finiteMean(column(rs, (r) => r.costAtDeadline)), 2),
      byActivity: byName(p.layout.activities, (i) => round(finiteMean(column(rs, (r) => r.costByActivity[i])), 2)),
      byActivityAtDeadline: byName(p.layout.activities, (i) => round(finiteMean(column(rs, (r) => r.costByActivityAtDeadline[i])), 2)),
    },
    residualErrorRate: fieldMean(rs, (r) => r.residualErrorRate),
    errorsCaughtShare: round(finiteMean(column(rs, (r) => (r.errorsMade > 0 ? r.errorsFound / r.errorsMade : NaN)))),
    reworks: { mean: fieldMean(rs, (r) => r.reworks) },
    work: byName(p.layout.types, (i) => {
      const type = p.types[i];
      const times = rs.filter((r) => Number.isFinite(r.completionByType[i])).map((r) => r.completionByType[i]);
      const cost = finiteMean(column(rs, (r) => r.costByType[i]));
      const onTimeCount = p.deadlineHours === null ? null : times.filter((t) => t <= p.deadlineHours!).length;
      return {
        items: type.count,
        equivalentUnits: type.count === null ? null : round(type.count * type.equivalentUnits),
        completionHours: type.count === null ? null : { p50: round(censoredQuantile(times, n, 0.5)), p85: round(censoredQuantile(times, n, 0.85)), p95: round(censoredQuantile(times, n, 0.95)), notFinished: n - times.length },
        onTime: onTimeCount === null || type.count === null ? null : round(onTimeCount / Math.max(1, n)),
        cost: round(cost, 2),
        costPerEquivalentUnit: type.count === null || cost === null ? null : round(cost / (type.count * type.equivalentUnits)),
      };
    }),
    stages: byName(p.layout.stages, (i) => ({
      waitHours: {
        mean: fieldMean(rs, (r) => r.waitMean[i]),
        ci: roundInterval(meanInterval(column(rs, (r) => r.waitMean[i]))),
        p95: fieldMean(rs, (r) => r.waitP95[i]),
      },
      served: fieldMean(rs, (r) => r.served[i]),
    })),
    pools: byName(p.layout.pools, (i) => ({
      utilization: fieldMean(rs, (r) => r.utilization[i]),
      busyHours: fieldMean(rs, (r) => r.busyHours[i]),
      peakQueue: fieldMean(rs, (r) => r.peakQueue[i]),
      bottleneckShare: n === 0 ? null : round(rs.filter((r) => r.bottleneck === i).length / n),
    })),
    capacity: Object.fromEntries(
      p.capacity.map((c) => [c.pool, { demandHours: round(c.demandHours, 3), availableHours: round(c.availableHours, 3), load: round(c.load) }]),
    ),
    vsBaseline:
      baseline === null
        ? null
        : {
            completionHours: paired(rs, baseline, (r) => r.completionHours, 6),
            unitCost: paired(rs, baseline, (r) => r.unitCost, 6),
            cost: paired(rs, baseline, (r) => r.cost, 2),
          },
  };
}

/** Plan minus baseline, paired over the replication indices both have (common random numbers). */
function paired(plan: ReplicationResult[], base: ReplicationResult[], f: (r: ReplicationResult) => number, digits: number) {
  const byRep = new Map(base.map((r) => [r.replication, r]));
  const x: number[] = [];
  const y: number[] = [];
  for (const r of plan) {
    const b = byRep.get(r.replication);
    if (b === undefined) continue;
    x.push(f(r));
    y.push(f(b));
  }
  return roundInterval(pairedDifference(x, y), digits);
}

export type PlanSummary = ReturnType<typeof summarizePlan>;
