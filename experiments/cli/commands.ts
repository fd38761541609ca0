import path from 'node:path';
import { runReplication } from '../../workers/replication-batch.js';
import { defaultWorkerCount } from '../../workers/replication-pool.js';
import { IN_THREAD_ITEMS } from '../run/worker-choice.js';
import { rowLayout } from '../../workers/result-rows.js';
import { isDaily, OUTPUTS } from '../../sim/model/replication-outputs.js';
import { mergeShards } from '../run/merge-shards.js';
import { UsageError } from '../usage-error.js';
import { experimentJsonSchema, leftOutPoolLines, loadExperiment, parsePrecisionOption, type Experiment } from '../load/index.js';
import { parseShard } from '../run/batches.js';
import type { PoolCapacity } from '../../sim/model/capacity.js';
import { forcedFailures, runExperiment } from '../run/run-experiment.js';
import type { ReplacedRun } from '../run/replaced-run.js';
import { testHooks } from '../run/test-hooks.js';
import { checkLimits, maxMemoryMb, memoryLine } from '../run/limits.js';
import { feasibilityWarnings } from '../../sim/model/feasibility.js';
import { capacityLines, money, pct, verdictLines, type PlanCapacity } from './format.js';
import { precisionLines, precisionText, roundLine } from './precision-lines.js';
import { output } from './output.js';
import { checkReport } from './check-report.js';
import { replayLines } from './replay-lines.js';
import { createProgress } from './progress.js';
import { printable } from './error-line.js';
import { replayCommandLine, resumeCommandLine } from './resume-command.js';
import { factsFromRunFile, printReportPdf, readReportData, rebuildReport, reportFinisher, REPORT_FILES } from '../report/index.js';
import { recommendationLine } from '../../reports/sections/verdict.js';
import { movedInexactly, settingsText } from '../../reports/sensitivity-settings.js';
import { saveStudy, studyFolder, writeStudy } from './save-study.js';
import { completionText } from './verdict-durations.js';
import { computeSensitivity, parseSets, type SensitivityArgs } from './analysis-commands.js';
import { outputFolder } from '../run/output-folder.js';
import { writingAsync } from '../run/output-error.js';
import { overrideText, resultName } from '../run/overrides.js';

export interface RunArgs {
  file: string;
  out: string;
  seed?: number;
  replications?: number;
  /** `--precision` as typed (checked): replaces the file's precision; `none` turns it off. */
  precision?: string;
  workers?: number;
  batchSize?: number;
  shard?: string;
  resume: boolean;
  deterministic: boolean;
  json: boolean;
  quiet: boolean;
  /** MiB per worker thread (--max-memory); default LABELSIM_MAX_MEMORY_MB or 2048. */
  maxMemory?: number;
  /** `--set path=value` overrides, and `--plan` names. */
  set?: string[];
  plans?: string[];
  /** Also run the sensitivity study of the baseline plan, moving each parameter by `change`. */
  sensitivity: boolean;
  change: number;
}

