import type { PayModel } from '../../sim/model/config.js';
import { readRunRecords } from '../report/compare-runs.js';
import { ReportError } from '../report/report-files.js';
import { costRecord, explain, ExplainError, type Explanation } from './explain.js';

/** What is being explained: a plan of a run folder. */
export interface ExplainSide {
  dir: string;
  experiment: string;
  plan: string;
}

export interface RunExplanation extends Explanation {
  currency: string;
  /** What makes the pairing weaker than common random numbers (other seeds, one side deterministic); empty when none. */
  warnings: string[];
  sideA: ExplainSide;
  sideB: ExplainSide;
}

const BY_PIECE: ReadonlySet<PayModel['kind']> = new Set(['per-item', 'per-accepted']);

/**
 * Explains plan `planB` of folder `dirB` against plan `planA` of folder `dirA` (two quarters'
 * runs, or two plans of one run). Without plan names: the first plan of each folder, or, when
 * both are the same folder, its first two plans. Replications are paired by index; those that
 * failed in either are left out (and counted).
 */
export function explainRuns(dirA: string, dirB: string, planA?: string, planB?: string): RunExplanation {
  const a = readRunRecords(dirA);
  const b = dirB === dirA ? a : readRunRecords(dirB);
  const names = (m: typeof a.manifest) => m.plans.map((p) => p.name);
  const same = a === b;
  const nameA = planA ?? names(a.manifest)[0];
  const nameB = planB ?? (same ? names(a.manifest)[1] : names(b.manifest)[0]);
  if (nameB === undefined) throw new ReportError(`${dirA}: holds one plan only; give a second folder, or --plan-b`);
  const find = (run: typeof a, dir: string, name: string, option: string) => {
    const plan = run.manifest.plans.find((p) => p.name === name);
    const records = run.records.plans.find((p) => p.name === name);
    if (plan === undefined || records === undefined) throw new ReportError(`${option}: ${dir} has no plan "${name}" (it has ${names(run.manifest).join(', ')})`);
    return { plan, records };
  };
  const A = find(a, dirA, nameA, '--plan-a');
  const B = find(b, dirB, nameB, '--plan-b');
  if (A.plan.model.currency !== B.plan.model.currency) {
    throw new ReportError(`A is in ${A.plan.model.currency}, B in ${B.plan.model.currency}: explain compares costs in one currency`);
  }
  const pieces = (m: typeof A.plan.model) => new Set(m.pools.filter((p) => BY_PIECE.has(p.pay.kind)).map((p) => p.name));
  const byIndex = new Map(B.records.results.map((r) => [r.replication, r]));
  const paired = A.records.results.filter((r) => byIndex.has(r.replication));
  if (paired.length === 0) throw new ReportError(`${dirA} plan "${nameA}" and ${dirB} plan "${nameB}" have no successful replication of the same index to pair`);
  const ra = paired.map((r) => costRecord(r, A.records.layout, pieces(A.plan.model)));
  const rb = paired.map((r) => costRecord(byIndex.get(r.replication)!, B.records.layout, pieces(B.plan.model)));
  try {
    return {
      ...explain(ra, rb),
      currency: A.plan.model.currency,
      warnings: pairingWarnings(a.manifest.seed, b.manifest.seed, A.plan.model.deterministic, B.plan.model.deterministic),
      sideA: { dir: dirA, experiment: a.manifest.experiment, plan: nameA },
      sideB: { dir: dirB, experiment: b.manifest.experiment, plan: nameB },
    };
  } catch (err) {
    if (err instanceof ExplainError) throw new ReportError(`${dirA} / ${dirB}: ${err.message}`);
    throw err;
  }
}

/**
 * Replications paired by index share their random numbers only when both runs drew them from one
 * seed, both at random: else each part of the change carries the luck of the two runs as well.
 */
function pairingWarnings(seedA: number, seedB: number, deterministicA: boolean, deterministicB: boolean): string[] {
  if (deterministicA !== deterministicB) {
    return [`A is ${deterministicA ? 'a deterministic run' : 'a random run'} and B ${deterministicB ? 'a deterministic one' : 'a random one'}: each part mixes the randomness of one side with the change`];
  }
  if (!deterministicA && seedA !== seedB) {
    return [`A and B ran with other seeds (${seedA} and ${seedB}): replications paired by index share no random numbers, so each part carries the luck of both runs besides the change`];
  }
  return [];
}
