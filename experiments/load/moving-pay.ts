import { localToUtcMs, parseIsoDate, projectOriginUtcMs } from '../../sim/calendar/index.js';
import type { ExchangeRatePath, PoolConfig, PriceChange } from '../../sim/model/config.js';
import type { PathSegment } from './errors.js';
import type { ModelDocument } from './schema.js';
import { shareValue } from './units.js';

type Fail = (path: PathSegment[], expected: string, got?: string) => never;

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/**
 * Pay that moves: each pool's pay changes by date and its currency, and the exchange rates, as
 * the model reads them (hours from t = 0, local midnight of each date in the experiment's zone).
 * Fields are set only when the file sets them, so a file without them makes the same model (and
 * config hash) as before they existed.
 */
export function movingPay(doc: ModelDocument, pools: PoolConfig[], fail: Fail): { exchangeRates?: Record<string, ExchangeRatePath> } {
  const origin = projectOriginUtcMs({ startDate: doc.start, timeZone: doc.timeZone });
  const hoursOf = (date: string) => (localToUtcMs(doc.timeZone, parseIsoDate(date) * MS_PER_DAY) - origin) / MS_PER_HOUR;
  const rates = doc.exchangeRates;
  for (const p of pools) {
    const d = doc.pools[p.name];
    if (d.currency !== undefined) {
      if (d.currency !== doc.currency && (rates === undefined || !Object.hasOwn(rates, d.currency))) {
        fail(['pools', p.name, 'currency'], `${doc.currency}, or a currency with a rate in exchangeRates (like exchangeRates: { ${d.currency}: 0.018 })`, JSON.stringify(d.currency));
      }
      p.currency = d.currency;
    }
    if (d.payChanges !== undefined) {
      p.payChanges = d.payChanges.map((c, i) => {
        const fromHours = hoursOf(c.from);
        const toHours = c.to === undefined ? Infinity : hoursOf(c.to);
        if (!(toHours > fromHours)) fail(['pools', p.name, 'payChanges', i, 'to'], `a date after from (${c.from})`, JSON.stringify(c.to));
        return { fromHours, toHours, factor: c.factor };
      });
    }
  }
  if (rates === undefined) return {};
  const exchangeRates: Record<string, ExchangeRatePath> = {};
  for (const [currency, r] of Object.entries(rates)) {
    if (currency === doc.currency) fail(['exchangeRates', currency], `a currency other than the reporting currency ${doc.currency}`, JSON.stringify(currency));
    if (typeof r === 'number') exchangeRates[currency] = { kind: 'fixed', rate: r };
    else if ('schedule' in r) {
      const steps = r.schedule.map((s) => ({ fromHours: hoursOf(s.from), rate: s.rate }));
      steps.forEach((s, i) => {
        if (i > 0 && !(s.fromHours > steps[i - 1].fromHours)) fail(['exchangeRates', currency, 'schedule', i, 'from'], `a date after ${r.schedule[i - 1].from} (steps in date order)`, JSON.stringify(r.schedule[i].from));
      });
      exchangeRates[currency] = { kind: 'schedule', steps };
    } else exchangeRates[currency] = { kind: 'random-walk', start: r.randomWalk.start, volatility: shareValue(r.randomWalk.volatility) as number };
  }
  return { exchangeRates };
}

/**
 * Prices besides pay that change by date (costs.priceChanges), as the ledger reads them: by the
 * activity the price is booked on, hours from t = 0. A change of a price a plan never charges is
 * not an error (another plan may charge it): `check` warns (sim/model/price-warnings.ts).
 * Undefined when the file sets none.
 */
export function datedPrices(doc: ModelDocument, fail: Fail): PriceChange[] | undefined {
  const changes = doc.costs.priceChanges;
  if (changes === undefined) return undefined;
  const origin = projectOriginUtcMs({ startDate: doc.start, timeZone: doc.timeZone });
  const hoursOf = (date: string) => (localToUtcMs(doc.timeZone, parseIsoDate(date) * MS_PER_DAY) - origin) / MS_PER_HOUR;
  return changes.map((c, i) => {
    const fromHours = hoursOf(c.from);
    const toHours = c.to === undefined ? Infinity : hoursOf(c.to);
    if (!(toHours > fromHours)) fail(['costs', 'priceChanges', i, 'to'], `a date after from (${c.from})`, JSON.stringify(c.to));
    return { activity: c.price, fromHours, toHours, factor: c.factor };
  });
}
