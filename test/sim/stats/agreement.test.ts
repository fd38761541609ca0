import { describe, expect, it } from 'vitest';
import {
  AgreementTally,
  coincidenceMatrix,
  cohensKappa,
  fleissKappa,
  krippendorffAlpha,
  percentAgreement,
} from '../../../sim/stats/agreement.js';

/**
 * Fleiss (1971)-style worked example as tabulated in Wikipedia's "Fleiss' kappa" article
 * (https://en.wikipedia.org/wiki/Fleiss%27_kappa, "Worked example"): 10 subjects, 14 raters each,
 * 5 categories; P-bar = 0.378, P_e = 0.213, kappa = 0.210.
 */
const FLEISS_WIKIPEDIA = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C ("nominal data,
 * any number of observers, missing data"): observers A-D code 12 units with values 1-5 (null:
 * no value). The paper's margins are n_1..n_5 = 9, 13, 10, 5, 3 (n = 40 pairable values) and its
 * nominal alpha is 0.743. Values here are category indices, value v -> v - 1.
 */
const KRIPPENDORFF_2011: (number | null)[][] = [
  // A,    B,    C,    D
  [1, 1, null, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [null, 5, 5, 5],
  [null, null, 1, 1],
  [null, 3, null, null],
].map((unit) => unit.map((v) => (v === null ? null : v - 1)));

function countsOf(values: (number | null)[], categories: number): number[] {
  const counts = new Array<number>(categories).fill(0);
  for (const v of values) if (v !== null) counts[v]!++;
  return counts;
}

describe('percent agreement and Cohen\'s kappa (two raters)', () => {
  // By hand: 50 items, rater A says yes to 25, rater B to 30; both yes 20, both no 15.
  // p_o = (20 + 15) / 50 = 0.7; p_e = (25 * 30 + 25 * 20) / 50^2 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4.
  const table = [
    [20, 5],
    [10, 15],
  ];

  it('percent agreement is the diagonal share', () => {
    expect(percentAgreement(table)).toBeCloseTo(0.7, 12);
  });

  it('kappa corrects it by the agreement expected from each rater\'s marginals', () => {
    expect(cohensKappa(table)).toBeCloseTo(0.4, 12);
  });

  it('perfect agreement is 1 and agreement at chance is 0', () => {
    expect(cohensKappa([[3, 0], [0, 7]])).toBe(1);
    // Independent raters: the table is the outer product of the margins (0.5, 0.5) x (0.2, 0.8).
    expect(cohensKappa([[10, 40], [10, 40]])).toBeCloseTo(0, 12);
  });

  it('is undefined (NaN) when every label is one category, and a non-square table is an error', () => {
    expect(cohensKappa([[5, 0], [0, 0]])).toBeNaN();
    expect(() => cohensKappa([[1, 2], [3]])).toThrow(/square/);
  });
});

describe('Fleiss\' kappa (k raters per item)', () => {
  it('reproduces the worked example: kappa = 0.210', () => {
    expect(fleissKappa(FLEISS_WIKIPEDIA)).toBeCloseTo(0.21, 3);
  });

  it('computes P-bar and P_e as the example does', () => {
    // P_e from the pooled shares p_j = column totals / 140.
    const totals = [20, 28, 39, 21, 32];
    const pe = totals.reduce((s, t) => s + (t / 140) ** 2, 0);
    expect(pe).toBeCloseTo(0.213, 3);
    const pBar = FLEISS_WIKIPEDIA.reduce((s, row) => s + (row.reduce((q, x) => q + x * x, 0) - 14) / (14 * 13), 0) / 10;
    expect(pBar).toBeCloseTo(0.378, 3);
    expect(fleissKappa(FLEISS_WIKIPEDIA)).toBeCloseTo((pBar - pe) / (1 - pe), 12);
  });

  it('rejects items with different numbers of raters', () => {
    expect(() => fleissKappa([[2, 0], [1, 2]])).toThrow(/same number of raters/);
  });
});

describe('Krippendorff\'s alpha (nominal, missing data allowed)', () => {
  const o = coincidenceMatrix(KRIPPENDORFF_2011, 5);

  it('builds the paper\'s coincidence matrix: margins 9, 13, 10, 5, 3 and n = 40', () => {
    const margins = o.map((row) => row.reduce((s, x) => s + x, 0));
    [9, 13, 10, 5, 3].forEach((m, c) => expect(margins[c]).toBeCloseTo(m, 12));
    // Unit 6 (values 1, 2, 3, 4 from four observers) puts 1/3 in each off-diagonal cell among them;
    // unit 2 (2, 2, 3, 2) gives o_22 = 3*2/3 = 2 and o_23 = 3/3 = 1.
    expect(o[0]![1]).toBeCloseTo(1 / 3 + 1, 12); // unit 6, and unit 8 (1, 1, 2, 1)
    expect(o[3]![4]).toBe(0);
  });

  it('reproduces the paper\'s nominal alpha = 0.743', () => {
    expect(krippendorffAlpha(o)).toBeCloseTo(0.743, 3);
  });

  it('with two raters and no missing values, tends to Scott\'s pi corrected for sample size', () => {
    // alpha = 1 - (n - 1) D_o / D_e; by hand for 4 units coded (0,0), (0,1), (1,1), (1,1):
    // n = 8, n_0 = 3, n_1 = 5, o_01 = o_10 = 1; alpha = 1 - 7 * 2 / (64 - 9 - 25) = 1 - 14/30.
    const small = coincidenceMatrix([[0, 0], [0, 1], [1, 1], [1, 1]], 2);
    expect(krippendorffAlpha(small)).toBeCloseTo(1 - 14 / 30, 12);
  });

  it('skips units with a single value and rejects values outside the categories', () => {
    expect(coincidenceMatrix([[null, 1, null]], 2)).toEqual([[0, 0], [0, 0]]);
    expect(() => coincidenceMatrix([[0, 2]], 2)).toThrow(/category index/);
  });
});

describe('the agreement tally (sufficient statistics, items added one at a time)', () => {
  it('gives the same Fleiss kappa as the table', () => {
    const tally = new AgreementTally(5);
    for (const row of FLEISS_WIKIPEDIA) tally.addItem(row);
    expect(tally.fleissKappa()).toBeCloseTo(fleissKappa(FLEISS_WIKIPEDIA), 12);
    expect(tally.items).toBe(10);
    expect(tally.labels).toBe(140);
  });

  it('gives the same alpha as the coincidence matrix, missing values included', () => {
    const tally = new AgreementTally(5);
    for (const unit of KRIPPENDORFF_2011) tally.addItem(countsOf(unit, 5));
    expect(tally.krippendorffAlpha()).toBeCloseTo(krippendorffAlpha(coincidenceMatrix(KRIPPENDORFF_2011, 5)), 12);
    expect(tally.items).toBe(11); // unit 12 has one value
    expect(tally.labels).toBe(40);
  });

  it('with two labels per item, its percent agreement is the diagonal share of the pair table', () => {
    const tally = new AgreementTally(2);
    // The Cohen table above as items: 20 x (yes, yes), 5 x (yes, no), 10 x (no, yes), 15 x (no, no).
    for (let i = 0; i < 20; i++) tally.addItem([2, 0]);
    for (let i = 0; i < 15; i++) tally.addItem([1, 1]);
    for (let i = 0; i < 15; i++) tally.addItem([0, 2]);
    expect(tally.percentAgreement()).toBeCloseTo(0.7, 12);
  });

  it('is NaN before any pairable item', () => {
    const tally = new AgreementTally(3);
    tally.addItem([1, 0, 0]);
    expect(tally.fleissKappa()).toBeNaN();
    expect(tally.krippendorffAlpha()).toBeNaN();
    expect(tally.percentAgreement()).toBeNaN();
  });
});
