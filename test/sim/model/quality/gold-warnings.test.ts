import { describe, expect, it } from 'vitest';
import { answersToFlag, goldWarnings } from '../../../../sim/model/quality/gold-warnings.js';
import { annotate, pool, smallCase, work } from '../model-fixtures.js';
import { exactSprt, type Sprt } from './exact-sprt.js';

const SPRT: Sprt = { kind: 'sprt', p0: 0.04, p1: 0.12, alpha: 0.05, beta: 0.1, repeat: true };

const withGold = (items: number, share: number, hiringDelayHours = 100) =>
  smallCase({ work: [work(items)], pools: [pool('a', 10)], stages: [annotate('a', 0.01, { goldShare: share, gold: { rule: SPRT, onFlag: { kind: 'replace', hiringDelayHours } } })] });

describe('gold audit warnings', () => {
  it("put the answers needed to flag a bad person at Wald's average sample number, a little below the exact one (overshoot)", () => {
    const exact = exactSprt(SPRT, SPRT.p1).meanAnswers;
    const wald = answersToFlag(SPRT);
    // Wald's approximation leaves out how far the ratio overshoots the bound: it undercounts.
    expect(wald).toBeLessThan(exact);
    expect(wald).toBeGreaterThan(0.8 * exact);
    expect(answersToFlag({ kind: 'window', wrong: 3, of: 10 })).toBe(10);
  });

  it('warn when people answer too few gold items for the rule, and when replacements come after the horizon', () => {
    // 1,000 items at 5% over 10 people: about 5 gold answers each, against about 43 needed.
    expect(goldWarnings(withGold(1000, 0.05))[0]).toMatch(/^stage "annotate": people answer about 5 gold items each, fewer than the 43/);
    expect(goldWarnings(withGold(100_000, 0.05))).toEqual([]);
    expect(goldWarnings(withGold(100_000, 0.05, 1e6))[0]).toMatch(/nobody is replaced, as with remove$/);
  });
});
