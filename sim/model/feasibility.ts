import { saturated, type PoolCapacity } from './capacity.js';
import type { AnnotateStage, ModelConfig, ReviewStage } from './config.js';
import { classWarnings } from './class-warnings.js';
import { priceWarnings } from './price-warnings.js';
import { guidelineWarnings } from './guideline-warnings.js';
import { goldWarnings } from './quality/gold-warnings.js';
import { labelsNeeded } from './training/labels-needed.js';

const pct = (x: number) => `${Number((100 * x).toFixed(2))}%`;

/**
 * Plans that cannot finish whatever the randomness, found before a single event runs, as
 * sentences naming the stage, the pool and the rate at fault:
 *
 * - a review tier that rejects every item it sees, with no escalation to break the loop: the
 *   items it samples go round rework and re-review until the horizon. A rejection is certain
 *   when falseReject is 100% and detection 100% (or no rework label is ever wrong), or when
 *   detection is 100% and every rework label is wrong (errorRate 100%);
 * - a stage whose pools have no one to work (headcount 0) or start after the horizon;
 * - (open-ended work) a pool offered at least its capacity: its queue grows without bound, so it has
 *   no steady state and its waits depend on the horizon.
 *
 * Replications of such a plan still run, stop at the horizon and are reported as not finished.
 */
export function feasibilityWarnings(config: ModelConfig, capacity?: PoolCapacity[]): string[] {
  const warnings: string[] = [];
  const stage = new Map(config.stages.map((s) => [s.name, s]));
  const pool = new Map(config.pools.map((p) => [p.name, p]));

  // Endless rework.
  const looping = new Set<string>();
  for (const w of config.work) {
    const annotate = stage.get(w.workflow[0]) as AnnotateStage;
    if (annotate.escalation !== null) continue;
    for (const name of w.workflow.slice(1)) {
      const tier = stage.get(name) as ReviewStage;
      if (tier.action !== 'rework' || tier.sampleRate === 0 || looping.has(tier.name)) continue;
      const reason = certainRejection(tier, annotate, config);
      if (reason === null) continue;
      looping.add(tier.name);
      warnings.push(`review tier "${tier.name}" rejects every item (${reason}) and there is no escalation: items loop in rework forever`);
    }
  }

  // Stages nobody can serve.
  for (const s of config.stages) {
    if (!config.work.some((w) => w.workflow.includes(s.name) || isHelperOf(s.name, w.workflow, stage))) continue;
    const pools = s.pools.map((n) => pool.get(n)!);
    const people = pools.reduce((n, p) => n + p.shifts.reduce((m, c) => m + c.headcount, 0), 0);
    if (people === 0) {
      warnings.push(`stage "${s.name}" has no one to do it: ${pools.length === 1 ? `pool "${pools[0].name}" has` : `pools ${pools.map((p) => `"${p.name}"`).join(', ')} have`} headcount 0`);
      continue;
    }
    if (pools.every((p) => p.startHours >= config.horizonHours)) {
      warnings.push(`stage "${s.name}" has no one to do it before the horizon: ${pools.map((p) => `pool "${p.name}" starts at ${hours(p.startHours)}`).join(', ')}, the horizon is ${hours(config.horizonHours)}`);
    }
  }

  // An accuracy target the pool of items cannot reach.
  const needed = labelsNeeded(config);
  if (needed !== null) {
    const t = config.training!;
    const count = config.work.find((w) => w.name === t.workType)!.count!;
    const target = pct((config.target as { accuracy: number }).accuracy);
    if (!Number.isFinite(needed)) {
      warnings.push(`the accuracy target ${target} cannot be reached: label noise leaves the training labels too little to learn from`);
    } else if (needed > count) {
      warnings.push(`the accuracy target ${target} needs about ${needed.toLocaleString('en-US')} labelled items of "${t.workType}" on the learning curve's estimate, more than its ${count.toLocaleString('en-US')} items: it is never reached`);
    }
  }

  // Open-ended work: arrivals at least as fast as the pool can serve them (at exactly its capacity too: see saturated).
  if (capacity !== undefined) {
    for (const c of overloadedPools(config, capacity)) warnings.push(`${overloadWords(c)}: its queue grows without bound and the waits depend on the horizon`);
  }

  // Classes that change nothing, or override a setting.
  warnings.push(...classWarnings(config));
  warnings.push(...priceWarnings(config));
  warnings.push(...guidelineWarnings(config));
  warnings.push(...goldWarnings(config));
  return warnings;
}

/**
 * With open-ended work (arrivals to the horizon), the pools offered at least the work their hours
 * can do: their queues grow without bound (at exactly 100% too: see saturated). A pool with work
 * but no hours at all, an infinite load, is left to the warning of a stage nobody can serve. Work
 * of a fixed count is not judged here: over its capacity it is late, which the capacity check and
 * the deadline say.
 */
export function overloadedPools(config: ModelConfig, capacity: readonly PoolCapacity[]): PoolCapacity[] {
  if (!config.work.some((w) => w.count === null)) return [];
  return capacity.filter((c) => saturated(c.load) && Number.isFinite(c.load));
}

/** An overloaded pool in words: `pool "servers" is offered 112.5% of its capacity`. */
export function overloadWords(c: PoolCapacity): string {
  return `pool "${c.pool}" is offered ${pct(c.load)} of its capacity`;
}

/** Why every review by `tier` of an item reworked at `annotate` rejects it, or null when some pass. */
function certainRejection(tier: ReviewStage, annotate: AnnotateStage, config: ModelConfig): string | null {
  const d = tier.detection;
  const f = tier.falseReject;
  if (f >= 1 && d >= 1) return `falseReject ${pct(f)}`;
  // Error rates of rework labels, with pre-labels' factors (before the first retrain and after the last).
  const p = config.preLabels;
  const factors = p === null ? [1] : [1, p.errorFactor, p.errorFloor];
  const rates = annotate.pools.flatMap((name) => {
    const e = config.pools.find((q) => q.name === name)!.errorRate;
    return factors.map((k) => Math.min(1, e * k));
  });
  if (f >= 1 && rates.every((e) => e === 0)) {
    return `falseReject ${pct(f)}, and ${annotate.pools.length === 1 ? `pool "${annotate.pools[0]}" makes` : `pools ${annotate.pools.map((n) => `"${n}"`).join(', ')} make`} no errors`;
  }
  if (d >= 1 && rates.every((e) => e >= 1)) {
    return `detection ${pct(d)}, and ${annotate.pools.length === 1 ? `pool "${annotate.pools[0]}" gets` : `pools ${annotate.pools.map((n) => `"${n}"`).join(', ')} get`} every label wrong (errorRate 100%)`;
  }
  return null;
}

/** True if `name` adjudicates or takes escalations for the annotate stage of `workflow`. */
function isHelperOf(name: string, workflow: string[], stage: Map<string, ModelConfig['stages'][number]>): boolean {
  const annotate = stage.get(workflow[0]) as AnnotateStage;
  return annotate.adjudication === name || annotate.escalation === name;
}

function hours(h: number): string {
  return h % 168 === 0 ? `${h / 168}w` : `${Number(h.toFixed(2))}h`;
}
