import type { PoolCapacity } from '../../sim/model/capacity.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { feasibilityWarnings } from '../../sim/model/feasibility.js';
import { createReplicationRunner, defaultWorkerCount } from '../../workers/replication-pool.js';
import { runBatchWithRetry } from '../../workers/retrying-batch.js';
import { rowLayout } from '../../workers/result-rows.js';
import type { BatchResult } from '../../workers/replication-batch.js';
import type { Summary } from '../aggregate/summary.js';
import { completionDaysByPlan, type CompletionDays } from '../aggregate/completion-days.js';
import { completeRun, type RunFinisher } from './complete-run.js';
import { loadExperiment, type Experiment } from '../load/index.js';
import { selectPlans } from '../load/select-plans.js';
import { writeFileAtomic } from './atomic-file.js';
import { automaticWorkers } from './worker-choice.js';
import { replacedRun, type ReplacedRun } from './replaced-run.js';
import { batchesOf, inShard, type Shard } from './batches.js';
import { diskFault, NO_FAULTS, workerFaultsOf, type FaultPlan } from './faults.js';
import { checkLimits, DEFAULT_MAX_MEMORY_MB, type LimitCheck } from './limits.js';
import { isWriteProblem, outputError, writing, writingAsync } from './output-error.js';
import { outputFolder, prepareOutputFolder, type OutputFolder } from './output-folder.js';
import { readRecordLines, RecordLog, recordLogText, type ReplicationRecord } from './record-log.js';
import { layoutMismatch, recordLayoutOf, recordSet, skippedLine, succeeded, type RecordSet } from './record-set.js';
import { acquireLock } from './run-lock.js';
import { RUN_FILES, type RunManifest } from './run-files.js';
import { resultName } from './overrides.js';
import type { Precision } from '../load/precision.js';
import { plansSoFar } from '../precision/precision-summary.js';
import { precisionProgress, type PrecisionLook } from '../precision/procedure.js';
import { UsageError } from '../usage-error.js';

export interface RunOptions {
  file: string;
  /** `--set path=value` overrides of the file's fields. */
  set?: Array<{ path: string; value: unknown }>;
  /** Only these plans, in this order (the first is the baseline). */
  plans?: string[];
  /** Folder that holds one sub-folder per experiment. */
  outRoot: string;
  seed?: number;
  replications?: number;
  /** `--precision`: replaces the file's precision (null turns it off); undefined keeps the file's. */
  precision?: Precision | null;
  deterministic?: boolean;
  /** Worker threads; 0 runs in this thread; 'auto' chooses by the run's size (worker-choice.ts). */
  workers: number | 'auto';
  batchSize?: number;
  shard?: Shard | null;
  resume?: boolean;
  signal?: AbortSignal;
  onStart?: (info: {
    experiment: Experiment;
    capacity: Array<{ plan: string; pools: PoolCapacity[] }>;
    total: number;
    already: number;
    /** Per plan: what makes it unable to finish whatever the randomness (sim/model/feasibility.ts). */
    warnings: Array<{ plan: string; warnings: string[] }>;
    limits: LimitCheck;
    /** Worker threads the run uses (0: this thread), as given or chosen by its size (worker-choice.ts). */
    workers: number;
    /** The staging folder, and whether the run starts there from nothing (with --resume: nothing was found to resume). */
    staging: string;
    fresh: boolean;
  }) => void;
  onProgress?: (done: number, total: number) => void;
  /** A precision-driven run looked at its replications and goes on: the look, and the count each plan now runs to. */
  onRound?: (look: PrecisionLook, next: Map<string, number>) => void;
  /** Adds files (a report, CSV) to the folder before it is published. */
  finish?: RunFinisher;
  /** Test hook: replications that must throw, as "plan:replication". */
  failOn?: string[];
  /** Test hook: worker and disk faults (LABELSIM_FAULT, see faults.ts). */
  faults?: FaultPlan;
  /** Memory limit per worker thread in MiB: plans estimated above it are refused; workers get it as their heap limit. */
  maxMemoryMb?: number;
  /** The command that continues this run, as the user would type it; kept in the manifest so a refusal elsewhere (merge) can name it. */
  resumeCommand?: string;
  /** Told of lines of the record log that are not records (skipped, with their line numbers). */
  onNotice?: (line: string) => void;
}

export interface RunOutcome {
  folder: string;
  summary: Summary | null;
  /** Per plan with a finish line, its percentile completions as the days the ranked replications finished (absent without a summary). */
  completionDays?: Map<string, CompletionDays>;
  failed: number;
  interrupted: boolean;
  /** Every replication failed: nothing was published, an earlier result is kept. */
  nothingSucceeded?: boolean;
  wallSeconds: number;
  /** The earlier run this one replaced, when it had plans this one lacks or more replications (replaced-run.ts). */
  replaced?: ReplacedRun;
}

