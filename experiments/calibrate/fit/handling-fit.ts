import { fitGamma, fitLognormal, logLikelihood, moments, type GammaFit, type LognormalFit } from './distributions.js';
import { ksPValue, ksStatistic, qqPoints } from './goodness.js';
import { quantileSorted } from '../trim.js';

export interface CandidateFit<F> {
  fit: F;
  ks: number;
  pValue: number;
  logLikelihood: number;
  qq: Array<[number, number]>;
}

export interface HandlingFit {
  n: number;
  meanSeconds: number;
  medianSeconds: number;
  lognormal: CandidateFit<LognormalFit>;
  gamma: CandidateFit<GammaFit>;
  /** The fit the fragment uses: the likelier parametric fit that passes KS at `alpha`, else the empirical distribution. */
  chosen: 'lognormal' | 'gamma' | 'empirical';
  /** Quantiles at (i + 0.5)/Q, the empirical distribution the fragment gives when no fit passes. */
  empirical: number[];
  /** Counts of a histogram on a log scale for the page: edges in seconds. */
  histogram: { edges: number[]; counts: number[] };
}

export const KS_ALPHA = 0.05;
/** Points of an empirical distribution in the fragment: enough for its shape, few enough to read. */
export const EMPIRICAL_POINTS = 50;

/** Fits lognormal and gamma to handling times (seconds, > 0) by maximum likelihood and judges them by KS. */
export function fitHandling(values: Float64Array, alpha = KS_ALPHA): HandlingFit {
  const sorted = Float64Array.from(values).sort();
  const m = moments(sorted);
  const ln = fitLognormal(m);
  const ga = fitGamma(m);
  const candidate = <F extends LognormalFit | GammaFit>(fit: F): CandidateFit<F> => {
    const ks = ksStatistic(sorted, fit);
    return { fit, ks, pValue: ksPValue(ks, m.n), logLikelihood: logLikelihood(fit, m), qq: qqPoints(sorted, fit) };
  };
  const lognormal = candidate(ln);
  const gamma = candidate(ga);
  const passing = [lognormal, gamma].filter((c) => c.pValue >= alpha);
  let chosen: HandlingFit['chosen'] = 'empirical';
  if (passing.length > 0) chosen = passing.reduce((a, b) => (b.logLikelihood > a.logLikelihood ? b : a)).fit.kind;
  const empirical: number[] = [];
  for (let i = 0; i < EMPIRICAL_POINTS; i++) empirical.push(quantileSorted(sorted, (i + 0.5) / EMPIRICAL_POINTS));
  return { n: m.n, meanSeconds: m.sum / m.n, medianSeconds: quantileSorted(sorted, 0.5), lognormal, gamma, chosen, empirical, histogram: histogram(sorted) };
}

function histogram(sorted: Float64Array): { edges: number[]; counts: number[] } {
  const lo = Math.log(sorted[0]);
  const hi = Math.log(sorted[sorted.length - 1]);
  const bins = 40;
  const width = (hi - lo) / bins || 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) => Math.exp(lo + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < sorted.length; i++) counts[Math.min(bins - 1, Math.floor((Math.log(sorted[i]) - lo) / width))]++;
  return { edges, counts };
}
