import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadExperiment, parseExperiment } from '../../../experiments/load/index.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import { FIXTURE, minimalDocument, parseDoc } from './helpers.js';

describe('a complete experiment file', () => {
  const experiment = loadExperiment(FIXTURE);
  const model = experiment.plans[0].model;

  it('keeps the experiment settings', () => {
    expect(experiment.file).toBe(FIXTURE);
    expect(experiment.name).toBe('eight-week-video');
    expect(experiment.seed).toBe(42);
    expect(experiment.replications).toBe(1000);
    expect(experiment.plans.map((p) => p.name)).toEqual(['baseline', 'more-annotators', 'no-prelabels']);
    expect(experiment.plans[0].description).toBe('As planned.');
    expect(experiment.configHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('turns durations into hours and rates into per hour', () => {
    expect(model.clock).toEqual({ startDate: '2027-01-04', timeZone: 'Europe/Berlin' });
    expect(model.deadlineHours).toBe(1344);
    expect(model.horizonHours).toBe(24 * 168);
    expect(model.warmupHours).toBe(0);
    expect(model.currency).toBe('EUR');
    expect(model.work[1].arrival).toEqual({ kind: 'poisson', perHour: 9 });
    expect(model.stages[0]).toMatchObject({ kind: 'annotate', handling: { kind: 'lognormal', mean: 0.01, cv: 0.4 } });
    expect(model.stages[1].handling).toEqual({ kind: 'deterministic', value: 2 / 60 });
    expect(model.stages[2].handling).toEqual({ kind: 'empirical', samples: [10 / 3600, 12 / 3600, 15 / 3600] });
    expect(model.pools[1].startHours).toBe(168);
    expect(model.pools[1].rampUpHours).toBe(48);
    expect(model.preLabels?.retrainHours).toBe(48);
  });

  it('builds the whole model config, filling in every default', () => {
    const expected: ModelConfig = {
      clock: { startDate: '2027-01-04', timeZone: 'Europe/Berlin' },
      horizonHours: 4032,
      warmupHours: 0,
      deadlineHours: 1344,
      deterministic: false,
      currency: 'EUR',
      work: [
        { name: 'frames', count: 500000, arrival: { kind: 'backlog' }, complexity: 1, equivalentUnits: 1, workflow: ['annotate', 'review'] },
        { name: 'clips', count: null, arrival: { kind: 'poisson', perHour: 9 }, complexity: 2.5, equivalentUnits: 3, workflow: ['annotate'] },
      ],
      pools: [
        {
          name: 'annotators',
          shifts: [
            {
              headcount: 10,
              timeZone: 'Europe/Berlin',
              shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
              holidays: ['2027-04-02', '2027-04-05'],
            },
          ],
          shrinkage: 0.15,
          absenceRate: 0.05,
          speedCv: 0.2,
          pace: 1.1,
          learning: { initialFactor: 1.5, halfLifeItems: 200 },
          errorRate: 0.08,
          pay: { kind: 'salaried', perHour: 18 },
          startHours: 0,
          rampUpHours: 0,
        },
        {
          name: 'reviewers',
          shifts: [
            {
              headcount: 3,
              timeZone: 'Asia/Kolkata',
              shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], start: '08:00', end: '16:00' }],
              holidays: [],
            },
            {
              headcount: 2,
              timeZone: 'America/New_York',
              shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '12:00', end: '20:00' }],
              holidays: [],
            },
          ],
          shrinkage: 0,
          absenceRate: 0,
          speedCv: 0,
          pace: 1,
          learning: { initialFactor: 1, halfLifeItems: 1 },
          errorRate: 0,
          pay: { kind: 'per-item', perItem: 0.05, penaltyPerError: 0.01 },
          startHours: 168,
          rampUpHours: 48,
        },
        {
          name: 'experts',
          shifts: [
            {
              headcount: 1,
              timeZone: 'Europe/Berlin',
              shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }],
              holidays: [],
            },
          ],
          shrinkage: 0,
          absenceRate: 0,
          speedCv: 0,
          pace: 1,
          learning: { initialFactor: 1, halfLifeItems: 1 },
          errorRate: 0,
          pay: { kind: 'hourly', perHour: 40 },
          startHours: 0,
          rampUpHours: 0,
        },
      ],
      stages: [
        {
          kind: 'annotate',
          name: 'annotate',
          pools: ['annotators'],
          handling: { kind: 'lognormal', mean: 0.01, cv: 0.4 },
          labels: 1,
          adjudication: null,
          wrongAgreement: 0,
          goldShare: 0,
          reworkFactor: 0.5,
          maxAttempts: 3,
          escalation: 'expert',
        },
        {
          kind: 'annotate',
          name: 'expert',
          pools: ['experts'],
          handling: { kind: 'deterministic', value: 2 / 60 },
          labels: 1,
          adjudication: null,
          wrongAgreement: 0,
          goldShare: 0,
          reworkFactor: 1,
          maxAttempts: 3,
          escalation: null,
        },
        {
          kind: 'review',
          name: 'review',
          pools: ['reviewers'],
          handling: { kind: 'empirical', samples: [10 / 3600, 12 / 3600, 15 / 3600] },
          sampleRate: 0.1,
          detection: 0.9,
          falseReject: 0.02,
          action: 'rework',
        },
      ],
      preLabels: {
        firstRetrainAfter: 50000,
        retrainEvery: 100000,
        retrainHours: 48,
        retrainCost: 2000,
        handlingFactor: 0.6,
        errorFactor: 0.9,
        improvement: 0.8,
        handlingFloor: 0.4,
        errorFloor: 0.9,
      },
      costs: {
        platformPerSeatMonth: 120,
        seats: null,
        managementPerWeek: 1500,
        fixed: [
          { activity: 'guidelines', amount: 4000 },
          { activity: 'goldSet', amount: 2500 },
          { activity: 'agreementAudits', amount: 1500 },
        ],
      },
    };
    expect(model).toEqual(expected);
  });

  it('keeps the validated document, defaults filled in and still in file terms', () => {
    const doc = experiment.document as Record<string, any>;
    expect(doc.deadline).toBe('8w');
    expect(doc.stages.review.sample).toBe('10%');
    expect(doc.pools.experts.shrinkage).toBe(0);
    expect(doc.pools.experts.pay).toEqual({ hourly: '40/h' });
    // The validated document is itself a valid experiment, and loads into the same plans.
    const again = parseExperiment(JSON.stringify(doc), 'again.json');
    expect(again.plans).toEqual(experiment.plans);
    expect(again.configHash).toBe(experiment.configHash);
  });

  it('reads the same experiment from JSON', () => {
    const yaml = readFileSync(FIXTURE, 'utf8');
    const fromJson = parseExperiment(JSON.stringify(parseExperiment(yaml, 'x.yaml').document), 'x.json');
    expect(fromJson.plans).toEqual(experiment.plans);
  });
});

