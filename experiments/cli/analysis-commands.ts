import YAML from 'yaml';
import { checkHeadcountQuestion, cheapestPlan, modelForTargets, solveHeadcount } from '../analysis/solve.js';
import { sensitivity } from '../analysis/sensitivity.js';
import { loadExperiment, type Experiment } from '../load/index.js';
import { selectPlans } from '../load/select-plans.js';
import { UsageError } from '../usage-error.js';
import { createReplicationRunner, defaultWorkerCount } from '../../workers/replication-pool.js';
import type { Sensitivity } from '../../reports/report-data.js';
import type { Interval } from '../aggregate/statistics.js';
import type { Evaluation } from '../analysis/evaluate-plan.js';
import { formatDuration, plural } from '../../reports/format.js';
import { checkTargets, policyWords, TARGET_NAMES, type PolicyTargets, type TargetCheck } from '../../reports/decision-policy.js';
import { money, pct } from './format.js';
import { output } from './output.js';
import { completionText } from './verdict-durations.js';

// Every interval shown here is of a share: a t-interval's ends past 0% or 100% are cut there.
const ci = (i: Interval | null) => (i === null ? 'n/a' : `${pct(i.mean)} (95% CI ${pct(Math.max(0, i.low))}-${pct(Math.min(1, i.high))})`);
const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** `--set path=value` pairs, the value read as YAML (so 16 is a number and 5% a share). */
export function parseSets(sets: string[] | undefined): Array<{ path: string; value: unknown }> {
  return (sets ?? []).map((s) => {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set: expected path=value, like pools.annotators.headcount=16, got "${s}"`);
    const path = s.slice(0, eq).trim();
    try {
      return { path, value: YAML.parse(s.slice(eq + 1)) };
    } catch (err) {
      const why = err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : String(err);
      throw new UsageError(`--set ${path}: expected a YAML value after '=', like 16, 5% or [a, b]; ${why}`);
    }
  });
}

/** Options as checked by experiments/cli/options.ts. */
export interface SolveArgs {
  file: string;
  /** What to reach (`--target`, repeatable; experiments/analysis/targets.ts). */
  targets: PolicyTargets;
  pool?: string;
  plan?: string;
  replications?: number;
  seed?: number;
  workers?: number;
  set?: string[];
  json: boolean;
}

/** `labelsim solve`: the smallest headcount of a pool (or the cheapest plan) that meets an on-time target. */
export async function solveCommand(args: SolveArgs): Promise<number> {
  const targets = { ...args.targets };
  const target = targets.onTime ?? null;
  const onTimeOnly = Object.keys(targets).length === 1 && target !== null;
  const experiment = loadExperiment(args.file, { set: parseSets(args.set) });
  const seed = args.seed ?? experiment.seed;
  const replications = args.replications ?? Math.min(experiment.replications, 200);
  const runner = createReplicationRunner(args.workers ?? defaultWorkerCount());
  const o = output(args.json);
  const log = o.note;
  const answerLine = o.result;
  const currency = experiment.plans[0].model.currency;
  // A service level without a stage is of the first stage.
  if (targets.serviceLevel !== undefined && targets.serviceLevel.stage === '') targets.serviceLevel = { ...targets.serviceLevel, stage: experiment.plans[0].model.stages[0].name };
  const words = policyWords({ name: null, basis: 'estimate', targets }, (x) => money(currency, x), formatDuration);
  const wanted = onTimeOnly ? `${pct(target)} on time` : words;
  const onTimeOf = (e: Evaluation) => (e.onTime === null ? '' : `${pct(e.onTime.mean)} on time, `);
  const step = (e: Evaluation, meets: boolean) =>
    `${onTimeOnly ? `${pct(e.onTime?.mean)} on time` : `${onTimeOf(e)}${figureLine(e, targets, currency)}`}${e.shortfall === null ? '' : `; ${e.shortfall}`}` +
    (meets && !onTimeOnly ? (targets.budget === undefined ? ' (meets the targets)' : ' (meets the targets other than the budget)') : '');
  try {
    if (args.pool !== undefined) {
      const plan = selectPlans(experiment, [args.plan ?? experiment.plans[0].name]).plans[0];
      // The pool and a service level's stage are checked before the search is announced.
      checkHeadcountQuestion(plan.model, args.pool, targets, experiment.plans.length === 1 ? args.file : `plan "${plan.name}" of ${args.file}`);
      log(`Searching the headcount of pool "${args.pool}" in plan "${plan.name}" for ${wanted}, ${plural(replications, 'replication')} each (common random numbers)...`);
      const answer = await solveHeadcount(runner, plan.model, args.pool, targets, seed, replications, (h, e, meets) => log(`  ${String(h).padStart(5)} ${h === 1 ? 'person' : 'people'}: ${step(e, meets)}`));
      if (args.json) o.json(answer);
      const onTimeText = answer.at.onTime === null ? '' : `${ci(answer.at.onTime)} on time, `;
      // Work without a finish line (arrivals to the horizon) has no completion to quote.
      const p85Text = answer.at.onTime === null && answer.at.p85Hours === null ? '' : `p85 ${completionText(answer.at.p85Hours, plan.model.deadlineHours)}, `;
      answerLine(`Answer: ${people(answer.headcount)} in pool "${answer.pool}": ${onTimeText}${p85Text}mean cost ${money(currency, answer.at.cost)}.`);
      if (!onTimeOnly) answerLine(`Targets at ${answer.headcount}: ${checksLine(answer.checks, currency)}.`);
      if (answer.below !== null) answerLine(`With ${answer.headcount - 1}: ${onTimeOnly ? `${ci(answer.below.onTime)} on time` : missedLine(answer.below, answer.targets, currency)}.`);
      if (target !== null && answer.at.onTime !== null && answer.at.onTime.low !== null && answer.at.onTime.low < target) {
        answerLine(`Uncertainty: the 95% interval at ${answer.headcount} reaches below ${pct(target)}; run more replications (--replications) to be surer.`);
      }
      const overBudget = answer.checks.find((c) => c.target === 'budget' && !c.met);
      if (overBudget !== undefined) {
        answerLine(`Over budget: the smallest headcount that meets the other targets costs ${money(currency, overBudget.value)}, above the budget of ${money(currency, overBudget.limit)}.`);
        return 1;
      }
      return 0;
    }
    // Every plan's targets are checked before any runs.
    for (const plan of experiment.plans) modelForTargets(plan.model, targets, experiment.plans.length === 1 ? args.file : `plan "${plan.name}" of ${args.file}`);
    log(`Evaluating ${plural(experiment.plans.length, 'plan')} for ${wanted}, ${plural(replications, 'replication')} each...`);
    const answer = await cheapestPlan(runner, experiment.plans, targets, seed, replications, (p, e, meets) => log(`  ${p}: ${step(e, meets)}`));
    if (args.json) o.json(answer);
    if (answer.plan === null) {
      answerLine(onTimeOnly ? `No plan reaches ${pct(target)} on time.` : `No plan meets ${words}.`);
      return 1;
    }
    const best = answer.evaluations.find((e) => e.plan === answer.plan)!;
    const onTimeText = best.evaluation.onTime === null ? '' : `${ci(best.evaluation.onTime)} on time, `;
    answerLine(`Answer: plan "${answer.plan}", the cheapest that meets the target${onTimeOnly ? '' : 's'}: ${onTimeText}mean cost ${money(currency, best.evaluation.cost)}, ${money(currency, best.evaluation.unitCost, 4)} per accurate item.`);
    if (!onTimeOnly) answerLine(`Targets: ${checksLine(best.checks, currency)}.`);
    return 0;
  } finally {
    await runner.close();
  }
}

/** The figures the targets other than on time look at, with their 95% intervals. */
function figureLine(e: Evaluation, targets: PolicyTargets, currency: string): string {
  const f = e.figures;
  const parts: string[] = [];
  if (targets.serviceLevel !== undefined) parts.push(`service level ${ci(f.serviceLevel as Interval | null)} within ${formatDuration(targets.serviceLevel.withinHours)} at ${targets.serviceLevel.stage}`);
  if (targets.timeInSystemP85Hours !== undefined) parts.push(`p85 time in system ${f.timeInSystemP85 === null ? 'n/a' : formatDuration(f.timeInSystemP85.mean)}`);
  if (targets.residualError !== undefined) parts.push(`residual error ${ci(f.residualError as Interval | null)}`);
  if (targets.budget !== undefined) parts.push(`mean cost ${money(currency, f.cost?.mean ?? null)}`);
  return parts.join(', ');
}

/**
 * Why a headcount is not the answer: every target it misses, its figure beside the target (the
 * budget too, though the search does not judge it: the reader asks what one fewer would cost),
 * and its shortfall (shortfall.ts). The figures are the estimates the targets are judged on.
 */
function missedLine(e: Evaluation, targets: PolicyTargets, currency: string): string {
  const asked = (x: number) => `${Number((100 * x).toFixed(2))}%`;
  const words = (c: TargetCheck): string => {
    switch (c.target) {
      case 'onTime':
        return `on time ${pct(c.value)} (target ${asked(c.limit)})`;
      case 'serviceLevel':
        return `service level ${pct(c.value)} within ${formatDuration(targets.serviceLevel!.withinHours)} at ${targets.serviceLevel!.stage} (target ${asked(c.limit)})`;
      case 'timeInSystemP85Hours':
        return `p85 time in system ${c.value === null ? 'n/a' : formatDuration(c.value)} (target ${formatDuration(c.limit)})`;
      case 'residualError':
        return `residual error ${pct(c.value)} (target ${asked(c.limit)})`;
      case 'budget':
        return `mean cost ${money(currency, c.value)} (budget ${money(currency, c.limit)})`;
    }
  };
  const missed = checkTargets({ name: null, basis: 'estimate', targets }, e.figures).filter((c) => !c.met).map(words);
  const parts = [...(missed.length > 0 ? [missed.join(', ')] : []), ...(e.shortfall === null ? [] : [e.shortfall])];
  // Not reached: the headcount below the answer failed the search. Its figures, should it happen.
  return parts.length > 0 ? parts.join('; ') : figureLine(e, targets, currency);
}

/** Each target met or missed, in a line. */
function checksLine(checks: TargetCheck[], currency: string): string {
  const shown = (c: TargetCheck) =>
    c.value === null ? 'n/a' : c.target === 'budget' ? money(currency, c.value) : c.target === 'timeInSystemP85Hours' ? formatDuration(c.value) : pct(c.value);
  return checks.map((c) => `${TARGET_NAMES[c.target]} ${shown(c)} ${c.met ? 'met' : 'missed'}`).join('; ');
}

/** Options as checked by experiments/cli/options.ts. */
export interface SensitivityArgs {
  file: string;
  plan?: string;
  /** In (0, 1): each parameter moves to (1 - change) and (1 + change) times its value. */
  change: number;
  replications?: number;
  seed?: number;
  workers?: number;
  set?: string[];
}

/** Runs the one-at-a-time sensitivity of a plan; the caller decides where the result goes. */
export async function computeSensitivity(args: SensitivityArgs, experiment?: Experiment): Promise<Sensitivity> {
  const e = experiment ?? loadExperiment(args.file, { set: parseSets(args.set) });
  const plan = selectPlans(e, [args.plan ?? e.plans[0].name]).plans[0];
  const replications = args.replications ?? Math.min(e.replications, 200);
  const runner = createReplicationRunner(args.workers ?? defaultWorkerCount());
  try {
    process.stderr.write(`Sensitivity of plan "${plan.name}": each parameter -${pct(args.change)} and +${pct(args.change)}, ${replications} replications each...\n`);
    return await sensitivity(runner, plan, args.seed ?? e.seed, replications, args.change, (done, total) => process.stderr.write(`  ${done}/${total} variants\n`));
  } finally {
    await runner.close();
  }
}
