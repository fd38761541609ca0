import path from 'node:path';
import { buildSummary, type Summary } from '../aggregate/summary.js';
import { writeFileAtomic } from './atomic-file.js';
import { publish, type OutputFolder } from './output-folder.js';
import type { RecordSet } from './record-set.js';
import { RUN_FILES, type RunManifest } from './run-files.js';

/** Extra files written beside the summary before a run folder is published (a report, CSV tables, a workbook zipped asynchronously). */
export type RunFinisher = (staging: string, summary: Summary, records: RecordSet, manifest: RunManifest) => void | Promise<void>;

/**
 * Turns a staging folder full of records into a published run folder: the summary, run facts,
 * whatever the finisher adds, then one swap into place. Shared by `run` and `merge`, so a merged
 * set of shards yields the very bytes a single-machine run would.
 */
export async function completeRun(
  folder: OutputFolder,
  manifest: RunManifest,
  records: RecordSet,
  facts: Record<string, unknown>,
  finish?: RunFinisher,
): Promise<Summary> {
  const summary = buildSummary(manifest, records);
  writeFileAtomic(path.join(folder.staging, RUN_FILES.summary), JSON.stringify(summary, null, 2) + '\n');
  writeFileAtomic(path.join(folder.staging, RUN_FILES.run), JSON.stringify(facts, null, 2) + '\n');
  await finish?.(folder.staging, summary, records, manifest);
  publish(folder);
  return summary;
}
