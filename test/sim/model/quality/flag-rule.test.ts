import { describe, expect, it } from 'vitest';
import { FlagTests, type FlagRule } from '../../../../sim/model/quality/flag-rule.js';
import { KeyedRandom } from '../../../../sim/random/keyed-random.js';
import { exactSprt, type Sprt } from './exact-sprt.js';

const RULE: Sprt = { kind: 'sprt', p0: 0.04, p1: 0.12, alpha: 0.05, beta: 0.1, repeat: false };

/** Whether the module flags a given sequence of answers within it (a fresh person, no repeat). */
function flagsWithin(rule: FlagRule, answers: boolean[]): boolean {
  const tests = new FlagTests(rule, 1);
  return answers.some((wrong) => tests.answer(0, wrong));
}

describe("Wald's SPRT on gold answers", () => {
  it('flags exactly the sequences the truncated path calculation flags: all 2^16 sequences, at p0, between and at p1', () => {
    // Truncating the exact calculation at 16 answers gives P(flag within 16); enumerating every
    // sequence of 16 answers through the module and weighting it by its probability must agree.
    const L = 16;
    const flagged: Array<{ k: number }> = [];
    for (let s = 0; s < 1 << L; s++) {
      const answers = Array.from({ length: L }, (_, i) => ((s >> i) & 1) === 1);
      if (flagsWithin(RULE, answers)) flagged.push({ k: answers.filter(Boolean).length });
    }
    for (const p of [RULE.p0, 0.08, RULE.p1, 0.3]) {
      const enumerated = flagged.reduce((sum, { k }) => sum + p ** k * (1 - p) ** (L - k), 0);
      expect(enumerated).toBeCloseTo(exactSprt(RULE, p, L).flag, 12);
    }
  });

  it("meets Wald's bounds on its error rates: alpha' <= alpha / (1 - beta), beta' <= beta / (1 - alpha), alpha' + beta' <= alpha + beta", () => {
    // Wald (1945), section 3.2: the bounds hold for the exact test, overshoot and all.
    for (const rule of [RULE, { ...RULE, p0: 0.02, p1: 0.06, alpha: 0.01, beta: 0.05 }, { ...RULE, p0: 0.1, p1: 0.3, alpha: 0.2, beta: 0.2 }]) {
      const at0 = exactSprt(rule, rule.p0);
      const at1 = exactSprt(rule, rule.p1);
      expect(at0.open + at1.open).toBeLessThan(1e-12);
      const alpha = at0.flag;
      const beta = 1 - at1.flag;
      expect(alpha).toBeLessThanOrEqual(rule.alpha / (1 - rule.beta));
      expect(beta).toBeLessThanOrEqual(rule.beta / (1 - rule.alpha));
      expect(alpha + beta).toBeLessThanOrEqual(rule.alpha + rule.beta);
    }
  });

  it('flags a person at p0 and at p1 as often as the exact calculation says, over 20,000 simulated tests each (within 4 standard errors)', () => {
    const draws = new KeyedRandom(7, 0, 'test/sprt');
    for (const p of [RULE.p0, 0.08, RULE.p1]) {
      const n = 20_000;
      let flags = 0;
      for (let t = 0; t < n; t++) {
        // No repeat: once cleared the person is never flagged, so 3,000 answers decide every test.
        const tests = new FlagTests(RULE, 1);
        for (let i = 0; i < 3000; i++) {
          if (tests.answer(0, draws.uniform(t, i, Math.round(p * 1000)) < p)) {
            flags++;
            break;
          }
        }
      }
      const exact = exactSprt(RULE, p).flag;
      expect(Math.abs(flags / n - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / n));
    }
  });

  it('repeats: with repeat, a cleared person is tested again, so a long run of good answers flags more often than one test', () => {
    const draws = new KeyedRandom(8, 0, 'test/sprt-repeat');
    const runs = 4000;
    const flaggedShare = (repeat: boolean) => {
      let flagged = 0;
      for (let t = 0; t < runs; t++) {
        const tests = new FlagTests({ ...RULE, repeat }, 1);
        for (let i = 0; i < 1000; i++) if (tests.answer(0, draws.uniform(t, i) < RULE.p0)) { flagged++; break; }
      }
      return flagged / runs;
    };
    const once = exactSprt(RULE, RULE.p0);
    // About 1000 / E[N] tests of about alpha' each: far above alpha'.
    const tests = 1000 / once.meanAnswers;
    const expected = 1 - (1 - once.flag) ** tests;
    const repeated = flaggedShare(true);
    expect(repeated).toBeGreaterThan(3 * once.flag);
    // The renewal count is approximate (the last test is cut off): within a tenth.
    expect(Math.abs(repeated - expected)).toBeLessThan(0.1);
    expect(Math.abs(flaggedShare(false) - once.flag)).toBeLessThan(4 * Math.sqrt((once.flag * (1 - once.flag)) / runs));
  });

  it('starts afresh on reset', () => {
    const tests = new FlagTests(RULE, 2);
    tests.answer(0, true);
    tests.answer(0, true);
    tests.reset(0);
    // ln 3 = 1.10 a wrong answer: three in a row from scratch reach A = ln 18 = 2.89, two do not.
    expect(tests.answer(0, true)).toBe(false);
    expect(tests.answer(0, true)).toBe(false);
    expect(tests.answer(0, true)).toBe(true);
    // Person 1's test is their own.
    expect(tests.answer(1, true)).toBe(false);
  });
});

describe('k wrong of the last n gold answers', () => {
  const rule: FlagRule = { kind: 'window', wrong: 3, of: 10 };

  it('flags within the first n answers exactly when the binomial count reaches k: all 2^10 sequences', () => {
    let flaggedMass = 0;
    const p = 0.12;
    for (let s = 0; s < 1 << 10; s++) {
      const answers = Array.from({ length: 10 }, (_, i) => ((s >> i) & 1) === 1);
      const k = answers.filter(Boolean).length;
      expect(flagsWithin(rule, answers)).toBe(k >= 3);
      if (flagsWithin(rule, answers)) flaggedMass += p ** k * (1 - p) ** (10 - k);
    }
    // P(Bin(10, 0.12) >= 3) = 1 - sum_{j<3} C(10, j) p^j (1-p)^(10-j).
    const binomial = 1 - [0, 1, 2].reduce((s, j) => s + choose(10, j) * p ** j * (1 - p) ** (10 - j), 0);
    expect(flaggedMass).toBeCloseTo(binomial, 12);
  });

  it('forgets answers older than the window', () => {
    const tests = new FlagTests(rule, 1);
    // Wrong answers 10 apart: never three within any 10.
    for (let i = 0; i < 200; i++) expect(tests.answer(0, i % 10 === 0)).toBe(false);
    const full = new FlagTests({ kind: 'window', wrong: 32, of: 32 }, 1);
    for (let i = 0; i < 31; i++) expect(full.answer(0, true)).toBe(false);
    expect(full.answer(0, true)).toBe(true);
  });
});

function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c;
}
