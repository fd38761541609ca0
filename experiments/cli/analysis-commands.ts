import YAML from 'yaml';
import { cheapestPlan, solveHeadcount } from '../analysis/solve.js';
import { sensitivity } from '../analysis/sensitivity.js';
import { loadExperiment, type Experiment } from '../load/index.js';
import { selectPlans } from '../load/select-plans.js';
import { UsageError } from '../usage-error.js';
import { createReplicationRunner, defaultWorkerCount } from '../../workers/replication-pool.js';
import type { Sensitivity } from '../../reports/report-data.js';
import type { Interval } from '../aggregate/statistics.js';
import { money } from './format.js';
import { output } from './output.js';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${(100 * x).toFixed(1)}%`);
const ci = (i: Interval | null) => (i === null ? 'n/a' : `${pct(i.mean)} (95% CI ${pct(i.low)}-${pct(i.high)})`);
const weeks = (h: number | null) => (h === null ? 'not finished' : `${(h / 168).toFixed(2)} wk`);

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
  /** The probability on time to reach, in (0, 1] (`--target on-time=p`). */
  target: number;
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
  const target = args.target;
  const experiment = loadExperiment(args.file, { set: parseSets(args.set) });
  const seed = args.seed ?? experiment.seed;
  const replications = args.replications ?? Math.min(experiment.replications, 200);
  const runner = createReplicationRunner(args.workers ?? defaultWorkerCount());
  const o = output(args.json);
  const log = o.note;
  const answerLine = o.result;
  const currency = experiment.plans[0].model.currency;
  try {
    if (args.pool !== undefined) {
      const plan = selectPlans(experiment, [args.plan ?? experiment.plans[0].name]).plans[0];
      log(`Searching the headcount of pool "${args.pool}" in plan "${plan.name}" for ${pct(target)} on time, ${replications} replications each (common random numbers)...`);
      const answer = await solveHeadcount(runner, plan.model, args.pool, target, seed, replications, (h, p) => log(`  ${String(h).padStart(5)} people: ${pct(p)} on time`));
      if (args.json) o.json(answer);
      answerLine(`Answer: ${answer.headcount} people in pool "${answer.pool}": ${ci(answer.at.onTime)} on time, p85 ${weeks(answer.at.p85Hours)}, mean cost ${money(currency, answer.at.cost)}.`);
      if (answer.below !== null) answerLine(`With ${answer.headcount - 1}: ${ci(answer.below.onTime)} on time.`);
      if (answer.at.onTime !== null && answer.at.onTime.low !== null && answer.at.onTime.low < target) {
        answerLine(`Uncertainty: the 95% interval at ${answer.headcount} reaches below ${pct(target)}; run more replications (--replications) to be surer.`);
      }
      return 0;
    }
    log(`Evaluating ${experiment.plans.length} plan(s) for ${pct(target)} on time, ${replications} replications each...`);
    const answer = await cheapestPlan(runner, experiment.plans, target, seed, replications, (p, x) => log(`  ${p}: ${pct(x)} on time`));
    if (args.json) o.json(answer);
    if (answer.plan === null) {
      answerLine(`No plan reaches ${pct(target)} on time.`);
      return 1;
    }
    const best = answer.evaluations.find((e) => e.plan === answer.plan)!.evaluation;
    answerLine(`Answer: plan "${answer.plan}", the cheapest that meets the target: ${ci(best.onTime)} on time, mean cost ${money(currency, best.cost)}, ${money(currency, best.unitCost, 4)} per accurate item.`);
    return 0;
  } finally {
    await runner.close();
  }
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
