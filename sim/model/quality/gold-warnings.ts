import type { AnnotateStage, ModelConfig } from '../config.js';
import { sprtSteps, type FlagRule } from './flag-rule.js';
import type { FlagAction } from './gold-config.js';

/**
 * What `check` and `run` say about gold audits that cannot do what the file seems to expect: too
 * few gold answers per person for the rule to reach a verdict on a bad annotator, and replacements
 * hired after the horizon (replace then acts as remove).
 */
export function goldWarnings(config: ModelConfig): string[] {
  const warnings: string[] = [];
  for (const s of config.stages) {
    if (s.kind !== 'annotate' || (s.gold ?? null) === null || s.goldShare <= 0) continue;
    const gold = s.gold!;
    const answers = goldAnswersPerPerson(config, s);
    const needed = answersToFlag(gold.rule);
    if (answers !== null && answers < needed) {
      warnings.push(
        `stage "${s.name}": people answer about ${Math.round(answers)} gold items each, fewer than the ${Math.round(needed)} the rule needs on average to flag a person at the bad rate: few bad annotators will be flagged`,
      );
    }
    const actions: Array<[string, FlagAction]> = [['onFlag', gold.onFlag], ...Object.entries(gold.onFlagByPool ?? {}).map(([p, a]): [string, FlagAction] => [`onFlagByPool.${p}`, a])];
    for (const [where, a] of actions) {
      if (a.kind === 'replace' && a.hiringDelayHours >= config.horizonHours) {
        warnings.push(`stage "${s.name}": gold.${where} replaces people after ${a.hiringDelayHours} h, at or past the horizon: nobody is replaced, as with remove`);
      }
    }
  }
  return warnings;
}

/** Gold answers per person of the stage's pools over the work that starts there; null for open-ended work. */
function goldAnswersPerPerson(config: ModelConfig, s: AnnotateStage): number | null {
  const work = config.work.filter((w) => w.workflow[0] === s.name);
  if (work.some((w) => w.count === null)) return null;
  const items = work.reduce((n, w) => n + (w.count ?? 0), 0);
  const people = config.pools.filter((p) => s.pools.includes(p.name)).reduce((n, p) => n + p.shifts.reduce((m, c) => m + c.headcount, 0), 0);
  if (people === 0) return null;
  return (items * s.labels * s.goldShare) / (1 - s.goldShare) / people;
}

/**
 * Answers the rule needs on average to flag a person whose rate is the bad one: Wald's
 * approximation of the SPRT's average sample number at p1, E[N] = ((1 - beta) A + beta B) / E[step]
 * (Wald 1945, ignoring overshoot); a window rule needs at least `wrong` answers and about
 * wrong / (wrong / of) = of of them at its bad rate.
 */
export function answersToFlag(rule: FlagRule): number {
  if (rule.kind === 'window') return rule.of;
  const s = sprtSteps(rule);
  const step = rule.p1 * s.wrong + (1 - rule.p1) * s.right;
  return ((1 - rule.beta) * s.upper + rule.beta * s.lower) / step;
}
