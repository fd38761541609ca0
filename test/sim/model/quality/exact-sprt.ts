import type { FlagRule } from '../../../../sim/model/quality/flag-rule.js';

export type Sprt = Extract<FlagRule, { kind: 'sprt' }>;

/**
 * The exact operating characteristic of one SPRT at error rate p, by dynamic programming over its
 * paths (computed here from Wald's definitions, not from the module): after n answers with k
 * wrong the log-likelihood ratio is k ln(p1/p0) + (n - k) ln((1-p1)/(1-p0)); a path stops the
 * first time it reaches A = ln((1-beta)/alpha) (flag) or B = ln(beta/(1-alpha)) (cleared). Mass
 * still going after `maxAnswers` is returned as `open`.
 */
export function exactSprt(rule: Sprt, p: number, maxAnswers = 100_000): { flag: number; clear: number; open: number; meanAnswers: number } {
  const a = Math.log(rule.p1 / rule.p0);
  const b = Math.log((1 - rule.p1) / (1 - rule.p0));
  const upper = Math.log((1 - rule.beta) / rule.alpha);
  const lower = Math.log(rule.beta / (1 - rule.alpha));
  // mass[k]: probability of being still undecided after n answers with k wrong.
  let mass = new Map<number, number>([[0, 1]]);
  let flag = 0;
  let clear = 0;
  let meanAnswers = 0;
  for (let n = 1; n <= maxAnswers && mass.size > 0; n++) {
    const next = new Map<number, number>();
    const add = (k: number, m: number) => next.set(k, (next.get(k) ?? 0) + m);
    for (const [k, m] of mass) {
      add(k + 1, m * p);
      add(k, m * (1 - p));
    }
    mass = new Map();
    let live = 0;
    for (const [k, m] of next) {
      const llr = k * a + (n - k) * b;
      if (llr >= upper - 1e-12) {
        flag += m;
        meanAnswers += n * m;
      } else if (llr <= lower + 1e-12) {
        clear += m;
        meanAnswers += n * m;
      } else if (m > 1e-18) {
        mass.set(k, m);
        live += m;
      }
    }
    if (live < 1e-15) break;
  }
  const open = [...mass.values()].reduce((s, m) => s + m, 0);
  return { flag, clear, open, meanAnswers };
}

