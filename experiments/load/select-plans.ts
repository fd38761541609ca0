import { UsageError } from '../usage-error.js';
import type { Experiment } from './experiment.js';

/** Keeps only the named plans, in the file's order; the first kept is the baseline. */
export function selectPlans(experiment: Experiment, names: string[] | undefined): Experiment {
  if (names === undefined || names.length === 0) return experiment;
  for (const n of names) {
    if (!experiment.plans.some((p) => p.name === n)) throw new UsageError(`--plan: expected one of ${experiment.plans.map((p) => p.name).join(', ')}, got "${n}"`);
  }
  return { ...experiment, plans: experiment.plans.filter((p) => names.includes(p.name)) };
}
