import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import type { Arrival, ModelConfig, PayModel, PoolConfig, PreLabelConfig, ReviewStage, ShiftGroup } from '../../../sim/model/config.js';
import type { ReplicationResult } from '../../../sim/model/replication-result.js';
import type { Distribution } from '../../../sim/random/distribution.js';
import { annotate, crew, pool, review, roundTheClock, work } from './model-fixtures.js';

/*
 * Small random operations: 1-2 work types of 1-300 items, 1-5 people per pool, handling 0.01-0.5 h
 * under any distribution, up to two review tiers (rework or audit), consensus of 1-3 labels with
 * adjudication, gold, escalation, pre-labels, absences, paces, learning, every pay model, either
 * mode. Whatever the operation, the books must balance.
 */

const share = (max = 1) => fc.double({ min: 0, max, noNaN: true });
const hours = (min: number, max: number) => fc.double({ min, max, noNaN: true });

const distribution = (mean: number): fc.Arbitrary<Distribution> =>
  fc.oneof(
    fc.constant<Distribution>({ kind: 'deterministic', value: mean }),
    fc.constant<Distribution>({ kind: 'exponential', mean }),
    share(1.5).map<Distribution>((cv) => ({ kind: 'lognormal', mean, cv: cv + 0.05 })),
    share(1.5).map<Distribution>((cv) => ({ kind: 'gamma', mean, cv: cv + 0.05 })),
    fc.constant<Distribution>({ kind: 'uniform', min: mean / 2, max: (mean * 3) / 2 }),
    fc.constant<Distribution>({ kind: 'triangular', min: mean / 2, mode: mean, max: 2 * mean - mean / 2 }),
  );

const payModel: fc.Arbitrary<PayModel> = fc.oneof(
  hours(5, 50).map<PayModel>((perHour) => ({ kind: 'salaried', perHour })),
  hours(5, 50).map<PayModel>((perHour) => ({ kind: 'hourly', perHour })),
  fc.record({ perItem: hours(0.01, 2), penaltyPerError: hours(0, 3) }).map<PayModel>((p) => ({ kind: 'per-item', ...p })),
  hours(0.01, 2).map<PayModel>((perItem) => ({ kind: 'per-accepted', perItem })),
);

const shifts = (headcount: number): fc.Arbitrary<ShiftGroup> =>
  fc.constantFrom(crew(headcount), roundTheClock(headcount), crew(headcount, 'Asia/Manila'), crew(headcount, 'America/New_York', '08:00', '20:00'));

const peopleOf = (name: string, errorRate: fc.Arbitrary<number>): fc.Arbitrary<PoolConfig> =>
  fc.integer({ min: 1, max: 5 }).chain((headcount) =>
    fc.record({ shift: shifts(headcount), errorRate, pay: payModel, absenceRate: share(0.3), speedCv: share(0.5), shrinkage: share(0.3), initialFactor: hours(1, 2), startHours: fc.constantFrom(0, 0, 30), rampUpHours: fc.constantFrom(0, 0, 40) }).map((p) =>
      pool(name, headcount, {
        shifts: [p.shift],
        errorRate: p.errorRate,
        pay: p.pay,
        absenceRate: p.absenceRate,
        speedCv: p.speedCv,
        shrinkage: p.shrinkage,
        learning: { initialFactor: p.initialFactor, halfLifeItems: 20 },
        startHours: p.startHours,
        rampUpHours: p.rampUpHours,
      }),
    ),
  );

const tier = (name: string): fc.Arbitrary<ReviewStage> =>
  fc.record({ mean: hours(0.005, 0.1), sampleRate: share(), detection: share(), falseReject: share(0.6), action: fc.constantFrom<'rework' | 'audit'>('rework', 'rework', 'audit') }).chain((t) =>
    distribution(t.mean).map((handling) => review('reviewers', t.mean, { name, handling, sampleRate: t.sampleRate, detection: t.detection, falseReject: t.falseReject, action: t.action })),
  );

const arrival: fc.Arbitrary<Arrival> = fc.oneof(
  fc.constant<Arrival>({ kind: 'backlog' }),
  fc.record({ firstHours: hours(0, 100), everyHours: hours(1, 48), batch: fc.integer({ min: 1, max: 50 }) }).map<Arrival>((a) => ({ kind: 'schedule', ...a })),
  hours(0.5, 20).map<Arrival>((perHour) => ({ kind: 'poisson', perHour })),
);

