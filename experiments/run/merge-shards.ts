import fs from 'node:fs';
import path from 'node:path';
import type { Summary } from '../aggregate/summary.js';
import { completeRun, type RunFinisher } from './complete-run.js';
import { inShard } from './batches.js';
import { outputFolder } from './output-folder.js';
import { isFailure, readRecords, type ReplicationRecord } from './record-log.js';
import { RUN_FILES, type RunManifest } from './run-files.js';
import { acquireLock } from './run-lock.js';
import { labelsimVersion } from './run-experiment.js';

export class MergeError extends Error {}

/**
 * Combines the folders of a sharded run (`--shard i/n` on several machines) into the folder a
 * single-machine run would have written, summary byte for byte. Refuses shards of different
 * experiments, seeds or replication counts, and a set with a shard missing.
 */
export function mergeShards(dirs: string[], outRoot: string, finish?: RunFinisher): { folder: string; summary: Summary; records: number } {
  if (dirs.length === 0) throw new MergeError('merge: name at least one shard folder');
  const shards = dirs.map((dir) => {
    const manifestFile = path.join(dir, RUN_FILES.manifest);
    if (!fs.existsSync(manifestFile)) throw new MergeError(`${manifestFile}: not found; expected a folder written by labelsim run --shard i/n`);
    return { dir, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as RunManifest };
  });
  const first = shards[0].manifest;
  for (const { dir, manifest } of shards) {
    for (const key of ['experiment', 'configHash', 'seed', 'replications'] as const) {
      if (manifest[key] !== first[key]) throw new MergeError(`${dir}: ${key} ${manifest[key]} differs from ${shards[0].dir} (${first[key]}); these shards are not one run`);
    }
  }
  const count = first.shard?.count ?? 1;
  const present = new Set(shards.map((s) => s.manifest.shard?.index ?? 0));
  for (let i = 0; i < count; i++) if (!present.has(i)) throw new MergeError(`merge: shard ${i}/${count} is missing; give every shard folder of the run`);

  const records: ReplicationRecord[] = [];
  for (const { dir, manifest } of shards) {
    for (const r of readRecords(path.join(dir, RUN_FILES.records))) if (inShard(r.replication, manifest.shard)) records.push(r);
  }
  const done = new Set(records.filter((r) => !isFailure(r)).map((r) => `${r.plan}:${r.replication}`));
  const expected = first.plans.length * first.replications;
  // A replication counts once: done, or failed (on every run of it).
  const failed = new Set(records.filter((r) => isFailure(r) && !done.has(`${r.plan}:${r.replication}`)).map((r) => `${r.plan}:${r.replication}`));
  if (done.size + failed.size < expected) {
    throw new MergeError(`merge: the shards hold ${done.size} of ${expected} replications; finish every shard (labelsim run ... --shard i/n --resume) before merging`);
  }

  const manifest: RunManifest = { ...first, shard: null };
  const folder = outputFolder(outRoot, first.experiment);
  fs.mkdirSync(folder.root, { recursive: true });
  const release = acquireLock(folder.lock);
  try {
    fs.rmSync(folder.staging, { recursive: true, force: true });
    fs.mkdirSync(folder.staging, { recursive: true });
    fs.writeFileSync(path.join(folder.staging, RUN_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
    fs.writeFileSync(path.join(folder.staging, RUN_FILES.records), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const facts = { labelsim: labelsimVersion(), finishedAt: new Date().toISOString(), mergedFrom: dirs.map((d) => path.basename(d)) };
    const summary = completeRun(folder, manifest, records, facts, finish);
    return { folder: folder.final, summary, records: records.length };
  } finally {
    release();
  }
}
