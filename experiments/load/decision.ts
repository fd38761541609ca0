import type { ModelConfig } from '../../sim/model/config.js';
import type { DecisionPolicy } from '../../reports/decision-policy.js';
import { ExperimentError } from './errors.js';
import type { ExperimentDocument } from './schema.js';
import { durationHours, shareValue } from './units.js';

/**
 * The file's `decision` as the report's policy: shares as numbers, durations in hours, and its
 * references checked against the baseline model (a service-level target names a stage that
 * exists and one of the `waitThresholds` the records count at). Null when the file sets none.
 *
 * @throws ExperimentError naming the field
 */
export function decisionPolicy(doc: ExperimentDocument, base: ModelConfig, file: string): DecisionPolicy | null {
  const d = doc.decision;
  if (d === undefined) return null;
  const t = d.targets;
  const targets: DecisionPolicy['targets'] = {};
  if (t.onTime !== undefined) {
    if (base.deadlineHours === null) throw new ExperimentError(file, 'decision.targets.onTime', 'a deadline in the experiment (there is no chance on time without one)', 'no deadline');
    targets.onTime = shareValue(t.onTime) as number;
  }
  if (t.serviceLevel !== undefined) {
    const s = t.serviceLevel;
    const stages = base.stages.map((x) => x.name);
    if (!stages.includes(s.stage)) throw new ExperimentError(file, 'decision.targets.serviceLevel.stage', `one of the stages (${stages.join(', ')})`, JSON.stringify(s.stage));
    const within = durationHours(s.within) as number;
    const thresholds = base.waitThresholdHours ?? [];
    if (!thresholds.some((x) => Math.abs(x - within) <= 1e-9 * Math.max(1, within))) {
      throw new ExperimentError(file, 'decision.targets.serviceLevel.within', `one of waitThresholds (${doc.waitThresholds?.join(', ') ?? 'none set'}): the records count service levels only there`, JSON.stringify(s.within));
    }
    targets.serviceLevel = { stage: s.stage, withinHours: within, atLeast: shareValue(s.atLeast) as number };
  }
  if (t.timeInSystemP85 !== undefined) targets.timeInSystemP85Hours = durationHours(t.timeInSystemP85) as number;
  if (t.residualError !== undefined) targets.residualError = shareValue(t.residualError) as number;
  if (t.budget !== undefined) targets.budget = t.budget;
  return { name: d.name ?? null, basis: d.basis, targets };
}
