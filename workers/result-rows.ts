import { consensusPools } from '../sim/model/agreement-outputs.js';
import { workClassNames } from '../sim/model/class-outcomes.js';
import { activityNames, poolActivityNames, poolActivityTypeNames } from '../sim/model/activities.js';
import type { ModelConfig } from '../sim/model/config.js';
import { REPLICATION_OUTPUTS, SCALAR_OUTPUTS, VECTOR_OUTPUTS, type OutputDimension, type VectorOutput } from '../sim/model/replication-outputs.js';
import type { ReplicationResult } from '../sim/model/replication-result.js';
import { deliverySizes, weeksOf } from '../sim/model/time-in-system.js';
import { goldStageNames } from '../sim/model/quality/gold-outputs.js';
import { histogramLabels, histogramLength } from '../sim/stats/duration-bins.js';
import { durationText } from '../sim/stats/duration-text.js';

/**
 * One replication as a fixed-width row of doubles, so a batch travels between threads as one
 * transferable Float64Array and lands on disk as one record. The layout depends only on the
 * model's shape (activities, pools, stages, days), never on the replication, and its columns
 * are the declared outputs (sim/model/replication-outputs.ts): the scalars, then each vector.
 */
export interface RowLayout {
  width: number;
  activities: string[];
  pools: string[];
  stages: string[];
  types: string[];
  days: number;
  /** Counters of each duration histogram (exact zeros, then the bins of sim/stats/duration-bins.ts). */
  histogram: number;
  /** The wait thresholds of the service levels, in hours, and each scheduled delivery's SLA in hours (null: none). */
  thresholds: number[];
  deliverySla: Array<number | null>;
  /** The names of the elements of each dimension, as columns and summaries label them. */
  labels: Record<Exclude<OutputDimension, 'scalar'>, string[]>;
  offsets: Record<VectorOutput, number>;
  lengths: Record<VectorOutput, number>;
}

export function rowLayout(config: ModelConfig): RowLayout {
  const activities = activityNames(config);
  const pools = config.pools.map((p) => p.name);
  const stages = config.stages.map((s) => s.name);
  const types = config.work.map((w) => w.name);
  const days = Math.ceil(config.horizonHours / 24);
  const day = Array.from({ length: days }, (_, d) => String(d + 1));
  const histogram = histogramLength(config.horizonHours);
  const thresholds = config.waitThresholdHours ?? [];
  const weeks = Array.from({ length: weeksOf(config) }, (_, w) => String(w + 1));
  const bins = histogramLabels(histogram);
  const sizes = deliverySizes(config);
  const deliveries = config.work.flatMap((w, t) => (sizes[t] ?? []).map((_, d) => `${w.name}#${d + 1}`));
  const deliverySla = config.work.flatMap((w, t) => (sizes[t] ?? []).map(() => (w.arrival.kind === 'schedule' ? (w.arrival.slaHours ?? null) : null)));
  // Daily figures of the model being trained exist only in models that train one.
  // Agreement figures exist only in models with classes, one per consensus stage.
  const declaresClasses = config.work.some((w) => w.classes !== undefined);
  const consensusStage = declaresClasses ? config.stages.filter((s) => s.kind === 'annotate' && s.labels > 1).map((s) => s.name) : [];
  const consensusPool = declaresClasses ? consensusPools(config) : [];
  const labels = {
    activity: activities,
    pool: pools,
    stage: stages,
    workType: types,
    day,
    trainingDay: (config.training ?? null) === null ? [] : day,
    stageThreshold: stages.flatMap((s) => thresholds.map((t) => `${s}@${durationText(t)}`)),
    stageWaitBin: stages.flatMap((s) => bins.map((b) => `${s}@${b}`)),
    timeBin: bins,
    week: weeks,
    poolWeek: pools.flatMap((p) => weeks.map((w) => `${p}@${w}`)),
    delivery: deliveries,
    poolActivity: poolActivityNames(config),
    poolActivityType: poolActivityTypeNames(config),
    consensusStage,
    consensusPool,
    workClass: workClassNames(config.work),
    guidelineChange: (config.guidelines?.changes ?? []).map((c) => c.name),
    pilotGate: config.pilot === undefined ? [] : [config.work[config.pilot.type]!.name],
    // Gold-audit figures exist only for stages with an audit.
    goldStage: goldStageNames(config),
  };
  const offsets = {} as Record<VectorOutput, number>;
  const lengths = {} as Record<VectorOutput, number>;
  let at = SCALAR_OUTPUTS.length;
  for (const v of VECTOR_OUTPUTS) {
    offsets[v] = at;
    lengths[v] = labels[REPLICATION_OUTPUTS[v].per].length;
    at += lengths[v];
  }
  return { width: at, activities, pools, stages, types, days, histogram, thresholds, deliverySla, labels, offsets, lengths };
}

/** Whether a scalar is a flag, stored as 1 or 0, by column. */
const FLAG = SCALAR_OUTPUTS.map((name) => REPLICATION_OUTPUTS[name].unit === 'flag');

export function encodeRow(r: ReplicationResult, layout: RowLayout, out: Float64Array, at: number): void {
  for (let i = 0; i < SCALAR_OUTPUTS.length; i++) {
    const v = r[SCALAR_OUTPUTS[i]];
    out[at + i] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  for (const v of VECTOR_OUTPUTS) out.set(r[v].subarray(0, layout.lengths[v]), at + layout.offsets[v]);
}

export function decodeRow(row: Float64Array, layout: RowLayout): ReplicationResult {
  const r: Record<string, unknown> = {};
  for (let i = 0; i < SCALAR_OUTPUTS.length; i++) r[SCALAR_OUTPUTS[i]] = FLAG[i] ? row[i] === 1 : row[i];
  for (const v of VECTOR_OUTPUTS) r[v] = row.slice(layout.offsets[v], layout.offsets[v] + layout.lengths[v]);
  return r as unknown as ReplicationResult;
}

/** Names of every column, for CSV headers and the manifest: scalars, then `vector.element` per element. */
export function columnNames(layout: RowLayout): string[] {
  const names: string[] = [...SCALAR_OUTPUTS];
  for (const v of VECTOR_OUTPUTS) for (const l of layout.labels[REPLICATION_OUTPUTS[v].per]) names.push(`${v}.${l}`);
  return names;
}
