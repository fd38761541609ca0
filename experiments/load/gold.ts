import type { FlagAction, GoldAuditConfig } from '../../sim/model/quality/gold-config.js';
import type { FlagRule } from '../../sim/model/quality/flag-rule.js';
import type { PathSegment } from './errors.js';
import type { ModelDocument } from './schema.js';
import { durationHours, ratePerHour, shareValue } from './units.js';

type AnnotateDocument = Extract<ModelDocument['stages'][string], { kind: 'annotate' }>;
type GoldDocument = NonNullable<AnnotateDocument['gold']>;
type FlagActionDocument = GoldDocument['onFlag'];
type Fail = (path: PathSegment[], expected: string, got?: string) => never;

/** The cost line the gold set's creation is booked to: the line files have named by hand so far. */
export const GOLD_SET_ACTIVITY = 'goldSet';

/**
 * A stage's gold audit as the model takes it: the share of gold (the stage's goldShare), the rule,
 * the consequences, and what the gold set costs to make (null when the file does not say).
 */
export function goldOf(g: GoldDocument, s: AnnotateDocument, stagePools: string[], at: PathSegment[], fail: Fail): { goldShare: number; gold: GoldAuditConfig; creationCost: number | null } {
  const goldShare = shareValue(g.share) as number;
  if (shareValue(s.goldShare)! > 0) fail([...at.slice(0, -1), 'goldShare'], 'either goldShare or gold.share, not both', String(s.goldShare));
  const rule = ruleOf(g.rule, [...at, 'rule'], fail);
  const byPool: Record<string, FlagAction> = {};
  for (const [pool, action] of Object.entries(g.onFlagByPool ?? {})) {
    if (!stagePools.includes(pool)) fail([...at, 'onFlagByPool', pool], `a pool of this stage (${stagePools.join(', ')})`, JSON.stringify(pool));
    byPool[pool] = actionOf(action);
  }
  const gold: GoldAuditConfig = { rule, onFlag: actionOf(g.onFlag), ...(g.onFlagByPool === undefined ? {} : { onFlagByPool: byPool }) };
  const c = g.creation;
  const creationCost = c === undefined ? null : 'perItem' in c ? c.items * c.perItem : c.items * (durationHours(c.expertTime) as number) * (ratePerHour(c.expertRate) as number);
  return { goldShare, gold, creationCost };
}

function ruleOf(r: GoldDocument['rule'], at: PathSegment[], fail: Fail): FlagRule {
  if ('window' in r) {
    const { wrong, of } = r.window;
    if (wrong > of) fail([...at, 'window', 'wrong'], `at most of (${of}) wrong answers`, String(wrong));
    return { kind: 'window', wrong, of };
  }
  const v = (k: 'p0' | 'p1' | 'alpha' | 'beta') => shareValue(r.sprt[k]) as number;
  const [p0, p1, alpha, beta] = [v('p0'), v('p1'), v('alpha'), v('beta')];
  const path = (k: string) => [...at, 'sprt', k];
  if (!(p0 > 0 && p0 < 1)) fail(path('p0'), 'an acceptable error rate above 0% and below 100%', String(r.sprt.p0));
  if (!(p1 < 1)) fail(path('p1'), 'a bad error rate below 100%', String(r.sprt.p1));
  if (!(p1 > p0)) fail(path('p1'), `a bad error rate above p0 (${r.sprt.p0})`, String(r.sprt.p1));
  // Above one half the bounds cross (A <= B when alpha + beta >= 1): the test would flag everyone or no one.
  if (!(alpha > 0 && alpha < 0.5)) fail(path('alpha'), 'a chance above 0% and below 50%', String(r.sprt.alpha));
  if (!(beta > 0 && beta < 0.5)) fail(path('beta'), 'a chance above 0% and below 50%', String(r.sprt.beta));
  return { kind: 'sprt', p0, p1, alpha, beta, repeat: r.sprt.repeat };
}

function actionOf(a: FlagActionDocument): FlagAction {
  if (a === 'none') return { kind: 'none' };
  if (a === 'remove') return { kind: 'remove' };
  if ('retrain' in a) return { kind: 'retrain', hours: durationHours(a.retrain.hours) as number, errorFactor: a.retrain.errorFactor };
  return { kind: 'replace', hiringDelayHours: durationHours(a.replace.hiringDelay) as number };
}
