import fs from 'node:fs';
import path from 'node:path';
import type { Summary } from '../aggregate/summary.js';
import { completionDaysByPlan, type CompletionDays } from '../aggregate/completion-days.js';
import { writeFileAtomic } from './atomic-file.js';
import { completeRun, type RunFinisher } from './complete-run.js';
import { writing, writingAsync } from './output-error.js';
import { resultName } from './overrides.js';
import { outputFolder, prepareOutputFolder } from './output-folder.js';
import { readRecordLines, recordLogText } from './record-log.js';
import { layoutMismatch, recordSet, skippedLine } from './record-set.js';
import { RUN_FILES, type RunManifest } from './run-files.js';
import { acquireLock } from './run-lock.js';
import { labelsimVersion } from './run-experiment.js';

export class MergeError extends Error {}

export interface MergeOutcome {
  folder: string;
  summary: Summary;
  /** Per plan with a finish line, its percentile completions as the days the ranked replications finished. */
  completionDays: Map<string, CompletionDays>;
  records: number;
  /** Lines of the shards' logs that were skipped (not records of the run), or null. */
  notice: string | null;
}

/**
 * Combines the folders of a sharded run (`--shard i/n` on several machines) into the folder a
 * single-machine run would have written, summary byte for byte. Refuses shards of different
 * experiments, seeds, replication counts or record layouts, a set with a shard missing, and an
 * output folder that holds an interrupted run (whose records a merge would replace). A shard
 * given twice, or a full run beside its shards, counts each replication once.
 */