const preLabels: fc.Arbitrary<PreLabelConfig | null> = fc.option(
  fc
    .record({ firstRetrainAfter: fc.integer({ min: 1, max: 300 }), retrainEvery: fc.integer({ min: 1, max: 200 }), retrainHours: hours(0, 10), retrainCost: hours(0, 100), handlingFactor: hours(0.3, 1), errorFactor: hours(0.3, 1), improvement: share(), floorShare: share() })
    .map(({ floorShare, ...p }) => ({ ...p, handlingFloor: p.handlingFactor * floorShare, errorFloor: p.errorFactor * floorShare })),
  { nil: null },
);

const HORIZON = 8 * 168;

const operation: fc.Arbitrary<ModelConfig> = fc
  .record({
    deterministic: fc.boolean(),
    counts: fc.array(fc.record({ count: fc.integer({ min: 1, max: 300 }), arrival, complexity: hours(0.5, 2) }), { minLength: 1, maxLength: 2 }),
    annotators: peopleOf('annotators', share(0.4)),
    reviewers: peopleOf('reviewers', share(0.2)),
    leads: peopleOf('leads', share(0.2)),
    handlingMean: hours(0.01, 0.5),
    tiers: fc.integer({ min: 0, max: 2 }),
    tier1: tier('review1'),
    tier2: tier('review2'),
    labels: fc.integer({ min: 1, max: 3 }),
    wrongAgreement: share(),
    goldShare: share(0.3),
    reworkFactor: hours(0.1, 1.5),
    maxAttempts: fc.integer({ min: 1, max: 5 }),
    escalate: fc.boolean(),
    preLabels,
    deadlineHours: fc.option(fc.integer({ min: 1, max: HORIZON }), { nil: null }),
    platform: hours(0, 100),
    management: hours(0, 500),
    fixed: hours(0, 1000),
  })
  .chain((o) =>
    fc.tuple(distribution(o.handlingMean), distribution(o.handlingMean * 2)).map(([handling, adjudicationHandling]): ModelConfig => {
      const reviews = [o.tier1, o.tier2].slice(0, o.tiers);
      return {
        clock: { startDate: '2027-01-04', timeZone: 'UTC' },
        horizonHours: HORIZON,
        warmupHours: 0,
        deadlineHours: o.deadlineHours,
        deterministic: o.deterministic,
        currency: 'USD',
        work: o.counts.map((w, i) => work(w.count, ['annotate', ...reviews.map((t) => t.name)], { name: `type${i}`, arrival: w.arrival, complexity: w.complexity })),
        pools: [o.annotators, o.reviewers, o.leads],
        stages: [
          annotate('annotators', o.handlingMean, {
            handling,
            labels: o.labels,
            adjudication: o.labels > 1 ? 'adjudicate' : null,
            wrongAgreement: o.wrongAgreement,
            goldShare: o.goldShare,
            reworkFactor: o.reworkFactor,
            maxAttempts: o.maxAttempts,
            escalation: o.escalate ? 'escalate' : null,
          }),
          ...reviews,
          annotate('leads', o.handlingMean * 2, { name: 'adjudicate', handling: adjudicationHandling }),
          annotate('leads', o.handlingMean * 3, { name: 'escalate' }),
        ],
        preLabels: o.preLabels,
        costs: { platformPerSeatMonth: o.platform, seats: null, managementPerWeek: o.management, fixed: [{ activity: 'guidelines', amount: o.fixed }] },
      };
    }),
  );

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

function expectBooksBalance(config: ModelConfig, r: ReplicationResult): void {
  const count = config.work.reduce((n, w) => n + (w.count ?? 0), 0);
  // Items are conserved: none invented, all of them in when the run completes.
  expect(r.accepted).toBeLessThanOrEqual(count);
  expect(r.accurate).toBeGreaterThanOrEqual(0);
  expect(r.accurate).toBeLessThanOrEqual(r.accepted);
  expect(r.acceptedByDeadline).toBeLessThanOrEqual(r.accepted);
  if (r.completed) {
    expect(r.accepted).toBe(count);
    expect(r.completionHours).toBeGreaterThanOrEqual(0);
    expect(r.completionHours).toBeLessThanOrEqual(config.horizonHours);
    for (const t of r.completionByType) expect(t).toBeLessThanOrEqual(r.completionHours);
  } else {
    expect(r.completionHours).toBeNaN();
    expect(r.accepted).toBeLessThan(count);
  }
  expect(r.residualErrorRate).toBeGreaterThanOrEqual(0);
  expect(r.residualErrorRate).toBeLessThanOrEqual(1);
  expect(r.errorsFound).toBeLessThanOrEqual(r.errorsMade);
  // Waits are never negative.
  for (const w of [...r.waitMean, ...r.waitP95]) {
    expect(Number.isFinite(w)).toBe(true);
    expect(w).toBeGreaterThanOrEqual(0);
  }
  // Every cost is a finite number, and the activities add up to the total.
  for (const c of [...r.costByActivity, ...r.costByActivityAtDeadline]) expect(Number.isFinite(c)).toBe(true);
  expect(Math.abs(sum(r.costByActivity) - r.cost)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(r.cost)));
  expect(Math.abs(sum(r.costByActivityAtDeadline) - r.costAtDeadline)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(r.costAtDeadline)));
  // Work cannot exceed the hours people were on shift.
  for (let p = 0; p < r.utilization.length; p++) {
    expect(r.busyHours[p]).toBeGreaterThanOrEqual(0);
    expect(r.utilization[p]).toBeLessThanOrEqual(1 + 1e-9);
  }
  // What is left at each day's end never grows, starts at most at the count and ends at what was left.
  expect(r.remainingByDay.length).toBe(Math.ceil(config.horizonHours / 24));
  for (let d = 0; d < r.remainingByDay.length; d++) {
    expect(r.remainingByDay[d]).toBeGreaterThanOrEqual(count - r.accepted);
    expect(r.remainingByDay[d]).toBeLessThanOrEqual(d === 0 ? count : r.remainingByDay[d - 1]);
  }
  expect(r.remainingByDay[r.remainingByDay.length - 1]).toBe(count - r.accepted);
}

