import type { CalibrationSummary, FitSummary, TrimSummary } from '../../reports/calibrate/calibration-summary.js';
import { agreement } from './agreement.js';
import { ExportError } from './annotation.js';
import { bootstrapDraws, pilotSize, type BootstrapInput } from './bootstrap.js';
import { fitHandling, type HandlingFit } from './fit/handling-fit.js';
import { buildFragment } from './fragment.js';
import { detectFormat, readExport, type ExportFormat } from './formats/index.js';
import { emptyCounts } from './formats/read-counts.js';
import { fitLearning, learningFactor } from './learning.js';
import { Observations } from './observations.js';
import { classifyPasses, Pass } from './passes.js';
import { localDay, scheduledHours, type Shift } from './schedule.js';
import { quantileSorted, trimGroup, type TrimRule } from './trim.js';

export type GroupBy = 'annotator' | 'pool' | 'item-type';

export interface CalibrateOptions {
  files: string[];
  format?: ExportFormat;
  by: GroupBy;
  trim: TrimRule;
  shifts: Shift[] | null;
  timeZone: string;
  bootstrap: number;
  seed: number;
  /** Relative half-width of the p85 completion the pilot-size answer aims at (0.05 = within +-5%). */
  margin: number | null;
  command: string;
}

/** Fewest values a group needs for a fit of its own. */
export const MIN_FIT = 30;

/**
 * Reads the exports as streams and calibrates: counts, trimmed active times, fits, learning,
 * review, agreement, throughput, and the bootstrap of the fitted parameters.
 */
export async function calibrate(options: CalibrateOptions): Promise<CalibrationSummary> {
  const obs = new Observations();
  const sources: CalibrationSummary['sources'] = [];
  for (const file of options.files) {
    const format = detectFormat(file, options.format);
    const counts = emptyCounts();
    for await (const a of readExport(file, format, counts)) obs.add(a);
    sources.push({ file, format, ...counts });
  }
  if (obs.size === 0) {
    throw new ExportError(options.files.join(', '), '', '', 'at least one annotation', 'none in the exports');
  }
  return analyse(obs, sources, options);
}

