import { publishedManifest } from './published-manifest.js';
import type { RunManifest } from './run-files.js';

/** An earlier run's plans and replications (a cap when it was precision-driven). */
export interface ReplacedRun {
  plans: string[];
  replications: number;
  precisionDriven: boolean;
}

/**
 * What publishing this run throws away that a user may not mean to: the earlier run in the same
 * folder had plans this one lacks, or more replications (a quick `-p base -r 20` look over the
 * night's four-plan run). Null when nothing is lost: no earlier run, or one this run covers.
 * Read before the swap; an unreadable earlier manifest counts as nothing to say.
 */
export function replacedRun(finalDir: string, manifest: RunManifest): ReplacedRun | null {
  const earlier = publishedManifest(finalDir);
  if (earlier === null) return null;
  const now = new Set(manifest.plans.map((p) => p.name));
  const plans = earlier.plans.map((p) => p.name);
  const dropsPlans = plans.some((name) => !now.has(name));
  return dropsPlans || earlier.replications > manifest.replications ? { plans, replications: earlier.replications, precisionDriven: earlier.precision !== undefined } : null;
}
