import fc from 'fast-check';
import type { Arrival, ModelConfig, PayModel, PoolConfig, PreLabelConfig, ReviewStage, ShiftGroup } from '../../../sim/model/config.js';
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

// fast-check favours the ends of a range (0, the smallest double): most tiers would review nothing
// and catch nothing. These shares are mostly a working tier's, with the ends kept in the mix.
const workingShare = fc.oneof({ arbitrary: hours(0.2, 1), weight: 3 }, { arbitrary: fc.constantFrom(1, 1), weight: 1 }, { arbitrary: share(), weight: 1 });

const tier = (name: string): fc.Arbitrary<ReviewStage> =>
  fc.record({ mean: hours(0.005, 0.1), sampleRate: workingShare, detection: workingShare, falseReject: share(0.6), action: fc.constantFrom<'rework' | 'audit'>('rework', 'rework', 'audit') }).chain((t) =>
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

export const operation: fc.Arbitrary<ModelConfig> = fc
  .record({
    deterministic: fc.boolean(),
    counts: fc.array(fc.record({ count: fc.integer({ min: 1, max: 300 }), arrival, complexity: hours(0.5, 2) }), { minLength: 1, maxLength: 2 }),
    annotators: peopleOf('annotators', fc.oneof({ arbitrary: hours(0.05, 0.4), weight: 3 }, { arbitrary: share(0.4), weight: 1 })),
    reviewers: peopleOf('reviewers', share(0.2)),
    leads: peopleOf('leads', share(0.2)),
    handlingMean: hours(0.01, 0.5),
    tiers: fc.constantFrom(0, 1, 2, 2),
    tier1: tier('review1'),
    tier2: tier('review2'),
    labels: fc.integer({ min: 1, max: 3 }),
    wrongAgreement: share(),
    goldShare: share(0.3),
    reworkFactor: hours(0.1, 1.5),
    maxAttempts: fc.constantFrom(1, 1, 2, 3, 5),
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