export async function mergeShards(dirs: string[], outRoot: string, finish?: RunFinisher): Promise<MergeOutcome> {
  if (dirs.length === 0) throw new MergeError('merge: name at least one shard folder');
  const shards = dirs.map((dir) => ({ dir, manifest: readManifest(dir) }));
  const first = shards[0].manifest;
  for (const { dir, manifest } of shards) {
    if (manifest.precision !== undefined) {
      throw new MergeError(`${dir}: a precision-driven run, which never runs as shards (its rounds need every replication); it is complete on its own, with nothing to merge`);
    }
    for (const key of ['experiment', 'configHash', 'seed', 'replications'] as const) {
      if (manifest[key] !== first[key]) throw new MergeError(`${dir}: ${key} ${manifest[key]} differs from ${shards[0].dir} (${first[key]}); these shards are not one run`);
    }
    const mismatch = layoutMismatch(manifest);
    if (mismatch !== null) throw new MergeError(`${path.join(dir, RUN_FILES.manifest)}: cannot merge ${mismatch}`);
  }
  // Every replication belongs to a folder given: a whole run, or every shard i of one count n.
  if (!shards.some((s) => s.manifest.shard === null)) {
    const count = first.shard!.count;
    const other = shards.find((s) => s.manifest.shard!.count !== count);
    if (other !== undefined) throw new MergeError(`${other.dir}: a shard of ${other.manifest.shard!.count}, while ${shards[0].dir} is a shard of ${count}; these shards are not one split`);
    const present = new Set(shards.map((s) => s.manifest.shard!.index));
    for (let i = 0; i < count; i++) if (!present.has(i)) throw new MergeError(`merge: shard ${i}/${count} is missing; give every shard folder of the run`);
  }

  const manifest: RunManifest = { ...first, shard: null };
  delete manifest.resumeCommand;
  const records = recordSet(
    manifest,
    shards.map(({ dir, manifest: m }) => {
      const file = path.join(dir, RUN_FILES.records);
      return { source: file, lines: readRecordLines(file), shard: m.shard };
    }),
  );
  const expected = first.plans.length * first.replications;
  const done = records.plans.reduce((n, p) => n + p.results.length, 0);
  const failed = records.plans.reduce((n, p) => n + p.failures.length, 0);
  if (done + failed < expected) {
    throw new MergeError(`merge: the shards hold ${done} of ${expected} replications; finish every shard (labelsim run ... --shard i/n --resume) before merging`);
  }

  // Shards of an overridden run merge into its own folder, never over the file's own result.
  const folder = outputFolder(outRoot, resultName(first.experiment, first.overrides));
  const release = writing(folder.lock, null, () => {
    prepareOutputFolder(folder);
    return acquireLock(folder.lock);
  });
  try {
    refuseInterruptedRun(folder.staging, first.experiment);
    refuseInterruptedRun(folder.legacyStaging, first.experiment);
    const summary = await writingAsync(folder.staging, null, async () => {
      try {
        fs.rmSync(folder.staging, { recursive: true, force: true });
        fs.mkdirSync(folder.staging, { recursive: true });
        writeFileAtomic(path.join(folder.staging, RUN_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
        writeFileAtomic(path.join(folder.staging, RUN_FILES.records), recordLogText(records.records));
        const facts = { labelsim: labelsimVersion(), finishedAt: new Date().toISOString(), mergedFrom: dirs.map((d) => path.basename(d)) };
        return await completeRun(folder, manifest, records, facts, finish);
      } catch (err) {
        // The shards still hold every record: a half-merged staging folder would only pass for an interrupted run.
        try {
          fs.rmSync(folder.staging, { recursive: true, force: true });
        } catch {
          // a file system refusing writes may refuse this too
        }
        throw err;
      }
    });
    return { folder: folder.final, summary, completionDays: completionDaysByPlan(manifest.plans, records), records: records.records.length, notice: skippedLine(records) };
  } finally {
    release();
  }
}

function readManifest(dir: string): RunManifest {
  const file = path.join(dir, RUN_FILES.manifest);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new MergeError(`${file}: not found or unreadable; expected a folder written by labelsim run --shard i/n`);
  }
  let m: RunManifest;
  try {
    m = JSON.parse(text) as RunManifest;
  } catch {
    throw new MergeError(`${file}: not valid JSON; expected the manifest written by labelsim run --shard i/n`);
  }
  const shardOk = (s: unknown) =>
    s === null || (typeof s === 'object' && Number.isInteger((s as RunManifest['shard'])!.index) && Number.isInteger((s as RunManifest['shard'])!.count) && (s as { index: number }).index >= 0 && (s as { index: number }).index < (s as { count: number }).count);
  const ok =
    m !== null &&
    typeof m === 'object' &&
    typeof m.experiment === 'string' &&
    typeof m.configHash === 'string' &&
    Number.isSafeInteger(m.seed) &&
    Number.isInteger(m.replications) &&
    m.replications > 0 &&
    Array.isArray(m.plans) &&
    m.plans.length > 0 &&
    shardOk(m.shard);
  if (!ok) throw new MergeError(`${file}: expected the manifest written by labelsim run --shard i/n (experiment, configHash, seed, replications, shard, plans)`);
  return m;
}

/** The staging folder of the output holds records of a run that has not finished: a merge must not replace them. */
function refuseInterruptedRun(staging: string, experiment: string): void {
  const recordsFile = path.join(staging, RUN_FILES.records);
  let size = 0;
  try {
    size = fs.statSync(recordsFile).size;
  } catch {
    return;
  }
  if (size === 0) return;
  let resume = `labelsim run <file> --out <this output root> --resume`;
  try {
    const m = JSON.parse(fs.readFileSync(path.join(staging, RUN_FILES.manifest), 'utf8')) as RunManifest;
    if (typeof m.resumeCommand === 'string') resume = m.resumeCommand;
  } catch {
    // no manifest to name the command: the generic form
  }
  const n = readRecordLines(recordsFile).records.length;
  throw new MergeError(
    `${staging}: an interrupted run of "${experiment}" is here (${n.toLocaleString('en-US')} records) and merging would replace it; finish it with: ${resume}, or delete the folder, or merge with another --out`,
  );
}