export function analyse(obs: Observations, sources: CalibrationSummary['sources'], options: CalibrateOptions): CalibrationSummary {
  const c = obs.columns();
  const n = c.seconds.length;
  const passes = classifyPasses(c);
  const keep = new Uint8Array(n);

  // Trim within each item type (the same task takes comparable times whoever does it), first
  // passes and rework apart: a person's few items give no fence of their own.
  const groupOf = options.by === 'annotator' ? c.annotator : options.by === 'pool' ? c.pool : c.itemType;
  const groupNames = options.by === 'annotator' ? obs.annotators.list : options.by === 'pool' ? obs.pools.list : obs.itemTypes.list;
  const trim: TrimSummary = { rule: trimRuleText(options.trim), groups: [], total: 0 };
  const medianOf = new Float64Array(obs.itemTypes.size * 3).fill(NaN);
  for (const kind of [Pass.first, Pass.rework] as const) {
    const members = bucket(n, (i) => (passes.kind[i] === kind ? c.itemType[i] : -1), obs.itemTypes.size);
    members.forEach((indices, g) => {
      if (indices.length === 0) return;
      const t = trimGroup(c.seconds, indices, options.trim, keep);
      const name = `${kind === Pass.first ? 'first pass' : 'rework'}, item type ${obs.itemTypes.list[g]}`;
      trim.groups.push({ name, n: indices.length, ...t });
      trim.total += t.low + t.high + t.overMax;
      const kept = Float64Array.from(indices.filter((i) => keep[i] === 1).map((i) => c.seconds[i])).sort();
      medianOf[g * 3 + kind] = kept.length > 0 ? quantileSorted(kept, 0.5) : quantileSorted(Float64Array.from(indices.map((i) => c.seconds[i])).sort(), 0.5);
    });
  }

  const first = indicesWhere(n, (i) => passes.kind[i] === Pass.first && keep[i] === 1);
  const rework = indicesWhere(n, (i) => passes.kind[i] === Pass.rework && keep[i] === 1);
  const firstSeconds = gather(c.seconds, first);
  if (first.length < 2) {
    // Nothing to fit: say what was there rather than write a fragment of NaNs.
    throw new ExportError(
      sources.map((x) => x.file).join(', '),
      '',
      '',
      'at least 2 first passes with a handling time to fit',
      `${first.length} after ${countWhere(n, (i) => passes.kind[i] === Pass.cancelled)} cancelled, ${countWhere(n, (i) => passes.kind[i] === Pass.rework)} rework and ${trim.total} trimmed of ${n} annotations`,
    );
  }

  // Learning first: the stage's handling is the steady-state time, the curve multiplies it.
  const learningFit = fitLearning(firstSeconds, gatherInt(passes.experience, first));
  const learning = learningFit?.shown ? learningFit : null;
  const steady = learning === null ? firstSeconds : firstSeconds.map((s, j) => s / learningFactor(learning, passes.experience[first[j]]));

  // By item type, the stage is fitted on the commonest type, the others scale it by complexity.
  let reference = -1;
  const complexity = new Map<string, number>();
  let stageValues = steady;
  if (options.by === 'item-type') {
    const perType = bucket(first.length, (j) => c.itemType[first[j]], obs.itemTypes.size);
    reference = perType.reduce((best, list, t) => (list.length > perType[best].length ? t : best), 0);
    stageValues = Float64Array.from(perType[reference].map((j) => steady[j]));
    const refMean = mean(stageValues);
    perType.forEach((list, t) => {
      if (list.length > 0) complexity.set(obs.itemTypes.list[t], mean(Float64Array.from(list.map((j) => steady[j]))) / refMean);
    });
  }
  const stageFit = fitHandling(stageValues);

  // Per group fits for the page; by annotator also the spread of people's pace (speedCv).
  const groups: FitSummary[] = [];
  const perGroup = bucket(first.length, (j) => groupOf[first[j]], groupNames.length);
  const paces: Array<{ mean: number; cv2: number; n: number; group: string }> = [];
  perGroup.forEach((list, g) => {
    if (list.length < MIN_FIT) return;
    const values = Float64Array.from(list.map((j) => steady[j]));
    const fit = fitHandling(values);
    groups.push(fitSummary(`${options.by} ${groupNames[g]}`, fit));
    paces.push({ mean: fit.meanSeconds, cv2: variance(values) / fit.meanSeconds ** 2, n: list.length, group: groupNames[g] });
  });
  const speedCv = options.by === 'annotator' ? betweenCv(paces) : null;

  // Review: per tier in order of appearance; per annotator on their first passes' first review.
  const r = c.review;
  const tiers: CalibrationSummary['review']['tiers'] = [];
  const firstsAll = indicesWhere(n, (i) => passes.kind[i] === Pass.first);
  for (let t = 0; t < obs.tiers.size; t++) {
    const reviews = indicesWhere(r.tier.length, (k) => r.tier[k] === t);
    const rejected = reviews.reduce((s, k) => s + r.rejected[k], 0);
    const reviewedFirsts = new Set(reviews.filter((k) => passes.kind[r.annotation[k]] === Pass.first).map((k) => r.annotation[k])).size;
    const timed = reviews.filter((k) => Number.isFinite(r.seconds[k]));
    let handling: FitSummary | null = null;
    if (timed.length >= MIN_FIT) {
      const rk = new Uint8Array(r.seconds.length);
      const counts = trimGroup(r.seconds, timed, options.trim, rk);
      trim.groups.push({ name: `review, tier ${obs.tiers.list[t]}`, n: timed.length, ...counts });
      trim.total += counts.low + counts.high + counts.overMax;
      const values = Float64Array.from(timed.filter((k) => rk[k] === 1).map((k) => r.seconds[k]));
      if (values.length >= MIN_FIT) handling = fitSummary(`review tier ${obs.tiers.list[t]}`, fitHandling(values));
    }
    tiers.push({ name: obs.tiers.list[t], reviews: reviews.length, rejected, rate: reviews.length > 0 ? rejected / reviews.length : 0, sample: firstsAll.length > 0 ? reviewedFirsts / firstsAll.length : 0, handling });
  }
  const byAnnotator: CalibrationSummary['review']['byAnnotator'] = [];
  const reviewedBy = new Float64Array(obs.annotators.size);
  const rejectedBy = new Float64Array(obs.annotators.size);
  for (const i of firstsAll) {
    if (c.outcome[i] < 0) continue;
    reviewedBy[c.annotator[i]]++;
    rejectedBy[c.annotator[i]] += c.outcome[i];
  }
  for (let a = 0; a < obs.annotators.size; a++) {
    if (reviewedBy[a] > 0) byAnnotator.push({ annotator: obs.annotators.list[a], reviewed: reviewedBy[a], rejected: rejectedBy[a], rate: rejectedBy[a] / reviewedBy[a] });
  }
  const reworkFactor = rework.length >= 5 ? mean(gather(c.seconds, rework)) / mean(firstSeconds) : null;

  // Agreement among the labels of one item's first passes.
  const labelled = indicesWhere(n, (i) => passes.kind[i] === Pass.first && c.label[i] >= 0);
  const byItem = new Map<number, number[]>();  // only items labelled with a class
  for (const i of labelled) {
    const list = byItem.get(c.item[i]);
    if (list === undefined) byItem.set(c.item[i], [c.label[i]]);
    else list.push(c.label[i]);
  }
  const agree = agreement(byItem.values());

  const throughput = throughputOf(obs, passes.kind, keep, c.itemType, medianOf, options);

  // Pools by the grouping: one pool, or one per pool of the CSV, with their error rates.
  const poolRates = new Map<string, { reviewed: number; rejected: number; annotators: Set<number>; meanSeconds: number[] }>();
  for (const i of firstsAll) {
    const name = options.by === 'pool' ? obs.pools.list[c.pool[i]] : 'annotators';
    let p = poolRates.get(name);
    if (p === undefined) poolRates.set(name, (p = { reviewed: 0, rejected: 0, annotators: new Set(), meanSeconds: [] }));
    p.annotators.add(c.annotator[i]);
    if (c.outcome[i] >= 0) {
      p.reviewed++;
      p.rejected += c.outcome[i];
    }
  }
  const poolPace = new Map<string, number>();
  if (options.by === 'pool') for (const p of paces) poolPace.set(p.group, p.mean / stageFit.meanSeconds);

  const bootstrapInput: BootstrapInput = {
    family: stageFit.chosen,
    empirical: stageFit.empirical,
    meanSeconds: stageFit.meanSeconds,
    values: stageValues,
    outcome: Int32Array.from(firstsAll.filter((i) => c.outcome[i] >= 0).map((i) => c.outcome[i])),
    rework: rework.length >= 5 ? gather(c.seconds, rework) : null,
    firstRaw: firstSeconds,
  };
  const draws = options.bootstrap > 0 ? bootstrapDraws(bootstrapInput, options.bootstrap, options.seed) : null;

  const reviewers = new Map<string, number>();
  for (let t = 0; t < obs.tiers.size; t++) {
    const who = new Set<number>();
    for (let k = 0; k < r.tier.length; k++) if (r.tier[k] === t && r.reviewer[k] >= 0) who.add(r.reviewer[k]);
    reviewers.set(obs.tiers.list[t], Math.max(1, who.size));
  }

  const summary: CalibrationSummary = {
    command: options.command,
    sources,
    annotations: n,
    annotators: obs.annotators.size,
    items: obs.itemCount(),
    cancelled: countWhere(n, (i) => passes.kind[i] === Pass.cancelled),
    firstPasses: firstsAll.length,
    reworks: countWhere(n, (i) => passes.kind[i] === Pass.rework),
    trim,
    by: options.by,
    handling: fitSummary(options.by === 'item-type' ? `annotate (item type ${obs.itemTypes.list[reference]})` : 'annotate (all annotators)', stageFit),
    groups,
    learning: learningFit,
    speedCv,
    review: { tiers, byAnnotator, reworkFactor },
    agreement: agree,
    throughput,
    uncertainty: draws === null ? null : draws.summary,
    pilot: draws !== null && options.margin !== null ? pilotSize(draws.summary.relativeHalfWidth, stageValues.length, options.margin) : null,
    fragment: '',
  };
  summary.fragment = buildFragment({
    summary,
    stageFit,
    learning,
    pools: [...poolRates.entries()].map(([name, p]) => ({ name, headcount: p.annotators.size, errorRate: p.reviewed > 0 ? p.rejected / p.reviewed : null, pace: poolPace.get(name) ?? null })),
    reviewers,
    complexity,
    shifts: options.shifts,
    timeZone: options.timeZone,
    draws: draws?.draws ?? null,
  });
  return summary;
}

