import fs from 'node:fs';
import path from 'node:path';
import type { Plan } from '../load/index.js';
import { rebuildReport, REPORT_FILES } from '../report/index.js';
import { writeFileAtomic } from '../run/atomic-file.js';
import { writing, writingAsync } from '../run/output-error.js';
import { makeFolder, outputFolder, prepareOutputFolder, type OutputFolder } from '../run/output-folder.js';
import { resultName, type Override } from '../run/overrides.js';
import { publishedManifest } from '../run/published-manifest.js';
import { acquireLock } from '../run/run-lock.js';
import { relative } from './commands.js';

/**
 * The run folder a study (sensitivity, marginal, portfolio) of an experiment joins: the file's own
 * result, or the run of the same overrides. Made here, before the study's simulations, so that a
 * folder that cannot be written is said in one line (exit code 4) before minutes of work, not after.
 */
export function studyFolder(out: string, experimentName: string, sets: Override[]): OutputFolder {
  const folder = outputFolder(out, resultName(experimentName, sets));
  writing(folder.internal, null, () => prepareOutputFolder(folder));
  return folder;
}

/**
 * Saves a study as `file` in the run folder and redraws the run's report to include it. Returns
 * what the user should know of the run it joins: none yet (no report shows the study), or a run
 * of another version of the study's plan (the report would show the two side by side as one).
 *
 * @param source - the experiment file, for the command that brings run and study together
 */
export async function saveStudy(folder: OutputFolder, file: string, study: unknown, plan: Plan, source: string): Promise<string[]> {
  const release = writing(folder.lock, null, () => acquireLock(folder.lock));
  let notes: string[];
  try {
    notes = runNotes(folder.final, plan, source, file);
    notes.push(...(await writeStudy(folder.final, file, study)));
  } finally {
    release();
  }
  return notes;
}

/** Writes a study into a run folder and, when the folder holds a run, redraws its report to include it; returns the rebuild's notice, if any. */
export async function writeStudy(dir: string, file: string, study: unknown): Promise<string[]> {
  const target = path.join(dir, file);
  writing(target, null, () => {
    makeFolder(dir);
    writeFileAtomic(target, JSON.stringify(study, null, 2) + '\n');
  });
  if (!fs.existsSync(path.join(dir, REPORT_FILES.data))) return [];
  const { notice } = await writingAsync(dir, `${relative(target)} is saved`, () => rebuildReport(dir), 'run labelsim report');
  return notice === null ? [] : [notice];
}

function runNotes(dir: string, plan: Plan, source: string, file: string): string[] {
  const again = `run \`labelsim run ${source}\` and then this command again`;
  const manifest = publishedManifest(dir);
  if (!fs.existsSync(path.join(dir, REPORT_FILES.data)) || manifest === null) {
    return [`no run of this experiment in ${relative(dir)} yet, so no report shows ${file}: ${again} (a run replaces its folder, studies included)`];
  }
  const ran = manifest.plans.find((p) => p.name === plan.name);
  if (ran === undefined) return [`the run in ${relative(dir)} has no plan "${plan.name}": its report shows this study beside other plans' figures; ${again}`];
  // Compared as saved: the manifest holds the run's plans as JSON, Infinity and all as JSON writes them.
  if (JSON.stringify(ran.model) !== JSON.stringify(plan.model)) {
    return [`the run in ${relative(dir)} was made from another version of plan "${plan.name}" than the file's now: its report shows this study beside that run's figures; ${again}`];
  }
  return [];
}