describe('for any small operation', () => {
  it('conserves items, balances the books and never lets the remaining work grow', () => {
    fc.assert(
      fc.property(operation, (config) => {
        expectBooksBalance(config, simulateReplication(config, 17, 0));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same replication twice', () => {
    fc.assert(
      fc.property(operation, fc.integer({ min: 0, max: 1000 }), (config, replication) => {
        expect(simulateReplication(config, 5, replication)).toEqual(simulateReplication(config, 5, replication));
      }),
      { numRuns: 30 },
    );
  });

  it('gets a non-negative demand, available hours and load from the capacity check for every pool', () => {
    fc.assert(
      fc.property(operation, (config) => {
        for (const p of capacityCheck(config)) {
          // Not quite 0: with a label error rate near 0, the disagreement share 1 - (1 - e)^k - e^k w
          // rounds to -5e-324, a denormal below zero (harmless, hence the tolerance).
          expect(p.demandHours).toBeGreaterThanOrEqual(-1e-12);
          expect(p.availableHours).toBeGreaterThanOrEqual(0);
          expect(p.load).toBeGreaterThanOrEqual(-1e-12);
          expect(p.load).not.toBeNaN();
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('on a day boundary', () => {
  it('counts an item accepted at exactly a day’s end as done by that day', () => {
    // One person always on shift; items of 20 h and 28 h (complexities 20 and 28 of a 1 h task):
    // the second is accepted at t = 48, the very end of day 1, so day 1 ends with nothing left.
    const config: ModelConfig = {
      clock: { startDate: '2027-01-04', timeZone: 'UTC' },
      horizonHours: 24 * 5,
      warmupHours: 0,
      deadlineHours: null,
      deterministic: true,
      currency: 'USD',
      work: [work(1, ['annotate'], { name: 'a', complexity: 20 }), work(1, ['annotate'], { name: 'b', complexity: 28 })],
      pools: [pool('annotator', 1, { shifts: [roundTheClock(1)] })],
      stages: [annotate('annotator', 1)],
      preLabels: null,
      costs: { platformPerSeatMonth: 0, seats: null, managementPerWeek: 0, fixed: [] },
    };
    const r = simulateReplication(config, 1, 0);
    expect(r.completionHours).toBe(48);
    expect(Array.from(r.remainingByDay)).toEqual([1, 0, 0, 0, 0]);
  });

  it('fills the days past a horizon that falls inside a day with what was left at the horizon', () => {
    // The eight-week case stopped at t = 100 (Friday 04:00): 4 days x 8,000 frames done; the
    // day ending at t = 120 is past the horizon and must not show the full 500,000 again.
    const config: ModelConfig = {
      clock: { startDate: '2027-01-04', timeZone: 'UTC' },
      horizonHours: 100,
      warmupHours: 0,
      deadlineHours: null,
      deterministic: true,
      currency: 'USD',
      work: [work(500_000)],
      pools: [pool('annotators', 10)],
      stages: [annotate('annotators', 0.01)],
      preLabels: null,
      costs: { platformPerSeatMonth: 0, seats: null, managementPerWeek: 0, fixed: [] },
    };
    const r = simulateReplication(config, 1, 0);
    expect(r.completed).toBe(false);
    expect(Array.from(r.remainingByDay)).toEqual([492_000, 484_000, 476_000, 468_000, 468_000]);
  });
});
