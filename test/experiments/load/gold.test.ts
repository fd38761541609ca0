import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../../experiments/load/index.js';
import type { AnnotateStage } from '../../../sim/model/config.js';
import { errorAfter, minimalDocument, parseDoc } from './helpers.js';

const SPRT = { sprt: { p0: '4%', p1: '12%', alpha: '5%', beta: '10%' } };

/** The minimal document with a gold audit on its annotate stage, `change` applied to the gold mapping. */
function withGold(change: (gold: Record<string, any>) => void = () => {}, doc = minimalDocument()): Record<string, any> {
  const gold: Record<string, any> = { share: '5%', rule: structuredClone(SPRT) };
  change(gold);
  doc.stages.annotate.gold = gold;
  return doc;
}
const errorWith = (change: (gold: Record<string, any>) => void) => errorAfter((doc) => withGold(change, doc));
const annotateOf = (doc: Record<string, any>) => parseDoc(doc).plans[0]!.model.stages[0] as AnnotateStage;

describe('gold audits in the experiment file', () => {
  it('leave a file without them exactly as it was: no gold field, the same config hash', () => {
    const plain = parseDoc(minimalDocument());
    expect('gold' in plain.plans[0]!.model.stages[0]!).toBe(false);
    expect(parseDoc(withGold()).configHash).not.toBe(plain.configHash);
    expect(parseDoc(minimalDocument()).configHash).toBe(plain.configHash);
  });

  it('read the share as the stage goldShare, the rule, and none as the default consequence', () => {
    const s = annotateOf(withGold());
    expect(s.goldShare).toBe(0.05);
    expect(s.gold).toEqual({ rule: { kind: 'sprt', p0: 0.04, p1: 0.12, alpha: 0.05, beta: 0.1, repeat: true }, onFlag: { kind: 'none' } });
  });

  it('read each consequence, a per-pool one, and a window rule', () => {
    const retrain = annotateOf(withGold((g) => (g.onFlag = { retrain: { hours: '1d', errorFactor: 0.5 } }))).gold!;
    expect(retrain.onFlag).toEqual({ kind: 'retrain', hours: 24, errorFactor: 0.5 });
    expect(annotateOf(withGold((g) => (g.onFlag = 'remove'))).gold!.onFlag).toEqual({ kind: 'remove' });
    const replace = annotateOf(withGold((g) => ((g.onFlag = { replace: { hiringDelay: '2w' } }), (g.onFlagByPool = { annotators: 'remove' })))).gold!;
    expect(replace.onFlag).toEqual({ kind: 'replace', hiringDelayHours: 336 });
    expect(replace.onFlagByPool).toEqual({ annotators: { kind: 'remove' } });
    expect(annotateOf(withGold((g) => (g.rule = { window: { wrong: 3, of: 10 } }))).gold!.rule).toEqual({ kind: 'window', wrong: 3, of: 10 });
  });

  it("book the gold set's creation to the goldSet cost line, by price or by expert time", () => {
    const byPrice = parseDoc(withGold((g) => (g.creation = { items: 300, perItem: 8 }))).plans[0]!.model.costs.fixed;
    expect(byPrice).toEqual([{ activity: 'goldSet', amount: 2400 }]);
    const byTime = parseDoc(withGold((g) => (g.creation = { items: 300, expertTime: '6m', expertRate: '90/h' }))).plans[0]!.model.costs.fixed;
    expect(byTime[0]!.amount).toBeCloseTo(300 * 0.1 * 90, 9);
  });

  it('refuse a share outside [0, 1), naming the field', () => {
    const error = errorWith((g) => (g.share = '100%'));
    expect(error.field).toBe('stages.annotate.gold.share');
    expect(errorWith((g) => (g.share = -0.1)).field).toBe('stages.annotate.gold.share');
  });

  it('refuse p1 <= p0, p0 of 0, and alpha or beta outside (0, 0.5)', () => {
    const p1 = errorWith((g) => (g.rule.sprt.p1 = '4%'));
    expect(p1.field).toBe('stages.annotate.gold.rule.sprt.p1');
    expect(p1.expected).toBe('a bad error rate above p0 (4%)');
    expect(errorWith((g) => (g.rule.sprt.p0 = 0)).field).toBe('stages.annotate.gold.rule.sprt.p0');
    expect(errorWith((g) => (g.rule.sprt.p1 = 1)).field).toBe('stages.annotate.gold.rule.sprt.p1');
    for (const bad of ['50%', 0, 0.7]) {
      expect(errorWith((g) => (g.rule.sprt.alpha = bad)).field).toBe('stages.annotate.gold.rule.sprt.alpha');
      expect(errorWith((g) => (g.rule.sprt.beta = bad)).field).toBe('stages.annotate.gold.rule.sprt.beta');
    }
  });

  it('refuse a window of more wrong answers than answers, a pool not of the stage, goldShare beside gold, and a second goldSet line', () => {
    expect(errorWith((g) => (g.rule = { window: { wrong: 11, of: 10 } })).field).toBe('stages.annotate.gold.rule.window.wrong');
    expect(errorWith((g) => (g.onFlagByPool = { reviewers: 'remove' })).field).toBe('stages.annotate.gold.onFlagByPool.reviewers');
    const both = errorAfter((doc) => withGold(() => {}, doc).stages.annotate.goldShare = '5%');
    expect(both.field).toBe('stages.annotate.goldShare');
    const twice = errorAfter((doc) => ((withGold((g) => (g.creation = { items: 10, perItem: 1 }), doc).costs = { fixed: { goldSet: 100 } })));
    expect(twice.field).toBe('costs.fixed.goldSet');
  });

  it('refuse an unknown consequence', () => {
    expect(errorWith((g) => (g.onFlag = 'fire')).field).toBe('stages.annotate.gold.onFlag');
  });

  it('read the shipped experiment: one consequence per plan, and no audit in no-gold', () => {
    const e = parseExperiment(fs.readFileSync(new URL('../../../experiments/gold-audits.yaml', import.meta.url), 'utf8'), 'gold-audits.yaml');
    const gold = Object.fromEntries(e.plans.map((p) => [p.name, (p.model.stages[0] as AnnotateStage).gold]));
    expect(gold['no-gold']).toBeUndefined();
    expect(gold['flag-only']!.onFlag).toEqual({ kind: 'none' });
    expect(gold['replace']!.onFlag).toEqual({ kind: 'replace', hiringDelayHours: 168 });
    expect(gold['replace-once-cleared']!.rule).toMatchObject({ kind: 'sprt', repeat: false });
    expect(e.plans[0]!.model.costs.fixed).toContainEqual({ activity: 'goldSet', amount: 1500 });
  });
});
