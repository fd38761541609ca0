import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import type { CalibrationSummary } from '../../reports/calibrate/calibration-summary.js';
import type { ParameterDraw } from './bootstrap.js';
import type { HandlingFit } from './fit/handling-fit.js';
import type { LearningFit } from './learning.js';
import type { Shift } from './schedule.js';
import { printable } from '../terminal-text.js';

/** The first comment line of every fragment: the loader tells a fragment given to run or check by it. */
export const FRAGMENT_HEADER = 'labelsim calibration fragment.';

/**
 * The YAML fragment: the pools, stages (and, by item type, work types' complexities) that the
 * data measured, in experiment-file terms, plus `uncertainty` with the bootstrap draws. An
 * experiment includes it with `calibration: <file>` (experiments/load/calibration.ts); its own
 * fields win over the fragment's, so it adds what the data cannot say: each pool's shifts and pay
 * (unless --shifts gave them), the work's counts and workflow.
 */
export interface FragmentInput {
  summary: CalibrationSummary;
  stageFit: HandlingFit;
  learning: LearningFit | null;
  pools: Array<{ name: string; headcount: number; errorRate: number | null; pace: number | null }>;
  reviewers: Map<string, number>;
  complexity: Map<string, number>;
  shifts: Shift[] | null;
  timeZone: string;
  draws: ParameterDraw[] | null;
}

export function buildFragment(f: FragmentInput): string {
  const s = f.summary;
  const poolNames = f.pools.map((p) => safeName(p.name));
  const pools: Record<string, Record<string, unknown>> = {};
  f.pools.forEach((p, i) => {
    const pool: Record<string, unknown> = { headcount: p.headcount };
    if (p.errorRate !== null) pool.errorRate = round(p.errorRate, 4);
    if (s.speedCv !== null) pool.speedCv = round(s.speedCv, 3);
    if (p.pace !== null) pool.pace = round(p.pace, 3);
    if (f.learning !== null) pool.learning = { initialFactor: round(f.learning.initialFactor, 3), halfLife: f.learning.halfLife };
    if (s.throughput.shrinkage !== null) pool.shrinkage = round(Math.min(0.95, s.throughput.shrinkage), 4);
    if (f.shifts !== null) {
      pool.timeZone = f.timeZone;
      pool.shifts = f.shifts.map((sh) => ({ days: sh.days, start: sh.start, end: sh.end }));
    }
    pools[poolNames[i]] = pool;
  });
  const annotate: Record<string, unknown> = { kind: 'annotate', pool: poolNames.length === 1 ? poolNames[0] : poolNames, handling: handlingOf(f.stageFit) };
  if (s.review.reworkFactor !== null) annotate.reworkFactor = round(s.review.reworkFactor, 3);
  const stages: Record<string, Record<string, unknown>> = { annotate };
  const tierNames: string[] = [];
  for (const tier of s.review.tiers) {
    const name = safeName(tier.name === 'annotate' ? 'review' : tier.name);
    const pool = s.review.tiers.length === 1 ? 'reviewers' : safeName(`reviewers-${tier.name}`);
    pools[pool] = { headcount: f.reviewers.get(tier.name) ?? 1 };
    const stage: Record<string, unknown> = { kind: 'review', pool, sample: round(Math.min(1, tier.sample), 4) };
    if (tier.handling !== null) stage.handling = handlingOfSummary(tier.handling);
    stages[name] = stage;
    tierNames.push(name);
  }
  const doc: Record<string, unknown> = { pools, stages };
  if (f.complexity.size > 1) {
    const work: Record<string, unknown> = {};
    for (const [type, c] of f.complexity) work[safeName(type)] = { complexity: round(c, 3), workflow: ['annotate', ...tierNames] };
    doc.work = work;
  }
  if (f.draws !== null && f.draws.length > 0) {
    const singlePool = poolNames.length === 1 ? poolNames[0] : null;
    const entry = (d: { handling: ParameterDraw['handling']; errorRate: number | null; reworkFactor: number | null }) => {
      const out: Record<string, unknown> = { 'stages.annotate.handling': drawHandling(d.handling) };
      if (singlePool !== null && d.errorRate !== null && f.pools[0].errorRate !== null) out[`pools.${singlePool}.errorRate`] = round(d.errorRate, 4);
      if (d.reworkFactor !== null && s.review.reworkFactor !== null) out['stages.annotate.reworkFactor'] = round(d.reworkFactor, 3);
      return out;
    };
    const fitted = entry({
      handling: f.stageFit.chosen === 'empirical' ? { family: 'empirical', samples: f.stageFit.empirical } : { family: f.stageFit.chosen, meanSeconds: meanCvOf(f.stageFit).mean, cv: meanCvOf(f.stageFit).cv },
      errorRate: f.pools[0].errorRate,
      reworkFactor: s.review.reworkFactor,
    });
    doc.uncertainty = { method: 'bootstrap', fitted, draws: f.draws.map(entry) };
  }
  const t = s.throughput;
  const header = [
    FRAGMENT_HEADER,
    `Written by: ${s.command}`,
    `From ${s.annotations} annotations of ${s.items} items by ${s.annotators} annotators in ${s.sources.map((x) => `${x.file} (${x.format})`).join(', ')}.`,
    `${s.cancelled} cancelled or skipped (not fitted); ${s.trim.total} times trimmed as idle (${s.trim.rule}).`,
    `Handling: ${s.handling.chosen} (lognormal KS p = ${s.handling.lognormal.pValue.toFixed(3)}, gamma KS p = ${s.handling.gamma.pValue.toFixed(3)}) of ${s.handling.n} first passes.`,
    `Throughput: ${t.labelsPerPersonDay.toFixed(1)} labels and ${t.activeHoursPerPersonDay.toFixed(2)} active hours per person-day over ${t.personDays} person-days (${t.timeZone}).`,
    s.agreement === null ? 'No item was labelled twice: no agreement.' : `Agreement: ${(100 * s.agreement.pairwise).toFixed(1)}% of label pairs agree over ${s.agreement.items} items (Fleiss' kappa ${s.agreement.fleissKappa === null ? 'n/a' : s.agreement.fleissKappa.toFixed(3)}); typically ${s.agreement.typicalLabels} labels an item.`,
    'Error rates are first-review rejection rates (they assume review catches every wrong label and rejects no right one).',
    '',
    'Include it from an experiment with `calibration: <this file>` (a path relative to the experiment);',
    "the experiment's own fields win. Add what the data cannot say: each pool's pay" + (f.shifts === null ? ' and shifts' : '') + ',',
    "the work's count and workflow" + (s.review.tiers.some((x) => x.handling === null) ? ', and a handling time for review tiers the export did not time.' : '.'),
  ];
  const yaml = new Document(doc);
  // One line per draw and per handling: hundreds of draws stay readable as a list.
  const draws = yaml.getIn(['uncertainty', 'draws'], true);
  if (isSeq(draws)) for (const item of draws.items) if (isMap(item)) (item as YAMLMap).flow = true;
  const fitted = yaml.getIn(['uncertainty', 'fitted'], true);
  if (isMap(fitted)) for (const pair of fitted.items) if (isMap(pair.value)) pair.value.flow = true;
  const poolsNode = yaml.get('pools', true);
  if (isMap(poolsNode)) for (const pair of poolsNode.items) {
    const shifts = isMap(pair.value) ? pair.value.get('shifts', true) : null;
    if (isSeq(shifts)) for (const shift of shifts.items) if (isMap(shift)) shift.flow = true;
  }
  const stagesNode = yaml.get('stages', true);
  if (isMap(stagesNode)) for (const pair of stagesNode.items) {
    const h = isMap(pair.value) ? pair.value.get('handling', true) : null;
    if (isMap(h)) h.flow = true;
  }
  // A line break in a file name would end the comment and write YAML: every control character is escaped.
  return header.map((l) => (l === '' ? '#' : `# ${printable(l)}`)).join('\n') + '\n' + yaml.toString({ lineWidth: 0 });
}

