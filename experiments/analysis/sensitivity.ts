import type { ModelConfig } from '../../sim/model/config.js';
import type { Sensitivity, SensitivitySetting } from '../../reports/report-data.js';
import type { ReplicationRunner } from '../../workers/replication-pool.js';
import { evaluate, runReplications } from './evaluate-plan.js';

/** A key parameter of the model and how to move it by a factor (1.2 = 20% up). */
interface Lever {
  parameter: string;
  label: string;
  /** False when the model has nothing this lever could move (no review tier, no absences...). */
  applies(model: ModelConfig): boolean;
  apply(model: ModelConfig, factor: number): void;
  /**
   * What the lever reads in a model, per pool or tier, where moving it by the factor is not
   * exact: a headcount is rounded to whole people (3 x 0.8 is 2, not 2.4) and a share stops at
   * 100%, so the study says which settings it ran. Absent: the move is exactly the factor.
   */
  settings?(model: ModelConfig): Array<[string, number]>;
}

const share = (x: number, f: number) => Math.min(1, x * f);
const headcountOf = (p: ModelConfig['pools'][number]) => p.shifts.reduce((n, s) => n + s.headcount, 0);

export const LEVERS: Lever[] = [
  {
    parameter: 'headcount',
    label: 'Headcount (every pool)',
    applies: (m) => m.pools.some((p) => p.shifts.some((s) => s.headcount > 0)),
    apply: (m, f) => m.pools.forEach((p) => p.shifts.forEach((s) => (s.headcount = s.headcount === 0 ? 0 : Math.max(1, Math.round(s.headcount * f))))),
    settings: (m) => m.pools.map((p) => [p.name, headcountOf(p)]),
  },
  {
    parameter: 'speed',
    label: 'Working speed (every pool)',
    applies: () => true,
    apply: (m, f) => m.pools.forEach((p) => (p.pace /= f)),
  },
  {
    parameter: 'errorRate',
    label: 'Error rate (every pool)',
    applies: (m) => m.pools.some((p) => p.errorRate > 0),
    apply: (m, f) => m.pools.forEach((p) => (p.errorRate = share(p.errorRate, f))),
    settings: (m) => m.pools.map((p) => [p.name, p.errorRate]),
  },
  {
    parameter: 'reviewSample',
    label: 'Review sample rate (every tier)',
    applies: (m) => m.stages.some((s) => s.kind === 'review'),
    apply: (m, f) => m.stages.forEach((s) => s.kind === 'review' && (s.sampleRate = share(s.sampleRate, f))),
    settings: (m) => m.stages.flatMap((s) => (s.kind === 'review' ? [[s.name, s.sampleRate] as [string, number]] : [])),
  },
  {
    parameter: 'absence',
    label: 'Absence rate (every pool)',
    applies: (m) => m.pools.some((p) => p.absenceRate > 0),
    apply: (m, f) => m.pools.forEach((p) => (p.absenceRate = share(p.absenceRate, f))),
    settings: (m) => m.pools.map((p) => [p.name, p.absenceRate]),
  },
  {
    parameter: 'reworkFactor',
    label: 'Rework time factor',
    applies: (m) => m.stages.some((s) => s.kind === 'review' && s.action === 'rework'),
    apply: (m, f) => m.stages.forEach((s) => s.kind === 'annotate' && (s.reworkFactor *= f)),
  },
];

/**
 * One-at-a-time sensitivity of a plan: each key parameter moved down and up by `change`, every
 * variant run on the same replication indices as the plan itself (common random numbers), so
 * the bars of the tornado show the parameter's effect, not sampling noise.
 */
export async function sensitivity(
  runner: ReplicationRunner,
  plan: { name: string; model: ModelConfig },
  seed: number,
  replications: number,
  change: number,
  onStep?: (done: number, total: number) => void,
): Promise<Sensitivity> {
  const levers = LEVERS.filter((l) => l.applies(plan.model));
  const total = 1 + 2 * levers.length;
  let done = 0;
  const run = async (model: ModelConfig) => {
    const e = evaluate(await runReplications(runner, model, seed, replications), model);
    onStep?.(++done, total);
    return { p85: e.p85Hours, unitCost: e.unitCost };
  };
  const base = await run(plan.model);
  const parameters: Sensitivity['parameters'] = [];
  for (const lever of levers) {
    const moved = (factor: number) => {
      const model = structuredClone(plan.model);
      lever.apply(model, factor);
      return model;
    };
    const [lowModel, highModel] = [moved(1 - change), moved(1 + change)];
    const parameter: Sensitivity['parameters'][number] = { parameter: lever.parameter, label: lever.label, low: await run(lowModel), high: await run(highModel) };
    if (lever.settings !== undefined) parameter.settings = settingsOf(lever.settings(lowModel), lever.settings(plan.model), lever.settings(highModel));
    parameters.push(parameter);
  }
  return { plan: plan.name, change, replications, base, parameters };
}

/** Per pool or tier, its setting in the low variant, the plan and the high variant. */
function settingsOf(low: Array<[string, number]>, base: Array<[string, number]>, high: Array<[string, number]>): SensitivitySetting[] {
  return base.map(([name, value], i) => ({ name, low: low[i][1], base: value, high: high[i][1] }));
}
