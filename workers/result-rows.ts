import { activityNames } from '../sim/model/activities.js';
import type { ModelConfig } from '../sim/model/config.js';
import type { ReplicationResult } from '../sim/model/replication-result.js';

/**
 * One replication as a fixed-width row of doubles, so a batch travels between threads as one
 * transferable Float64Array and lands on disk as one record. The layout depends only on the
 * model's shape (activities, pools, stages, days), never on the replication.
 */
const SCALARS = [
  'replication',
  'completed',
  'completionHours',
  'acceptedByDeadline',
  'accepted',
  'accurate',
  'residualErrorRate',
  'cost',
  'costAtDeadline',
  'unitCost',
  'reworks',
  'errorsFound',
  'errorsMade',
  'bottleneck',
  'events',
] as const;

const VECTORS = ['costByActivity', 'costByActivityAtDeadline', 'utilization', 'busyHours', 'peakQueue', 'waitMean', 'waitP95', 'served', 'completionByType', 'costByType', 'remainingByDay'] as const;
type VectorName = (typeof VECTORS)[number];

export interface RowLayout {
  width: number;
  activities: string[];
  pools: string[];
  stages: string[];
  types: string[];
  days: number;
  offsets: Record<VectorName, number>;
  lengths: Record<VectorName, number>;
}

export function rowLayout(config: ModelConfig): RowLayout {
  const activities = activityNames(config);
  const pools = config.pools.map((p) => p.name);
  const stages = config.stages.map((s) => s.name);
  const types = config.work.map((w) => w.name);
  const days = Math.ceil(config.horizonHours / 24);
  const lengths: Record<VectorName, number> = {
    costByActivity: activities.length,
    costByActivityAtDeadline: activities.length,
    utilization: pools.length,
    busyHours: pools.length,
    peakQueue: pools.length,
    waitMean: stages.length,
    waitP95: stages.length,
    served: stages.length,
    completionByType: types.length,
    costByType: types.length,
    remainingByDay: days,
  };
  const offsets = {} as Record<VectorName, number>;
  let at = SCALARS.length;
  for (const v of VECTORS) {
    offsets[v] = at;
    at += lengths[v];
  }
  return { width: at, activities, pools, stages, types, days, offsets, lengths };
}

export function encodeRow(r: ReplicationResult, layout: RowLayout, out: Float64Array, at: number): void {
  SCALARS.forEach((name, i) => {
    const v = r[name];
    out[at + i] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  });
  for (const v of VECTORS) out.set(r[v].subarray(0, layout.lengths[v]), at + layout.offsets[v]);
}

export function decodeRow(row: Float64Array, layout: RowLayout): ReplicationResult {
  const r: Record<string, unknown> = {};
  SCALARS.forEach((name, i) => {
    r[name] = name === 'completed' ? row[i] === 1 : row[i];
  });
  for (const v of VECTORS) r[v] = row.slice(layout.offsets[v], layout.offsets[v] + layout.lengths[v]);
  return r as unknown as ReplicationResult;
}

/** Names of every column, for CSV headers: scalars, then `vector.name` per element. */
export function columnNames(layout: RowLayout): string[] {
  const names: string[] = [...SCALARS];
  const label: Record<VectorName, string[]> = {
    costByActivity: layout.activities,
    costByActivityAtDeadline: layout.activities,
    utilization: layout.pools,
    busyHours: layout.pools,
    peakQueue: layout.pools,
    waitMean: layout.stages,
    waitP95: layout.stages,
    served: layout.stages,
    completionByType: layout.types,
    costByType: layout.types,
    remainingByDay: Array.from({ length: layout.days }, (_, d) => String(d + 1)),
  };
  for (const v of VECTORS) for (const l of label[v]) names.push(`${v}.${l}`);
  return names;
}
