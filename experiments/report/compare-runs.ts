import fs from 'node:fs';
import path from 'node:path';
import { readRecordLines } from '../run/record-log.js';
import { layoutMismatch, recordSet } from '../run/record-set.js';
import { RUN_FILES, type RunManifest } from '../run/run-files.js';
import { overrideText } from '../run/overrides.js';
import { ReportError } from './report-files.js';
import { tidyTables } from './tidy/tidy-tables.js';

/** One input that differs between the two runs: a run field, or a field of a plan's model by its dotted path. */
export interface InputDifference {
  what: string;
  a: string;
  b: string;
}

/** One figure of a plan in both runs (a row of plan-measures), with B minus A. */
export interface FigureComparison {
  plan: string;
  measure: string;
  element: string;
  statistic: string;
  unit: string;
  currency: string;
  a: number | null;
  b: number | null;
  difference: number | null;
}

export interface Comparison {
  a: { dir: string; experiment: string };
  b: { dir: string; experiment: string };
  inputs: InputDifference[];
  /** Plans only one run has: their figures have nothing to compare with. */
  onlyInA: string[];
  onlyInB: string[];
  figures: FigureComparison[];
}

interface Run {
  dir: string;
  manifest: RunManifest;
  figures: Map<string, { plan: string; measure: string; element: string; statistic: string; unit: string; currency: string; value: number | null }>;
}

/** A run folder's manifest and records, checked as `labelsim report` checks them (compare and explain read folders so). */
export function readRunRecords(dir: string): { manifest: RunManifest; records: ReturnType<typeof recordSet> } {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ReportError(`${dir}: expected a run folder (out/<experiment>) written by labelsim run`);
  const manifestFile = path.join(dir, RUN_FILES.manifest);
  const recordsFile = path.join(dir, RUN_FILES.records);
  for (const f of [manifestFile, recordsFile]) if (!fs.existsSync(f)) throw new ReportError(`${f}: missing; expected a run folder with ${RUN_FILES.manifest} and ${RUN_FILES.records}`);
  let manifest: RunManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as RunManifest;
  } catch (err) {
    throw new ReportError(`${manifestFile}: expected valid JSON as written by labelsim run (${err instanceof Error ? err.message.slice(0, 200) : String(err)})`);
  }
  if (manifest === null || typeof manifest !== 'object' || !Array.isArray(manifest.plans) || typeof manifest.experiment !== 'string') {
    throw new ReportError(`${manifestFile}: expected the manifest written by labelsim run (experiment, plans, ...)`);
  }
  const mismatch = layoutMismatch(manifest);
  if (mismatch !== null) throw new ReportError(`${manifestFile}: cannot compare ${mismatch}`);
  const records = recordSet(manifest, [{ source: recordsFile, lines: readRecordLines(recordsFile), shard: manifest.shard }]);
  if (records.records.length === 0) throw new ReportError(`${recordsFile}: holds no replication records`);
  return { manifest, records };
}

/** A run folder as compare reads it: its manifest and its records, and every figure of plan-measures. */
function readRun(dir: string): Run {
  const { manifest, records } = readRunRecords(dir);
  const figures: Run['figures'] = new Map();
  for (const r of tidyTables(manifest, records).planMeasures.rows) {
    const [, , , plan, , measure, , element, statistic, value, unit, currency] = r;
    const f = { plan: String(plan), measure: String(measure), element: String(element ?? ''), statistic: String(statistic), unit: String(unit), currency: String(currency ?? ''), value: value as number | null };
    figures.set(JSON.stringify([f.plan, f.measure, f.element, f.statistic]), f);
  }
  return { dir, manifest, figures };
}

/**
 * Leaves of a JSON value by dotted path ({a: {b: [1]}} -> a.b.0 = 1), values as JSON text. An
 * element of a list of named things (pools, stages, work types) goes by its name, as the file
 * writes it: pools.annotators.absenceRate, not pools.0.absenceRate.
 */
function leaves(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    const named = Array.isArray(value) && value.length > 0 && value.every((v) => typeof (v as { name?: unknown } | null)?.name === 'string') && new Set(value.map((v) => v.name)).size === value.length;
    const entries = Array.isArray(value) ? value.map((v, i) => [named ? String(v.name) : String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) out.set(prefix, JSON.stringify(value));
    for (const [k, v] of entries) leaves(v, prefix === '' ? k : `${prefix}.${k}`, out);
  } else out.set(prefix, JSON.stringify(value ?? null));
  return out;
}

function differences(a: Map<string, string>, b: Map<string, string>, prefix: string): InputDifference[] {
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.filter((k) => a.get(k) !== b.get(k)).map((k) => ({ what: `${prefix}${k}`, a: a.get(k) ?? '(none)', b: b.get(k) ?? '(none)' }));
}

/**
 * Two run folders side by side: what differs in their inputs (run fields, overrides, plans, and
 * each plan's model field by field), and every figure of plan-measures for the plans both have,
 * with B minus A. Figures are read from the records, as the tables are, so old and new folders
 * compare alike.
 */
export function compareRuns(dirA: string, dirB: string): Comparison {
  const a = readRun(dirA);
  const b = readRun(dirB);
  const run = (m: RunManifest) =>
    new Map<string, string>([
      ['experiment', m.experiment],
      ['configHash', m.configHash],
      ['seed', String(m.seed)],
      ['replications', String(m.replications)],
      ['overrides', (m.overrides ?? []).map(overrideText).join(', ') || '(none)'],
      ['plans', m.plans.map((p) => p.name).join(', ')],
    ]);
  const inputs = differences(run(a.manifest), run(b.manifest), '');
  const plansB = new Map(b.manifest.plans.map((p) => [p.name, p]));
  for (const p of a.manifest.plans) {
    const q = plansB.get(p.name);
    if (q !== undefined) inputs.push(...differences(leaves(p.model, '', new Map()), leaves(q.model, '', new Map()), `plan ${p.name}: `));
  }
  const figures: FigureComparison[] = [];
  for (const [key, fa] of a.figures) {
    const fb = b.figures.get(key);
    if (fb === undefined) continue;
    figures.push({ ...fa, a: fa.value, b: fb.value, difference: fa.value === null || fb.value === null ? null : round(fb.value - fa.value) } as FigureComparison);
  }
  const namesA = new Set(a.manifest.plans.map((p) => p.name));
  return {
    a: { dir: dirA, experiment: a.manifest.experiment },
    b: { dir: dirB, experiment: b.manifest.experiment },
    inputs,
    onlyInA: a.manifest.plans.map((p) => p.name).filter((n) => !plansB.has(n)),
    onlyInB: b.manifest.plans.map((p) => p.name).filter((n) => !namesA.has(n)),
    figures,
  };
}

/** A difference of two rounded figures, rid of the binary noise of the subtraction. */
const round = (x: number) => Number(x.toPrecision(12));
