/**
 * When an annotator's gold answers say their error rate is too high: a sequential rule that sees
 * one answer at a time and says flag or not yet. Pure mathematics over right and wrong answers;
 * the model keeps one state per person (gold-audit.ts).
 *
 * - `sprt`: Wald's sequential probability ratio test (A. Wald, "Sequential tests of statistical
 *   hypotheses", Annals of Mathematical Statistics 16(2), 1945, 117-186) of H0: rate = p0 (an
 *   acceptable annotator) against H1: rate = p1 (a bad one). Each answer adds
 *   ln(p1/p0) when wrong and ln((1-p1)/(1-p0)) when right to the log-likelihood ratio; the
 *   person is flagged when it reaches A = ln((1-beta)/alpha) and cleared when it falls to
 *   B = ln(beta/(1-alpha)). One test flags a person whose rate is p0 with probability about
 *   alpha (at most alpha / (1 - beta), Wald's bound) and one whose rate is p1 with probability
 *   about 1 - beta. With `repeat` (continuous auditing) a cleared person's test starts again from
 *   0, so a project of many tests flags good people more often than alpha; without, a cleared
 *   person is not tested again (a qualification test).
 * - `window`: flag when `wrong` of the last `of` gold answers are wrong (a moving binomial count).
 */
export type FlagRule =
  | { kind: 'sprt'; p0: number; p1: number; alpha: number; beta: number; repeat: boolean }
  | { kind: 'window'; wrong: number; of: number };

/** The longest window a person's answers are kept for: one 32-bit word of bits. */
export const MAX_WINDOW = 32;

/** Wald's bounds and steps of an SPRT, in log-likelihood-ratio units. */
export interface SprtSteps {
  /** Flag at or above A = ln((1 - beta) / alpha). */
  upper: number;
  /** Cleared at or below B = ln(beta / (1 - alpha)). */
  lower: number;
  /** Added by a wrong answer, ln(p1 / p0) > 0, and by a right one, ln((1 - p1) / (1 - p0)) < 0. */
  wrong: number;
  right: number;
}

export function sprtSteps(rule: Extract<FlagRule, { kind: 'sprt' }>): SprtSteps {
  const { p0, p1, alpha, beta } = rule;
  return {
    upper: Math.log((1 - beta) / alpha),
    lower: Math.log(beta / (1 - alpha)),
    wrong: Math.log(p1 / p0),
    right: Math.log((1 - p1) / (1 - p0)),
  };
}

/** Per person, the state of a rule over their gold answers so far; people by index from 0. */
export class FlagTests {
  /** SPRT: the log-likelihood ratio of the test under way, NaN once cleared for good (no `repeat`). Window: unused. */
  private readonly llr: Float64Array;
  private readonly repeat: boolean;
  /** Window: the last `of` answers as bits (1 = wrong), newest lowest. */
  private readonly bits: Uint32Array;
  private readonly steps: SprtSteps | null;
  private readonly mask: number;

  constructor(
    private readonly rule: FlagRule,
    people: number,
  ) {
    this.steps = rule.kind === 'sprt' ? sprtSteps(rule) : null;
    this.repeat = rule.kind === 'sprt' ? rule.repeat : true;
    this.llr = new Float64Array(rule.kind === 'sprt' ? people : 0);
    this.bits = new Uint32Array(rule.kind === 'window' ? people : 0);
    this.mask = rule.kind === 'window' && rule.of < MAX_WINDOW ? (1 << rule.of) - 1 : 0xffffffff;
  }

  /** Person `p` answers a gold item, wrongly or not: true when this answer flags them (their test then starts again). */
  answer(p: number, wrong: boolean): boolean {
    const s = this.steps;
    if (s !== null) {
      // NaN (cleared for good) stays NaN and never reaches a bound.
      const llr = this.llr[p] + (wrong ? s.wrong : s.right);
      if (llr >= s.upper) {
        this.llr[p] = 0;
        return true;
      }
      // Cleared: the test is over; a new one starts with the next answer, or none does.
      this.llr[p] = llr <= s.lower ? (this.repeat ? 0 : NaN) : llr;
      return false;
    }
    const rule = this.rule as Extract<FlagRule, { kind: 'window' }>;
    const bits = (((this.bits[p] << 1) | (wrong ? 1 : 0)) & this.mask) >>> 0;
    if (popcount(bits) >= rule.wrong) {
      this.reset(p);
      return true;
    }
    this.bits[p] = bits;
    return false;
  }

  /** Person `p` starts afresh (retrained, or a new hire in their place). */
  reset(p: number): void {
    if (this.steps !== null) this.llr[p] = 0;
    else this.bits[p] = 0;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