function throughputOf(
  obs: Observations,
  kind: Uint8Array,
  keep: Uint8Array,
  groupOf: Int32Array,
  medianOf: Float64Array,
  options: CalibrateOptions,
): CalibrationSummary['throughput'] {
  const c = obs.columns();
  const day = localDay(options.timeZone);
  // Person-days: (annotator, local date). Active seconds per person-day: kept timers, and the group's median for a trimmed one.
  const days = new Map<number, { active: number; labels: number; weekday: number }>();
  for (let i = 0; i < c.seconds.length; i++) {
    // Every reader requires a submission time (an error naming the record otherwise), so every annotation has a day.
    const d = day(c.endMs[i]);
    const key = c.annotator[i] * 100_000_000 + d.key;
    let e = days.get(key);
    if (e === undefined) days.set(key, (e = { active: 0, labels: 0, weekday: d.weekday }));
    const k = kind[i];
    const median = medianOf[groupOf[i] * 3 + (k === Pass.rework ? Pass.rework : Pass.first)];
    e.active += keep[i] === 1 || k === Pass.cancelled ? c.seconds[i] : Number.isFinite(median) ? median : 0;
    if (k !== Pass.cancelled) e.labels++;
  }
  let active = 0;
  let labels = 0;
  let scheduled = 0;
  let scheduledActive = 0;
  let offSchedule = 0;
  for (const e of days.values()) {
    active += e.active;
    labels += e.labels;
    if (options.shifts !== null) {
      const h = scheduledHours(options.shifts, e.weekday);
      if (h > 0) {
        scheduled += h;
        scheduledActive += e.active;
      } else offSchedule++;
    }
  }
  const personDays = days.size;
  const onSchedule = personDays - offSchedule;
  return {
    personDays,
    labelsPerPersonDay: personDays > 0 ? labels / personDays : 0,
    activeHoursPerPersonDay: personDays > 0 ? active / 3600 / personDays : 0,
    scheduledHoursPerPersonDay: options.shifts !== null && onSchedule > 0 ? scheduled / onSchedule : null,
    shrinkage: options.shifts !== null && scheduled > 0 ? Math.max(0, 1 - scheduledActive / 3600 / scheduled) : null,
    offScheduleDays: offSchedule,
    timeZone: options.timeZone,
  };
}