function meanCvOf(fit: HandlingFit): { mean: number; cv: number } {
  return fit.chosen === 'gamma' ? { mean: fit.gamma.fit.mean, cv: fit.gamma.fit.cv } : { mean: fit.lognormal.fit.mean, cv: fit.lognormal.fit.cv };
}

function handlingOf(fit: HandlingFit): Record<string, unknown> {
  if (fit.chosen === 'empirical') return { empirical: fit.empirical.map(seconds) };
  const { mean, cv } = meanCvOf(fit);
  return { [fit.chosen]: { mean: seconds(mean), cv: round(cv, 4) } };
}

function handlingOfSummary(fit: CalibrationSummary['handling']): Record<string, unknown> {
  if (fit.chosen === 'empirical') return { lognormal: { mean: seconds(fit.meanSeconds), cv: round(fit.lognormal.cv, 4) } };
  const f = fit.chosen === 'gamma' ? fit.gamma : fit.lognormal;
  return { [fit.chosen]: { mean: seconds(f.meanSeconds), cv: round(f.cv, 4) } };
}

function drawHandling(h: ParameterDraw['handling']): Record<string, unknown> {
  if (h.family === 'empirical') return { empirical: h.samples.map(seconds) };
  return { [h.family]: { mean: seconds(h.meanSeconds), cv: round(h.cv, 4) } };
}

/** A duration in seconds as the file writes it, to the millisecond. */
export function seconds(s: number): string {
  return `${round(s, 3)}s`;
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** A name the experiment format accepts: letters, digits, '.', '_' and '-'. */
function safeName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100);
  return s === '' || s === '.' || s === '..' ? 'unnamed' : s;
}
