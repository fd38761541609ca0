import fs from 'node:fs';
import path from 'node:path';
import { RUN_FILES, type RunManifest } from './run-files.js';

/**
 * The manifest of the run published in `dir`, or null when there is none or it cannot be read as
 * one (a folder a study wrote before any run, a file cut short): for the notes that compare a new
 * run or study with what the folder holds, where a broken earlier manifest is nothing to say.
 */
export function publishedManifest(dir: string): RunManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, RUN_FILES.manifest), 'utf8')) as RunManifest | null;
    return m !== null && typeof m === 'object' && Array.isArray(m.plans) && typeof m.replications === 'number' ? m : null;
  } catch {
    return null;
  }
}