/**
 * The spread of people's pace beyond sampling noise: the variance of the annotators' mean times
 * (relative to the overall mean) less the part their own item-to-item variation explains
 * (cv^2 / n each), the classic one-way random-effects estimate.
 */
function betweenCv(paces: Array<{ mean: number; cv2: number; n: number }>): number | null {
  if (paces.length < 3) return null;
  const overall = paces.reduce((s, p) => s + p.mean * p.n, 0) / paces.reduce((s, p) => s + p.n, 0);
  const rel = paces.map((p) => p.mean / overall);
  const m = rel.reduce((s, x) => s + x, 0) / rel.length;
  const observed = rel.reduce((s, x) => s + (x - m) ** 2, 0) / (rel.length - 1);
  const noise = paces.reduce((s, p) => s + p.cv2 / p.n, 0) / paces.length;
  return Math.sqrt(Math.max(0, observed - noise));
}

export function fitSummary(name: string, f: HandlingFit): FitSummary {
  const ln = f.lognormal;
  const ga = f.gamma;
  return {
    name,
    n: f.n,
    meanSeconds: f.meanSeconds,
    medianSeconds: f.medianSeconds,
    lognormal: { meanSeconds: ln.fit.mean, cv: ln.fit.cv, mu: ln.fit.mu, sigma: ln.fit.sigma, ks: ln.ks, pValue: ln.pValue, logLikelihood: ln.logLikelihood, qq: ln.qq },
    gamma: { meanSeconds: ga.fit.mean, cv: ga.fit.cv, shape: ga.fit.shape, scaleSeconds: ga.fit.scale, ks: ga.ks, pValue: ga.pValue, logLikelihood: ga.logLikelihood, qq: ga.qq },
    chosen: f.chosen,
    histogram: f.histogram,
  };
}

function trimRuleText(rule: TrimRule): string {
  const fence = rule.fence > 0 ? `outside Q1 - ${rule.fence} IQR .. Q3 + ${rule.fence} IQR of ln(seconds) within each item type and pass (4+ times), ` : '';
  return `trimmed: ${fence}zero seconds, and over ${rule.maxSeconds} s`;
}

function bucket(n: number, groupOf: (i: number) => number, groups: number): number[][] {
  const out: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < n; i++) {
    const g = groupOf(i);
    if (g >= 0) out[g].push(i);
  }
  return out;
}

function indicesWhere(n: number, test: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (test(i)) out.push(i);
  return out;
}

function countWhere(n: number, test: (i: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (test(i)) k++;
  return k;
}

function gather(values: Float64Array, indices: number[]): Float64Array {
  const out = new Float64Array(indices.length);
  for (let j = 0; j < indices.length; j++) out[j] = values[indices[j]];
  return out;
}

function gatherInt(values: Int32Array, indices: number[]): Int32Array {
  const out = new Int32Array(indices.length);
  for (let j = 0; j < indices.length; j++) out[j] = values[indices[j]];
  return out;
}

function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

function variance(x: Float64Array): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** 2;
  return s / (x.length - 1);
}
