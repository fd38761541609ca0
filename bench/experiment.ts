/**
 * The realistic workload: plan `base` of experiments/eight-week-video.yaml (10 annotators,
 * 500,000 frames, realistic spread), loaded exactly as `labelsim run` loads it.
 */
import { fileURLToPath } from 'node:url';
import { loadExperiment } from '../experiments/load/index.js';
import { simulateReplication } from '../sim/model/annotation-model.js';
import type { ModelConfig } from '../sim/model/config.js';
import { measure, secondsSince, type MeasureOptions, type TimedRow } from './harness.js';

/** Resolved from dist/bench/ (compiled) to the repository's experiments/ folder. */
export const EXPERIMENT_FILE = fileURLToPath(new URL('../../experiments/eight-week-video.yaml', import.meta.url));
export const PLAN = 'base';
export const WORKLOAD = `eight-week-video/${PLAN}`;

export interface BenchPlan {
  model: ModelConfig;
  seed: number;
}

/** The plan's model and the experiment's seed. */
export function loadBenchPlan(): BenchPlan {
  const experiment = loadExperiment(EXPERIMENT_FILE);
  const plan = experiment.plans.find((p) => p.name === PLAN);
  if (plan === undefined) throw new Error(`${EXPERIMENT_FILE}: no plan "${PLAN}"`);
  return { model: plan.model, seed: experiment.seed };
}

/**
 * The model with its (single) work type's item count and the horizon replaced, so a replication
 * can run a bigger backlog to completion. Returns a patched copy; the input is left alone.
 */
export function withItems(model: ModelConfig, items: number, horizonHours: number): ModelConfig {
  if (model.work.length !== 1) throw new Error(`expected one work type, got ${model.work.length}`);
  const patched = structuredClone(model);
  patched.work[0].count = items;
  patched.horizonHours = horizonHours;
  return patched;
}

/**
 * One replication (replication 0, the experiment's seed) of the base plan in this thread: events
 * handled, wall seconds of `simulateReplication` (model set-up included), events/s.
 */
export function benchOneReplication(options: MeasureOptions = {}): TimedRow {
  const { model, seed } = loadBenchPlan();
  let completionHours = NaN;
  const row = measure(
    `${WORKLOAD}: 1 replication, in-process`,
    () => {
      const start = process.hrtime.bigint();
      const result = simulateReplication(model, seed, 0);
      const seconds = secondsSince(start);
      completionHours = result.completionHours;
      return { events: result.events, seconds };
    },
    options,
  );
  row.replications = 1;
  row.note = `${model.work[0].count?.toLocaleString('en-US')} frames, done at ${completionHours.toFixed(0)} h`;
  return row;
}
