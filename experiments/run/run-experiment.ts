import fs from 'node:fs';
import path from 'node:path';
import { capacityCheck, type PoolCapacity } from '../../sim/model/capacity.js';
import { createReplicationRunner } from '../../workers/replication-pool.js';
import { rowLayout } from '../../workers/result-rows.js';
import type { BatchResult } from '../../workers/replication-batch.js';
import type { Summary } from '../aggregate/summary.js';
import { completeRun, type RunFinisher } from './complete-run.js';
import { loadExperiment, type Experiment } from '../load/index.js';
import { writeFileAtomic } from './atomic-file.js';
import { batchesOf, inShard, type Shard } from './batches.js';
import { outputFolder, publish, type OutputFolder } from './output-folder.js';
import { isFailure, readRecords, RecordLog, type ReplicationRecord } from './record-log.js';
import { acquireLock } from './run-lock.js';
import { RUN_FILES, type RunManifest } from './run-files.js';

export interface RunOptions {
  file: string;
  /** Folder that holds one sub-folder per experiment. */
  outRoot: string;
  seed?: number;
  replications?: number;
  deterministic?: boolean;
  workers: number;
  batchSize?: number;
  shard?: Shard | null;
  resume?: boolean;
  signal?: AbortSignal;
  onStart?: (info: { experiment: Experiment; capacity: Array<{ plan: string; pools: PoolCapacity[] }>; total: number; already: number }) => void;
  onProgress?: (done: number, total: number) => void;
  /** Adds files (a report, CSV) to the folder before it is published. */
  finish?: RunFinisher;
  /** Test hook: replications that must throw, as "plan:replication". */
  failOn?: string[];
}

export interface RunOutcome {
  folder: string;
  summary: Summary | null;
  failed: number;
  interrupted: boolean;
  wallSeconds: number;
}

export class InterruptedRunExists extends Error {}

/**
 * Runs an experiment: every plan x every replication of this shard, in batches on worker
 * threads, streaming records to disk as batches finish, then the summary. Validation happens
 * before anything touches the disk.
 */
export async function runExperiment(opts: RunOptions): Promise<RunOutcome> {
  const started = performance.now();
  const loaded = loadExperiment(opts.file, { deterministic: opts.deterministic });
  const experiment: Experiment = {
    ...loaded,
    seed: opts.seed ?? loaded.seed,
    replications: opts.replications ?? loaded.replications,
  };
  const shard = opts.shard ?? null;
  const name = shard === null ? experiment.name : `${experiment.name}.shard-${shard.index}-of-${shard.count}`;
  const folder = outputFolder(opts.outRoot, name);
  const capacity = experiment.plans.map((p) => ({ plan: p.name, pools: capacityCheck(p.model) }));

  fs.mkdirSync(folder.root, { recursive: true });
  const release = acquireLock(folder.lock);
  try {
    const manifest: RunManifest = {
      experiment: experiment.name,
      description: experiment.description,
      configHash: experiment.configHash,
      seed: experiment.seed,
      replications: experiment.replications,
      shard,
      plans: experiment.plans,
    };
    const done = prepareStaging(folder, manifest, opts.resume ?? false);
    const todo = experiment.plans.flatMap((plan) => {
      const reps: number[] = [];
      for (let k = 0; k < experiment.replications; k++) if (inShard(k, shard) && !done.has(`${plan.name}:${k}`)) reps.push(k);
      return [{ plan, reps }];
    });
    const total = experiment.plans.length * countInShard(experiment.replications, shard);
    let finished = total - todo.reduce((n, t) => n + t.reps.length, 0);
    opts.onStart?.({ experiment, capacity, total, already: finished });

    const log = new RecordLog(path.join(folder.staging, RUN_FILES.records));
    const runner = createReplicationRunner(opts.workers);
    const failOn = new Set(opts.failOn ?? []);
    let interrupted = false;
    try {
      const batches = todo.flatMap(({ plan, reps }) => batchesOf(reps, Math.max(1, opts.workers), opts.batchSize).map((b) => ({ plan, reps: b })));
      let next = 0;
      const inFlight = Math.max(1, opts.workers) * 2;
      const worker = async () => {
        while (next < batches.length) {
          if (opts.signal?.aborted) {
            interrupted = true;
            return;
          }
          const { plan, reps } = batches[next++];
          const result = await runner.run({ model: plan.model, seed: experiment.seed, replications: reps, failOn: forcedFailures(plan.name, failOn) });
          log.append(toRecords(plan.name, experiment.seed, result, rowLayout(plan.model).width));
          finished += reps.length;
          opts.onProgress?.(finished, total);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
    } finally {
      log.close();
      await runner.close();
    }
    if (interrupted || opts.signal?.aborted) {
      return { folder: folder.staging, summary: null, failed: 0, interrupted: true, wallSeconds: (performance.now() - started) / 1000 };
    }

    const records = readRecords(path.join(folder.staging, RUN_FILES.records));
    const wallSeconds = (performance.now() - started) / 1000;
    const facts = { labelsim: labelsimVersion(), finishedAt: new Date().toISOString(), wallSeconds, workers: opts.workers, file: opts.file, shard };
    const summary = completeRun(folder, manifest, records, facts, opts.finish);
    return { folder: folder.final, summary, failed: records.filter(isFailure).length, interrupted: false, wallSeconds };
  } finally {
    release();
  }
}

/** Creates or reopens the staging folder; returns the (plan:replication) pairs already recorded. */
function prepareStaging(folder: OutputFolder, manifest: RunManifest, resume: boolean): Set<string> {
  const manifestFile = path.join(folder.staging, RUN_FILES.manifest);
  if (fs.existsSync(folder.staging)) {
    if (!resume) {
      throw new InterruptedRunExists(
        `${folder.staging}: an interrupted run of "${manifest.experiment}" is here; continue it with --resume, or delete the folder to start over`,
      );
    }
    const before = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as RunManifest;
    for (const key of ['configHash', 'seed', 'replications'] as const) {
      if (before[key] !== manifest[key]) {
        throw new InterruptedRunExists(`${manifestFile}: --resume needs the same ${key} as the interrupted run (${before[key]}), got ${manifest[key]}`);
      }
    }
    const records = readRecords(path.join(folder.staging, RUN_FILES.records), true);
    // A failed replication is tried again on resume; only successes count as done.
    return new Set(records.filter((r) => !isFailure(r)).map((r) => `${r.plan}:${r.replication}`));
  }
  fs.mkdirSync(folder.staging, { recursive: true });
  writeFileAtomic(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return new Set();
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

export function labelsimVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
