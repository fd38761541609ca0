import type { Experiment } from '../load/index.js';
import type { LimitCheck } from '../run/limits.js';
import { printable } from './error-line.js';

/**
 * What `labelsim check --json` prints: the figures of the human check, as numbers with their
 * units in the names, for a script that gates a run on them (a load above 1, a warning). An
 * invalid file prints nothing here: its one-line error goes to stderr with exit code 2, as always.
 */
export function checkReport(file: string, experiment: Experiment, capacity: LimitCheck['capacity'], warnings: Array<{ plan: string; warnings: string[] }>, limits: LimitCheck) {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    file: printable(file),
    valid: true,
    experiment: experiment.name,
    seed: experiment.seed,
    replications: experiment.replications,
    currency: experiment.plans[0].model.currency,
    deadlineHours: experiment.plans[0].model.deadlineHours,
    plans: experiment.plans.map((plan, i) => ({
      name: plan.name,
      // A plan's patch may set its own deadline; the top-level one is the first plan's.
      deadlineHours: plan.model.deadlineHours,
      // Pools with neither work nor hours are left out, as in the human check.
      capacity: capacity[i].pools
        .filter((p) => p.demandHours !== 0 || p.availableHours !== 0)
        // A load of work with no hours at all is infinite: null, as JSON has no Infinity; above 1 the
        // plan cannot finish in time even with no randomness.
        .map((p) => ({ pool: p.pool, demandHours: p.demandHours, availableHours: p.availableHours, load: finite(p.load), overloaded: p.load > 1 })),
      leftOutPools: plan.leftOutPools,
      warnings: warnings[i].warnings,
      memoryBytesPerReplication: limits.memory[i].bytes,
    })),
    memoryLimitBytes: limits.limitMb * 2 ** 20,
    recordsBytes: limits.recordsBytes,
  };
}