describe('the example experiments of the repository', () => {
  for (const file of ['experiments/eight-week-video.yaml', 'experiments/vendor-comparison.yaml', 'experiments/validation/mmc.yaml']) {
    it(`load: ${file}`, () => {
      const experiment = loadExperiment(file);
      expect(experiment.plans.length).toBeGreaterThan(0);
    });
  }
});

describe('a minimal experiment', () => {
  const experiment = parseDoc(minimalDocument());
  const model = experiment.plans[0].model;

  it('gets the documented defaults', () => {
    expect(experiment.seed).toBe(1);
    expect(experiment.replications).toBe(100);
    expect(experiment.description).toBe('');
    expect(experiment.plans.map((p) => [p.name, p.description])).toEqual([['base', '']]);
    expect(model.clock).toEqual({ startDate: '2027-01-04', timeZone: 'UTC' });
    expect(model.deadlineHours).toBeNull();
    expect(model.horizonHours).toBe(52 * 168);
    expect(model.warmupHours).toBe(0);
    expect(model.deterministic).toBe(false);
    expect(model.currency).toBe('USD');
    expect(model.preLabels).toBeNull();
    expect(model.costs).toEqual({ platformPerSeatMonth: 0, seats: null, managementPerWeek: 0, fixed: [] });
    expect(model.work[0]).toEqual({
      name: 'frames',
      count: 1000,
      arrival: { kind: 'backlog' },
      complexity: 1,
      equivalentUnits: 1,
      workflow: ['annotate', 'review'],
    });
    expect(model.pools[1]).toEqual({
      name: 'reviewers',
      shifts: [{ headcount: 1, timeZone: 'UTC', shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' }], holidays: [] }],
      shrinkage: 0,
      absenceRate: 0,
      speedCv: 0,
      pace: 1,
      learning: { initialFactor: 1, halfLifeItems: 1 },
      errorRate: 0,
      pay: { kind: 'hourly', perHour: 25 },
      startHours: 0,
      rampUpHours: 0,
    });
    expect(model.stages[0]).toEqual({
      kind: 'annotate',
      name: 'annotate',
      pools: ['annotators'],
      handling: { kind: 'deterministic', value: 0.01 },
      labels: 1,
      adjudication: null,
      wrongAgreement: 0,
      goldShare: 0,
      reworkFactor: 1,
      maxAttempts: 3,
      escalation: null,
    });
    expect(model.stages[1]).toMatchObject({ sampleRate: 0.1, detection: 1, falseReject: 0, action: 'rework' });
  });

  it('gives every pool a pace, 1 unless the file sets one', () => {
    const doc = minimalDocument();
    doc.pools.annotators.pace = 1.1;
    expect(parseDoc(doc).plans[0].model.pools.map((p) => [p.name, p.pace])).toEqual([
      ['annotators', 1.1],
      ['reviewers', 1],
    ]);
    expect((parseDoc(doc).document as any).pools.reviewers.pace).toBe(1);
  });

  it('defaults the horizon to three times the deadline and the workflow to [annotate]', () => {
    const doc = minimalDocument();
    doc.deadline = '8w';
    delete doc.work.frames.workflow;
    const m = parseDoc(doc).plans[0].model;
    expect(m.deadlineHours).toBe(1344);
    expect(m.horizonHours).toBe(3 * 1344);
    expect(m.work[0].workflow).toEqual(['annotate']);
  });

  it('reads schedules, pay per item and pay per accepted item, seats and pool defaults', () => {
    const doc = minimalDocument();
    doc.work.frames = { count: null, arrival: { schedule: { every: '1w', batch: 50000 } }, complexity: 2 };
    doc.pools.annotators.pay = { perItem: 0.04 };
    doc.pools.reviewers.pay = { perAccepted: 0.07 };
    doc.costs = { seats: 12 };
    doc.timeZone = 'Europe/Berlin';
    const m = parseDoc(doc).plans[0].model;
    expect(m.work[0]).toMatchObject({ count: null, arrival: { kind: 'schedule', firstHours: 0, everyHours: 168, batch: 50000 }, equivalentUnits: 2 });
    expect(m.pools[0].pay).toEqual({ kind: 'per-item', perItem: 0.04, penaltyPerError: 0 });
    expect(m.pools[1].pay).toEqual({ kind: 'per-accepted', perItem: 0.07 });
    expect(m.pools[1].shifts[0].timeZone).toBe('Europe/Berlin');
    expect(m.costs.seats).toBe(12);
  });

  it('lets pools share a stage queue, follow-the-sun', () => {
    const doc = minimalDocument();
    doc.pools.manila = { headcount: 7, timeZone: 'Asia/Manila', shifts: doc.pools.annotators.shifts, pay: { salaried: '9/h' } };
    doc.stages.annotate.pool = ['annotators', 'manila'];
    expect(parseDoc(doc).plans[0].model.stages[0].pools).toEqual(['annotators', 'manila']);
  });

  it('accepts a pool of nobody', () => {
    const doc = minimalDocument();
    doc.pools.reviewers.headcount = 0;
    expect(parseDoc(doc).plans[0].model.pools[1].shifts[0].headcount).toBe(0);
  });

  it('turns randomness off when asked to, in the file or by override', () => {
    const doc = minimalDocument();
    expect(parseExperiment(stringify(doc), 'x.yaml', { deterministic: true }).plans[0].model.deterministic).toBe(true);
    doc.deterministic = true;
    expect(parseDoc(doc).plans[0].model.deterministic).toBe(true);
    expect(parseExperiment(stringify(doc), 'x.yaml', { deterministic: false }).plans[0].model.deterministic).toBe(false);
  });

  it('reads unquoted YAML dates and clock times as text', () => {
    const text = stringify(minimalDocument()) + 'start: 2027-01-11\n';
    const withShift = text.replace(/start: "?09:00"?/, 'start: 09:00').replace(/end: "?17:00"?/, 'end: 17:00');
    const m = parseExperiment(withShift, 'x.yml').plans[0].model;
    expect(m.clock.startDate).toBe('2027-01-11');
    expect(m.pools[0].shifts[0].shifts[0]).toMatchObject({ start: '09:00', end: '17:00' });
  });

  it('hashes the meaning of the document, not its layout', () => {
    const doc = minimalDocument();
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    const a = parseDoc(doc).configHash;
    expect(parseExperiment(JSON.stringify(reordered, null, 2), 'x.json').configHash).toBe(a);
    // Writing a default out does not change the experiment either.
    expect(parseDoc({ ...doc, seed: 1 }).configHash).toBe(a);
    expect(parseDoc({ ...doc, seed: 2 }).configHash).not.toBe(a);
  });

  it('accepts a UTF-8 byte-order mark and UTF-8 text', () => {
    const doc = minimalDocument();
    doc.description = 'Étiquetage – 標註';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(stringify(doc), 'utf8')]);
    expect(parseExperiment(bytes, 'x.yaml').description).toBe('Étiquetage – 標註');
  });
});