export class InterruptedRunExists extends Error {}

/**
 * Runs an experiment: every plan x every replication of this shard, in batches on worker
 * threads, streaming records to disk as batches finish, then the summary. Validation and the
 * memory limits happen before anything touches the disk. A batch whose worker dies is retried
 * (workers/retrying-batch.ts); a write that fails (a full disk) stops the run with an
 * OutputError, the records written so far kept for --resume.
 */
export async function runExperiment(opts: RunOptions): Promise<RunOutcome> {
  const started = performance.now();
  const loaded = selectPlans(loadExperiment(opts.file, { deterministic: opts.deterministic, set: opts.set }), opts.plans);
  const experiment: Experiment = {
    ...loaded,
    seed: opts.seed ?? loaded.seed,
    replications: opts.replications ?? loaded.replications,
    precision: opts.precision === undefined ? loaded.precision : opts.precision,
  };
  const shard = opts.shard ?? null;
  const precision = experiment.precision;
  if (precision !== null && shard !== null) {
    // Each look needs every plan's replications so far, which no shard has: shards would stop at different counts.
    throw new UsageError(
      '--shard: a precision-driven run decides after each round from all its replications, which one shard does not have; run it on one machine, or split a fixed count with --precision none --replications N',
    );
  }
  const overrides = opts.set ?? [];
  const base = resultName(experiment.name, overrides);
  const name = shard === null ? base : `${base}.shard-${shard.index}-of-${shard.count}`;
  const folder = outputFolder(opts.outRoot, name);
  const faults = opts.faults ?? NO_FAULTS;
  const maxMemoryMb = opts.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  // A worker fault of the test hooks needs a worker to fault.
  // Threads beyond the run's replications would only idle (and hold memory): as many as there are, at most.
  const most = experiment.plans.length * countInShard(experiment.replications, shard);
  const workers =
    opts.workers !== 'auto'
      ? Math.min(opts.workers, most)
      : faults.worker.length > 0
        ? defaultWorkerCount()
        : Math.min(automaticWorkers(experiment.plans.map((p) => p.model), countInShard(experiment.replications, shard)), most);
  const limits = checkLimits({
    file: opts.file,
    plans: experiment.plans,
    replications: countInShard(experiment.replications, shard),
    workers,
    limitMb: maxMemoryMb,
  });
  const capacity = limits.capacity;
  const warnings = experiment.plans.map((p, i) => ({ plan: p.name, warnings: feasibilityWarnings(p.model, capacity[i].pools) }));

  // Nothing of this run exists on disk before the lock is held.
  const release = writing(folder.lock, null, () => {
    prepareOutputFolder(folder);
    return acquireLock(folder.lock);
  });
  try {
    const manifest: RunManifest = {
      experiment: experiment.name,
      description: experiment.description,
      configHash: experiment.configHash,
      seed: experiment.seed,
      replications: experiment.replications,
      shard,
      plans: experiment.plans,
      ...(overrides.length === 0 ? {} : { overrides }),
      ...(experiment.decision === null ? {} : { decision: experiment.decision }),
      ...(precision === null ? {} : { precision }),
      ...recordLayoutOf(experiment.plans),
      ...(opts.resumeCommand === undefined ? {} : { resumeCommand: opts.resumeCommand }),
    };
    const recordsFile = path.join(folder.staging, RUN_FILES.records);
    const { done, recorded, fresh, skipped } = writing(folder.staging, null, () => prepareStaging(folder, manifest, opts.resume ?? false));
    if (skipped !== null) opts.onNotice?.(`${skipped}; their replications run again`);
    const firstCount = precision === null ? experiment.replications : Math.min(precision.firstRound, experiment.replications);
    // A precision-driven run's total grows as rounds are added; until then it counts the first round.
    let total = experiment.plans.length * countInShard(firstCount, shard);
    let finished = [...done].filter((key) => Number(key.slice(key.lastIndexOf(':') + 1)) < firstCount).length;
    opts.onStart?.({ experiment, capacity, total, already: finished, warnings, limits, workers, staging: folder.staging, fresh });

    const kept = (n: number) => (n === 0 ? 'no record was written yet' : `the ${n.toLocaleString('en-US')} records written so far are kept`);
    const log = writing(recordsFile, fresh ? null : kept(recorded), () => new RecordLog(recordsFile, { existing: recorded, failAfter: faults.records }));
    const runner = createReplicationRunner(workers, { maxMemoryMb });
    const failOn = new Set(opts.failOn ?? []);
    let interrupted = false;
    let writeFailure: unknown = null;
    // Replications of this session asked for already (a failure of an earlier session is tried again once).
    const attempted = new Set(done);
    const runTo = async (counts: (plan: string) => number) => {
      const todo = experiment.plans.map((plan) => {
        const reps: number[] = [];
        for (let k = 0; k < counts(plan.name); k++) if (inShard(k, shard) && !attempted.has(`${plan.name}:${k}`)) reps.push(k);
        for (const k of reps) attempted.add(`${plan.name}:${k}`);
        return { plan, reps };
      });
      const batches = todo.flatMap(({ plan, reps }) => batchesOf(reps, Math.max(1, workers), opts.batchSize).map((b) => ({ plan, reps: b })));
      let next = 0;
      const inFlight = Math.max(1, workers) * 2;
      const worker = async () => {
        while (next < batches.length && writeFailure === null) {
          if (opts.signal?.aborted) {
            interrupted = true;
            return;
          }
          const { plan, reps } = batches[next++];
          const faultsOfPlan = workerFaultsOf(plan.name, faults);
          const result = await runBatchWithRetry(
            runner,
            { model: plan.model, seed: experiment.seed, replications: reps, failOn: forcedFailures(plan.name, failOn), ...(faultsOfPlan.length > 0 ? { faults: faultsOfPlan } : {}) },
            { maxMemoryMb: workers === 0 ? undefined : maxMemoryMb },
          );
          // Another batch could not be written: stop; this one is run again on resume.
          if (writeFailure !== null) return;
          try {
            log.append(toRecords(plan.name, experiment.seed, result, rowLayout(plan.model).width));
          } catch (err) {
            writeFailure = err;
            return;
          }
          finished += reps.length;
          opts.onProgress?.(finished, total);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
    };
    try {
      if (precision === null) await runTo(() => experiment.replications);
      else {
        // Round after round: the records so far say which plans need more (experiments/precision/procedure.ts).
        for (;;) {
          const set = recordSet(manifest, [{ source: recordsFile, lines: readRecordLines(recordsFile), shard }]);
          const progress = precisionProgress(precision, experiment.replications, plansSoFar(manifest, set), manifest.decision ?? null);
          if (progress.next === null) break;
          const counts = progress.next;
          // A resumed run replays the looks it had made: only the last one is news.
          if (progress.looks.length > 0) opts.onRound?.(progress.looks[progress.looks.length - 1], counts);
          total = [...counts.values()].reduce((a, b) => a + b, 0);
          finished = [...attempted].filter((key) => Number(key.slice(key.lastIndexOf(':') + 1)) < counts.get(key.slice(0, key.lastIndexOf(':')))!).length;
          const before = attempted.size;
          await runTo((plan) => counts.get(plan)!);
          if (interrupted || writeFailure !== null || opts.signal?.aborted) break;
          if (attempted.size === before) throw new Error(`precision-driven run: round to ${[...counts].map(([p, n]) => `${p} ${n}`).join(', ')} added no replication`);
        }
      }
    } finally {
      try {
        log.close();
      } catch (err) {
        // Every append was fsynced; a close that fails on a failing disk loses nothing more.
        writeFailure ??= err;
      }
      await runner.close();
    }
    if (writeFailure !== null) {
      if (isWriteProblem(writeFailure)) throw outputError(writeFailure, recordsFile, kept(log.records));
      throw writeFailure;
    }
    if (interrupted || opts.signal?.aborted) {
      return { folder: folder.staging, summary: null, failed: 0, interrupted: true, wallSeconds: (performance.now() - started) / 1000 };
    }

    const set = recordSet(manifest, [{ source: recordsFile, lines: readRecordLines(recordsFile), shard }]);
    const records = set.records;
    const wallSeconds = (performance.now() - started) / 1000;
    const failed = set.plans.reduce((n, p) => n + p.failures.length, 0);
    if (set.plans.every((p) => p.results.length === 0) && failed > 0) {
      // Nothing to show: publishing would replace an earlier result with an empty one.
      return { folder: folder.staging, summary: null, failed, interrupted: false, nothingSucceeded: true, wallSeconds };
    }
    const replaced = replacedRun(folder.final, manifest);
    const facts = { labelsim: labelsimVersion(), finishedAt: new Date().toISOString(), wallSeconds, workers, file: opts.file, shard };
    const summaryFile = path.join(folder.staging, RUN_FILES.summary);
    const summary = await writingAsync(summaryFile, `all ${records.length.toLocaleString('en-US')} records are kept`, async () => {
      if (faults.summary !== null) throw diskFault(faults.summary, 'open', summaryFile);
      // A log with bad lines or repeats is published clean: the records that count, once each.
      if (set.skipped.length > 0 || set.duplicates > 0) writeFileAtomic(recordsFile, recordLogText(records));
      return completeRun(folder, manifest, set, facts, opts.finish);
    });
    return {
      folder: folder.final,
      summary,
      completionDays: completionDaysByPlan(manifest.plans, set),
      failed: summary.failedReplications.length,
      interrupted: false,
      wallSeconds,
      ...(replaced === null ? {} : { replaced }),
    };
  } finally {
    release();
  }
}

/**
 * Creates or reopens the staging folder; returns the (plan:replication) pairs already recorded,
 * how many records the log holds, whether the folder is new, and a line about skipped bad lines.
 * A staging folder whose log is empty holds nothing to lose (a run killed or refused a write
 * before its first record; the lock says no run is using it) and is started over.
 */
function prepareStaging(
  folder: OutputFolder,
  manifest: RunManifest,
  resume: boolean,
): { done: Set<string>; recorded: number; fresh: boolean; skipped: string | null } {
  const manifestFile = path.join(folder.staging, RUN_FILES.manifest);
  const recordsFile = path.join(folder.staging, RUN_FILES.records);
  if (sizeOf(path.join(folder.legacyStaging, RUN_FILES.records)) > 0) {
    throw new InterruptedRunExists(
      `${folder.legacyStaging}: an interrupted run of "${manifest.experiment}" by an older labelsim is here; this version cannot resume it: finish it with that version, or delete the folder to start over`,
    );
  }
  if (fs.existsSync(folder.staging) && sizeOf(recordsFile) > 0) {
    if (!resume) {
      throw new InterruptedRunExists(
        `${folder.staging}: an interrupted run of "${manifest.experiment}" is here; delete the folder to start over, or continue it with${manifest.resumeCommand === undefined ? ' --resume' : `: ${manifest.resumeCommand}`}`,
      );
    }
    let before: RunManifest;
    try {
      before = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as RunManifest;
      if (before === null || typeof before !== 'object' || !Array.isArray(before.plans)) throw new Error('not a manifest');
    } catch {
      throw new InterruptedRunExists(`${manifestFile}: missing or unreadable, so the records beside it cannot be resumed; delete ${folder.staging} to start over`);
    }
    for (const key of ['configHash', 'seed', 'replications'] as const) {
      if (before[key] !== manifest[key]) {
        throw new InterruptedRunExists(`${manifestFile}: --resume needs the same ${key} as the interrupted run (${before[key]}), got ${manifest[key]}`);
      }
    }
    if (JSON.stringify(before.precision ?? null) !== JSON.stringify(manifest.precision ?? null)) {
      const text = (p: Precision | undefined) => (p === undefined ? 'none' : JSON.stringify(p));
      throw new InterruptedRunExists(`${manifestFile}: --resume needs the same precision as the interrupted run (${text(before.precision)}), got ${text(manifest.precision)}`);
    }
    const plansBefore = before.plans.map((p) => p.name).join(', ');
    const plansNow = manifest.plans.map((p) => p.name).join(', ');
    if (plansBefore !== plansNow) throw new InterruptedRunExists(`${manifestFile}: --resume needs the same plans as the interrupted run (${plansBefore}), got ${plansNow}`);
    const mismatch = layoutMismatch(before);
    if (mismatch !== null) throw new InterruptedRunExists(`${manifestFile}: cannot resume ${mismatch}`);
    const lines = readRecordLines(recordsFile, true);
    const set: RecordSet = recordSet(manifest, [{ source: recordsFile, lines, shard: manifest.shard }]);
    // A failed replication is tried again on resume; only successes count as done.
    return { done: succeeded(set), recorded: lines.records.length, fresh: false, skipped: skippedLine(set) };
  }
  fs.rmSync(folder.staging, { recursive: true, force: true });
  fs.mkdirSync(folder.staging, { recursive: true });
  writeFileAtomic(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return { done: new Set(), recorded: 0, fresh: true, skipped: null };
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function toRecords(plan: string, seed: number, result: BatchResult, width: number): ReplicationRecord[] {
  const out: ReplicationRecord[] = [];
  result.done.forEach((replication, i) => {
    const row = Array.from(result.rows.subarray(i * width, (i + 1) * width), (x) => (Number.isFinite(x) ? x : null));
    out.push({ plan, replication, row });
  });
  for (const f of result.failed) out.push({ plan, replication: f.replication, seed, error: f.message, stack: f.stack });
  return out;
}

function countInShard(replications: number, shard: Shard | null): number {
  let n = 0;
  for (let k = 0; k < replications; k++) if (inShard(k, shard)) n++;
  return n;
}

/** Replications of `plan` named in the failure hook ("plan:replication"). */
export function forcedFailures(plan: string, failOn: Set<string>): number[] {
  return [...failOn].filter((s) => s.startsWith(`${plan}:`)).map((s) => Number(s.slice(plan.length + 1)));
}

/**
 * The version in labelsim's package.json, found by walking up from this module: it is three
 * folders down in the compiled tree (dist/experiments/run/) and one in the bundle (dist/cli.js).
 */
export function labelsimVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'labelsim') return pkg.version;
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}
