import { randomNormal } from 'd3-random';
import type { ExchangeRatePath, ModelConfig, PoolConfig } from '../config.js';
import type { RandomSource } from '../../random/stream.js';

/**
 * What a pool's pay is worth over time, in the reporting currency, as a factor on its stated
 * rates and fees: a step function, `factor[i]` from `bounds[i]` (bounds[0] = 0) until the next
 * bound. It is the product of the pool's pay changes by date and, for a pool paid in another
 * currency, the exchange rate. A cost is priced at the factor of the instant it is incurred: an
 * hour of work when its task starts (the ledger books a task's hours then), a fee when it is
 * charged, a salaried idle hour when it is scheduled.
 */
export interface PricePath {
  bounds: Float64Array;
  factor: Float64Array;
}

const HOURS_PER_DAY = 24;
const DAYS_PER_YEAR = 365;

/** Daily values of an exchange rate from t = 0 up to the horizon (a schedule or a fixed rate: the steps themselves). */
function exchangeSteps(path: ExchangeRatePath, horizonHours: number, source: () => RandomSource, deterministic: boolean): Array<{ at: number; rate: number }> {
  switch (path.kind) {
    case 'fixed':
      return [{ at: 0, rate: path.rate }];
    case 'schedule': {
      const steps = path.steps.filter((s) => s.fromHours > 0).map((s) => ({ at: s.fromHours, rate: s.rate }));
      const first = [...path.steps].reverse().find((s) => s.fromHours <= 0) ?? path.steps[0];
      return [{ at: 0, rate: first.rate }, ...steps];
    }
    case 'random-walk': {
      // Geometric Brownian motion without drift: ln S moves by N(-s^2/2, s^2) a day, s the daily
      // volatility, so the expected rate stays at `start` (Hull, Options, Futures and Other Derivatives, ch. 15).
      const s = deterministic ? 0 : path.volatility / Math.sqrt(DAYS_PER_YEAR);
      const normal = randomNormal.source(source())(0, 1);
      const out = [{ at: 0, rate: path.start }];
      let rate = path.start;
      for (let at = HOURS_PER_DAY; at < horizonHours; at += HOURS_PER_DAY) {
        rate *= Math.exp(s * normal() - (s * s) / 2);
        out.push({ at, rate });
      }
      return out;
    }
  }
}

/** A pool's price path, or null when its pay is fixed and in the reporting currency (the ledger's plain path). */
export function pricePath(config: ModelConfig, pool: PoolConfig, exchangeSource: (currency: string) => RandomSource): PricePath | null {
  const changes = pool.payChanges ?? [];
  const foreign = pool.currency !== undefined && pool.currency !== config.currency;
  if (changes.length === 0 && !foreign) return null;
  const fx = foreign ? exchangeSteps(config.exchangeRates![pool.currency!], config.horizonHours, () => exchangeSource(pool.currency!), config.deterministic) : [{ at: 0, rate: 1 }];
  const cuts = new Set<number>([0]);
  for (const f of fx) cuts.add(f.at);
  for (const c of changes) for (const t of [c.fromHours, c.toHours]) if (t > 0 && t < config.horizonHours) cuts.add(t);
  const bounds = Float64Array.from([...cuts].sort((a, b) => a - b));
  let step = 0;
  const factor = Float64Array.from(bounds, (t) => {
    while (step + 1 < fx.length && fx[step + 1].at <= t) step++;
    let f = fx[step].rate;
    for (const c of changes) if (c.fromHours <= t && t < c.toHours) f *= c.factor;
    return f;
  });
  return { bounds, factor };
}
