import type { ModelConfig } from './config.js';

/**
 * Activities that money is spent on. Labour is split by what people did with their paid time,
 * so the costs teams forget (idle paid hours, gold items, rework) show up as lines of their own.
 */
export const LABOUR_ACTIVITIES = ['annotation', 'rework', 'review', 'adjudication', 'escalation', 'gold', 'idle', 'penalties'] as const;
export const OVERHEAD_ACTIVITIES = ['platform', 'management', 'retraining'] as const;

export const Activity = {
  annotation: 0,
  rework: 1,
  review: 2,
  adjudication: 3,
  escalation: 4,
  gold: 5,
  idle: 6,
  penalties: 7,
  platform: 8,
  management: 9,
  retraining: 10,
} as const;

/** Activities of the model being trained (training/), present only in models that train one. */
export const TRAINING_ACTIVITIES = ['engineering', 'synthetic'] as const;

/** The cost of revising guidelines between pilot rounds (pilot-gate.ts), present only in models with a pilot gate. */
export const PILOT_ACTIVITY = 'guidelineRevisions';

/** All activity names of a model: the built-in ones, the training ones if it trains a model, a pilot gate's revisions, then the experiment's fixed costs in file order. */
export function activityNames(config: ModelConfig): string[] {
  // A set, not names.includes: one lookup per fixed cost, not a scan of the list so far.
  const names = new Set<string>([...LABOUR_ACTIVITIES, ...OVERHEAD_ACTIVITIES]);
  if ((config.training ?? null) !== null) for (const a of TRAINING_ACTIVITIES) names.add(a);
  if (config.pilot !== undefined) names.add(PILOT_ACTIVITY);
  for (const f of config.costs.fixed) names.add(f.activity);
  return [...names];
}

/**
 * The (pool, labour activity) lines of a model, as `pool/activity`, in the order the cost ledger
 * lays them out: what a cost change is decomposed over (pool names have no '/').
 */
export function poolActivityNames(config: ModelConfig): string[] {
  return config.pools.flatMap((p) => LABOUR_ACTIVITIES.map((a) => `${p.name}/${a}`));
}

/**
 * The (pool, labour activity, work type) lines of a model with several work types, as
 * `pool/activity@type`, pool-major then activity: the hours and tasks of each line by type, which
 * `labelsim explain` reads to tell a change of work-type mix from a change of pace. Empty for a
 * model of one work type (there is no mix), so its records are as before.
 */
export function poolActivityTypeNames(config: ModelConfig): string[] {
  if (config.work.length < 2) return [];
  return poolActivityNames(config).flatMap((line) => config.work.map((w) => `${line}@${w.name}`));
}
