import type { RunFacts } from '../aggregate/report-data.js';
import type { RunFinisher } from '../run/complete-run.js';
import { factsFromRunFile, readSensitivity } from './run-facts.js';
import { writeRunFiles } from './write-run-files.js';

/**
 * The finisher `labelsim run` and `labelsim merge` hand to the run: it writes the report and the
 * CSV tables into the staging folder before it is published. Facts come from the run.json just
 * written there (the wall time is known by then); `override` replaces some (a merge sums its
 * shards' wall times).
 */
export function reportFinisher(override: Partial<RunFacts> = {}): RunFinisher {
  return async (staging, summary, records, manifest) => {
    const facts = { ...factsFromRunFile(staging), ...override };
    await writeRunFiles(staging, summary, records, manifest, facts, readSensitivity(staging));
  };
}
