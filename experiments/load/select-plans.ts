import { UsageError } from '../usage-error.js';
import type { Experiment, Plan } from './experiment.js';

/**
 * Keeps only the named plans, in the order named (`--plan B --plan A` compares A against the
 * baseline B): the first named is the baseline. A plan named twice is refused: it would be run
 * twice and compared with itself.
 */
export function selectPlans(experiment: Experiment, names: string[] | undefined): Experiment {
  if (names === undefined || names.length === 0) return experiment;
  const byName = new Map(experiment.plans.map((p) => [p.name, p]));
  const plans: Plan[] = [];
  for (const [i, n] of names.entries()) {
    const plan = byName.get(n);
    if (plan === undefined) throw new UsageError(`--plan: expected one of ${experiment.plans.map((p) => p.name).join(', ')}, got "${n}"`);
    if (names.indexOf(n) !== i) {
      const times = names.filter((m) => m === n).length;
      throw new UsageError(`--plan: expected each plan once, got "${n}" ${times === 2 ? 'twice' : `${times} times`}`);
    }
    plans.push(plan);
  }
  return { ...experiment, plans };
}
