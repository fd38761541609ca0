import { describe, expect, it } from 'vitest';
import { feasibilityWarnings } from '../../../sim/model/feasibility.js';
import { errorOf, minimalDocument, parseDoc } from './helpers.js';

/** The minimal document with the reviewers paid in PHP, a 10% summer premium and a PHP schedule. */
function moving(): Record<string, any> {
  const doc = minimalDocument();
  doc.start = '2027-01-04';
  doc.timeZone = 'Asia/Manila';
  doc.pools.reviewers.currency = 'PHP';
  doc.pools.reviewers.payChanges = [{ from: '2027-01-11', to: '2027-01-18', factor: 1.1 }];
  doc.exchangeRates = { PHP: { schedule: [{ from: '2027-01-04', rate: 0.018 }, { from: '2027-01-11', rate: 0.02 }] } };
  return doc;
}

describe('pay that moves, in an experiment file', () => {
  it('reads dates as hours from the start (local midnight) and keeps the pool currency and the rates', () => {
    const m = parseDoc(moving()).plans[0].model;
    const reviewers = m.pools.find((p) => p.name === 'reviewers')!;
    expect(reviewers.currency).toBe('PHP');
    expect(reviewers.payChanges).toEqual([{ fromHours: 168, toHours: 336, factor: 1.1 }]);
    expect(m.exchangeRates).toEqual({ PHP: { kind: 'schedule', steps: [{ fromHours: 0, rate: 0.018 }, { fromHours: 168, rate: 0.02 }] } });
  });

  it('reads a fixed rate and a random walk with its volatility as a share', () => {
    const doc = moving();
    doc.exchangeRates = { PHP: { randomWalk: { start: 0.018, volatility: '12%' } } };
    expect(parseDoc(doc).plans[0].model.exchangeRates).toEqual({ PHP: { kind: 'random-walk', start: 0.018, volatility: 0.12 } });
    doc.exchangeRates = { PHP: 0.018 };
    expect(parseDoc(doc).plans[0].model.exchangeRates).toEqual({ PHP: { kind: 'fixed', rate: 0.018 } });
  });

  it('adds nothing to a model whose file does not use them, so its config hash is unchanged', () => {
    const m = parseDoc(minimalDocument()).plans[0].model;
    expect('exchangeRates' in m).toBe(false);
    for (const p of m.pools) expect(Object.keys(p)).not.toContain('currency');
    for (const p of m.pools) expect(Object.keys(p)).not.toContain('payChanges');
  });

  it('refuses a pool currency without an exchange rate, naming the field', () => {
    const doc = moving();
    delete doc.exchangeRates;
    expect(errorOf(() => parseDoc(doc)).message).toBe(
      'experiment.yaml: pools.reviewers.currency: expected USD, or a currency with a rate in exchangeRates (like exchangeRates: { PHP: 0.018 }), got "PHP"',
    );
  });

  it('refuses schedule steps out of date order, a change that ends before it starts, and a bad rate', () => {
    const doc = moving();
    doc.exchangeRates.PHP.schedule.reverse();
    expect(errorOf(() => parseDoc(doc)).message).toContain('exchangeRates.PHP.schedule[1].from: expected a date after 2027-01-11 (steps in date order)');
    const back = moving();
    back.pools.reviewers.payChanges[0].to = '2027-01-10';
    expect(errorOf(() => parseDoc(back)).message).toContain('pools.reviewers.payChanges[0].to: expected a date after from (2027-01-11)');
    const bad = moving();
    bad.exchangeRates.PHP = -1;
    expect(errorOf(() => parseDoc(bad)).message).toBe('experiment.yaml: exchangeRates.PHP: expected a rate > 0 (at most 1e6), got -1');
  });
});

describe('prices besides pay that change by date, in an experiment file', () => {
  const withChanges = (changes: unknown[]) => {
    const doc = minimalDocument();
    doc.start = '2027-01-04';
    doc.timeZone = 'Europe/Berlin';
    doc.costs = { platformPerSeatMonth: 60, priceChanges: changes };
    return doc;
  };

  it('reads dates as hours from the start (local midnight), by the cost line the price is booked on', () => {
    const m = parseDoc(withChanges([{ price: 'platform', from: '2027-01-11', factor: 1.2 }, { price: 'management', from: '2027-01-06', to: '2027-01-08', factor: 2 }])).plans[0].model;
    expect(m.costs.priceChanges).toEqual([
      { activity: 'platform', fromHours: 168, toHours: Infinity, factor: 1.2 },
      { activity: 'management', fromHours: 48, toHours: 96, factor: 2 },
    ]);
  });

  it('adds nothing to a model whose file sets none', () => {
    expect(Object.keys(parseDoc(minimalDocument()).plans[0].model.costs)).not.toContain('priceChanges');
  });

  it('refuses a change that ends before it starts, an unknown price and a bad factor, naming the field', () => {
    expect(errorOf(() => parseDoc(withChanges([{ price: 'platform', from: '2027-01-11', to: '2027-01-11', factor: 2 }]))).message).toContain(
      'costs.priceChanges[0].to: expected a date after from (2027-01-11), got "2027-01-11"',
    );
    expect(errorOf(() => parseDoc(withChanges([{ price: 'api', from: '2027-01-11', factor: 2 }]))).message).toContain('costs.priceChanges[0].price: expected one of platform, management, retraining, engineering, synthetic');
    expect(errorOf(() => parseDoc(withChanges([{ price: 'platform', from: '2027-01-11', factor: 0 }]))).message).toContain('costs.priceChanges[0].factor: expected a factor > 0');
  });

  it('warns, without refusing, about a change of a price the plan never charges (another plan may)', () => {
    const m = parseDoc(withChanges([{ price: 'platform', from: '2027-01-11', factor: 2 }, { price: 'retraining', from: '2027-01-11', factor: 2 }, { price: 'management', from: '2027-01-11', factor: 2 }])).plans[0].model;
    expect(feasibilityWarnings(m)).toEqual([
      'costs.priceChanges changes the retraining price, but nothing is retrained at a price (no preLabels retrainCost or training retrain.compute): the change does nothing in this plan',
      'costs.priceChanges changes the management price, but costs.managementPerWeek is 0: the change does nothing in this plan',
    ]);
    expect(feasibilityWarnings(parseDoc(minimalDocument()).plans[0].model)).toEqual([]);
  });
});