/** `labelsim run`: returns the process exit code. */
export async function runCommand(args: RunArgs): Promise<number> {
  const o = output(args.json);
  const err = o.note;
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    err('\nInterrupted: finishing the batches in flight (Ctrl-C again to quit at once)...');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  const progress = createProgress(process.stderr, 'Replications', { quiet: args.quiet });
  const { failOn, faults, notice } = testHooks();
  if (notice !== null) err(notice);
  const limitMb = maxMemoryMb(args.maxMemory);
  try {
    const outcome = await runExperiment({
      file: args.file,
      set: parseSets(args.set),
      plans: args.plans,
      outRoot: args.out,
      seed: args.seed,
      replications: args.replications,
      precision: args.precision === undefined ? undefined : parsePrecisionOption(args.precision),
      deterministic: args.deterministic || undefined,
      workers: args.workers ?? 'auto',
      batchSize: args.batchSize,
      shard: args.shard === undefined ? null : parseShard(args.shard),
      resume: args.resume,
      signal: controller.signal,
      failOn,
      faults,
      maxMemoryMb: limitMb,
      resumeCommand: resumeCommandLine(args),
      // A shard's folder is only half a run: its report is written when the shards are merged.
      finish: args.shard === undefined ? reportFinisher() : undefined,
      onStart: ({ experiment, capacity, total, already, warnings, limits, workers, staging, fresh }) => {
        progress.start(already);
        // Even with --quiet: a --resume that silently started over would cost the user the night.
        if (args.resume && fresh) err(`Nothing to resume: no interrupted run of "${experiment.name}" in ${relative(staging)}; starting a new run.`);
        if (args.quiet) return;
        const count =
          experiment.precision === null
            ? `${experiment.replications} replications`
            : `up to ${experiment.replications} replications, until ${precisionText(experiment.precision, experiment.replications)}`;
        err(`labelsim run ${printable(args.file)}: ${experiment.plans.length} plan(s) x ${count}, seed ${experiment.seed}${overridesNote(args, experiment.name)}`);
        for (const line of capacityLines(withModels(capacity, experiment))) err(line);
        for (const line of leftOutPoolLines(experiment.plans)) err(line);
        for (const line of warningLines(warnings)) err(line);
        err(memoryLine(limits));
        err(threadsLine(workers, args.workers));
        if (already > 0) err(`Resuming: ${already} of ${total} replications already recorded.`);
      },
      onProgress: (done, total) => progress.update(done, total),
      onRound: (look, next) => {
        if (args.quiet) return;
        // A live bar is ended first, so the line is not drawn over; the next round starts a new one.
        progress.stop();
        err(roundLine(look, next));
      },
      onNotice: (line) => err(`labelsim: warning: ${line}`),
    });
    progress.stop();
    if (outcome.interrupted) {
      err(`Stopped. Records so far are kept in ${relative(outcome.folder)}; continue with: ${resumeCommandLine(args)}`);
      return 130;
    }
    if (outcome.nothingSucceeded === true) {
      err(`labelsim: every one of the ${outcome.failed} replication(s) failed, so nothing was published and any earlier result is kept; the failures are recorded in ${relative(outcome.folder)}`);
      return 1;
    }
    const summary = outcome.summary!;
    if (args.sensitivity && args.shard === undefined) {
      const study = await computeSensitivity({ file: args.file, plan: args.plans?.[0], change: args.change, seed: args.seed, workers: args.workers, set: args.set });
      for (const note of await writeStudy(outcome.folder, REPORT_FILES.sensitivity, study)) err(`labelsim: warning: ${note}`);
    }
    if (args.json) o.json(summary);
    if (!args.quiet) {
      for (const line of verdictLines(summary, outcome.completionDays)) o.result(line);
      // The report's headline, under the file's decision policy or the default one, in its words.
      const recommendation = args.shard === undefined ? recommendationOf(outcome.folder) : null;
      if (recommendation !== null) o.result(recommendation);
      for (const line of precisionLines(summary)) o.result(line);
      o.result(`Wrote ${relative(outcome.folder)} in ${outcome.wallSeconds.toFixed(1)} s.`);
      if (args.shard === undefined) o.result(`Report: ${relative(path.join(outcome.folder, REPORT_FILES.html))}`);
    }
    // Even with --quiet: the night's run is gone, and the user should hear it now, not at the next explain.
    if (outcome.replaced !== undefined) err(replacedLine(outcome.folder, outcome.replaced, summary));
    if (outcome.failed > 0) {
      const f = summary.failedReplications[0];
      err(`${outcome.failed} replication(s) failed; e.g. plan "${f.plan}" replication ${f.replication}: ${f.error}`);
      err(`Reproduce one with: ${replayCommandLine(args, f.plan, f.replication)}`);
      return 1;
    }
    return 0;
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

/** `labelsim check`: validates and prints the plans, the capacity check, what keeps a plan from finishing, and the memory a replication needs (refusing above the limit) without running. */
export function checkCommand(file: string, maxMemory?: number, json = false, as: { deterministic?: boolean; set?: string[] } = {}): number {
  const sets = parseSets(as.set);
  const experiment = loadExperiment(file, { deterministic: as.deterministic || undefined, set: sets });
  const limits = checkLimits({ file, plans: experiment.plans, replications: experiment.replications, workers: 1, limitMb: maxMemoryMb(maxMemory) });
  const capacity = limits.capacity;
  const o = output(json);
  const warnings = experiment.plans.map((p, i) => ({ plan: p.name, warnings: feasibilityWarnings(p.model, capacity[i].pools) }));
  if (json) o.json(checkReport(file, experiment, capacity, warnings, limits));
  const asRun = [...(sets.length === 0 ? [] : [`with --set ${sets.map(overrideText).join(', ')}`]), ...(as.deterministic ? ['--deterministic'] : [])].join(', ');
  o.result(`${printable(file)}${asRun === '' ? '' : ` ${printable(asRun)}`}: valid. Experiment "${experiment.name}", ${experiment.plans.length} plan(s): ${experiment.plans.map((p) => p.name).join(', ')}`);
  for (const line of capacityLines(withModels(capacity, experiment))) o.result(line);
  for (const line of leftOutPoolLines(experiment.plans)) o.result(line);
  for (const line of warningLines(warnings)) o.result(line);
  o.result(memoryLine(limits));
  return 0;
}

/** One WARNING line per distinct warning, naming the plans it concerns unless it concerns them all. */
export function warningLines(warnings: Array<{ plan: string; warnings: string[] }>): string[] {
  const plans = new Map<string, string[]>();
  for (const { plan, warnings: ws } of warnings) for (const w of ws) plans.set(w, [...(plans.get(w) ?? []), plan]);
  return [...plans].map(([w, ps]) => `WARNING: ${w}${ps.length === warnings.length ? '' : ` (plan${ps.length > 1 ? 's' : ''} ${ps.map((p) => `"${p}"`).join(', ')})`}`);
}

export function schemaCommand(): number {
  process.stdout.write(JSON.stringify(experimentJsonSchema(), null, 2) + '\n');
  return 0;
}


export interface ReplayArgs {
  file: string;
  plan: string;
  /** An integer from 0, below `replications`. */
  replication: number;
  /** Replications of the run being reproduced (default: the file's). */
  replications?: number;
  seed?: number;
  /** `--set path=value` overrides, as the run was given them. */
  set?: string[];
  deterministic: boolean;
  /** The whole record as JSON instead of the labelled figures. */
  json: boolean;
}

/**
 * `labelsim replay`: one replication of one plan in this thread, as a worker would run it, so a
 * failure recorded overnight can be reproduced with its stack trace (and a debugger attached).
 */
export function replayCommand(args: ReplayArgs): number {
  const experiment = loadExperiment(args.file, { deterministic: args.deterministic || undefined, set: parseSets(args.set) });
  const plan = experiment.plans.find((p) => p.name === args.plan);
  if (plan === undefined) throw new UsageError(`--plan: expected one of ${experiment.plans.map((p) => p.name).join(', ')}, got "${args.plan}"`);
  const replications = args.replications ?? experiment.replications;
  if (args.replication >= replications) {
    const from = args.replications === undefined ? `the file's ${replications} replications` : `--replications ${replications}`;
    throw new UsageError(`--replication: expected an integer from 0 to ${replications - 1} (${from}), got ${args.replication}`);
  }
  const seed = args.seed ?? experiment.seed;
  const hooks = testHooks();
  if (hooks.notice !== null) process.stderr.write(hooks.notice + '\n');
  const failOn = forcedFailures(plan.name, new Set(hooks.failOn));
  const o = output(args.json);
  o.note(`Replaying plan "${plan.name}" replication ${args.replication} with seed ${seed} in one thread...`);
  try {
    const r = runReplication({ model: plan.model, seed, replications: [args.replication], failOn }, args.replication);
    const layout = rowLayout(plan.model);
    if (!args.json) {
      for (const line of replayLines(r, layout, plan.model)) o.result(line);
      return 0;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) out[k] = ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v;
    for (const d of OUTPUTS) {
      // A figure that names a pool reads better as the pool's name.
      if (d.unit === 'pool') out[d.name] = layout.pools[r[d.name] as number];
      // A figure per pool, stage or activity is keyed by their names, as the text output lists it; day by day stays a list.
      else if (d.per !== 'scalar' && !isDaily(d.per)) out[d.name] = keyedByName(out[d.name] as number[], layout.labels[d.per]);
    }
    o.json(out);
    return 0;
  } catch (err) {
    process.stderr.write(`Replication ${args.replication} of plan "${plan.name}" (seed ${seed}) threw:\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

export async function mergeCommand(dirs: string[], out: string): Promise<number> {
  // The merged run's wall time is the machine time its shards took together.
  const wallSeconds = dirs.reduce((sum, dir) => {
    try {
      return sum + factsFromRunFile(dir).wallSeconds;
    } catch {
      return sum; // an unreadable run.json costs the report its wall time, not the merge
    }
  }, 0);
  const { folder, summary, completionDays, records, notice } = await mergeShards(dirs, out, reportFinisher({ wallSeconds }));
  const o = output();
  if (notice !== null) o.note(`labelsim: warning: ${notice}`);
  o.result(`Merged ${dirs.length} shard folder(s), ${records} records, into ${relative(folder)}`);
  o.result(`Report: ${relative(path.join(folder, REPORT_FILES.html))}`);
  for (const line of verdictLines(summary, completionDays)) o.result(line);
  return 0;
}

/** `labelsim report DIR`: rebuilds a run folder's report (and CSV tables) from its saved files, without simulating. */
export async function reportCommand(dir: string, pdf = false): Promise<number> {
  const { written, notice } = await writingAsync(dir, "the run's records and summary are untouched", () => rebuildReport(dir), 'run labelsim report again');
  const o = output();
  if (notice !== null) o.note(`labelsim: warning: ${notice}`);
  o.result(`Rebuilt ${written.map((f) => relative(path.join(dir, f))).join(', ')}`);
  if (pdf) {
    const file = path.join(dir, REPORT_FILES.pdf);
    o.note('labelsim: printing the report to PDF with headless Chromium');
    const { pages } = await printReportPdf(path.join(dir, REPORT_FILES.html), file);
    o.result(`Wrote ${relative(file)} (${pages} page${pages === 1 ? '' : 's'})`);
  }
  return 0;
}

/** `labelsim sensitivity`: the tornado study of one plan, saved beside the experiment's results. */
export async function sensitivityCommand(args: SensitivityArgs & { out: string }): Promise<number> {
  const experiment = loadExperiment(args.file, { set: parseSets(args.set) });
  // A study of an overridden experiment joins that run's folder, never the file's own result.
  const folder = studyFolder(args.out, experiment.name, parseSets(args.set));
  const study = await computeSensitivity(args, experiment);
  const plan = experiment.plans.find((p) => p.name === study.plan)!;
  for (const note of await saveStudy(folder, REPORT_FILES.sensitivity, study, plan, args.file)) output().note(`labelsim: warning: ${note}`);
  const w = (h: number | null) => completionText(h, plan.model.deadlineHours);
  const c = (x: number | null) => money(experiment.plans[0].model.currency, x, 4);
  const out = output().result;
  out(`Sensitivity of plan "${study.plan}" (${study.replications} replications, each parameter -${pct(study.change, 0)} / +${pct(study.change, 0)}):`);
  out(`  ${'base'.padEnd(32)} p85 ${w(study.base.p85)}, unit cost ${c(study.base.unitCost)}`);
  for (const p of study.parameters) {
    out(`  ${p.label.padEnd(32)} p85 ${w(p.low.p85)} .. ${w(p.high.p85)}, unit cost ${c(p.low.unitCost)} .. ${c(p.high.unitCost)}`);
    // Whole people and shares up to 100% move by other than the change: the settings run, said.
    if (p.settings !== undefined && movedInexactly(p.settings, study.change)) out(`  ${''.padEnd(32)} ran ${settingsText(p.parameter, p.settings)}`);
  }
  out(`Wrote ${relative(path.join(folder.final, REPORT_FILES.sensitivity))}`);
  return 0;
}

/**
 * What the first line of a run says about its --set overrides: which, and that the result goes
 * to a folder of its own (overrides.ts), so nobody takes it for the file's own result.
 */
function overridesNote(args: RunArgs, name: string): string {
  const sets = parseSets(args.set);
  if (sets.length === 0) return '';
  const own = relative(outputFolder(args.out, name).final);
  const folder = relative(outputFolder(args.out, resultName(name, sets)).final);
  return `, with --set ${sets.map(overrideText).join(', ')} (writes ${folder}, leaving ${own} as it is)`;
}

/** A path as progress lines show it: relative to here when inside, control characters escaped. */
export function relative(p: string): string {
  const r = path.relative(process.cwd(), p);
  return printable(r === '' ? '.' : r.startsWith('..') ? p : r);
}

/** Each plan's capacity check beside its model, whose deadline and clock the check counts up to. */
function withModels(capacity: Array<{ plan: string; pools: PoolCapacity[] }>, experiment: Experiment): PlanCapacity[] {
  return capacity.map((c, i) => ({ ...c, model: experiment.plans[i].model }));
}

/** The report's recommendation of a published run, as its verdict section words it; null with one plan. */
function recommendationOf(folder: string): string | null {
  const data = readReportData(folder);
  return data === null ? null : recommendationLine(data.plans, data.header, data.decision ?? null);
}

/** `values` as { name: value } when there is a distinct name for each, else as they are. */
function keyedByName(values: number[], names: readonly string[]): number[] | Record<string, number> {
  if (names.length !== values.length || new Set(names).size !== names.length) return values;
  return Object.fromEntries(names.map((name, i) => [name, values[i]]));
}

/** The note that a quick run took the place of a larger one: which plans and replications it had, and how to keep such runs apart. */
function replacedLine(folder: string, earlier: ReplacedRun, summary: { plans: Array<{ name: string }> }): string {
  const now = summary.plans.map((p) => p.name);
  return (
    `labelsim: note: this run replaced the earlier one in ${relative(folder)}, which had plan${earlier.plans.length === 1 ? '' : 's'} ${earlier.plans.join(', ')} (${earlier.precisionDriven ? 'up to ' : ''}${earlier.replications.toLocaleString('en-US')} replications each; this one: ${now.join(', ')}); ` +
    'give a quick look its own --out to keep a full run'
  );
}

/** Where the replications run: worker threads, or this thread (asked for, or chosen for a small run). */
function threadsLine(workers: number, asked: number | undefined): string {
  if (workers > 0) {
    const threads = `Threads: ${workers} worker thread${workers === 1 ? '' : 's'}`;
    const trimmed = asked !== undefined && asked > workers ? ` (of the ${asked} asked for: one per replication of the run at most)` : '';
    const cores = defaultWorkerCount();
    const over = workers > cores ? ` More threads than this machine's ${cores} core${cores === 1 ? '' : 's'} add memory, not speed.` : '';
    return `${threads}${trimmed}.${over}`;
  }
  return asked !== undefined
    ? 'Threads: this one (--workers 0).'
    : `Threads: this one: a run of at most ${IN_THREAD_ITEMS.toLocaleString('en-US')} items in all finishes sooner than worker threads start (--workers N to use them).`;
}
