import type { AnnotateStage, ModelConfig, PoolConfig, ReviewStage } from '../../../sim/model/config.js';

const WEEKDAYS_9_TO_5 = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, start: '09:00', end: '17:00' }].map((s) => ({ ...s, days: [...s.days] }));

/** A pool of `headcount` people on Mon-Fri 09:00-17:00 in the project's zone, with every option neutral. */
export function pool(name: string, headcount: number, overrides: Partial<PoolConfig> = {}): PoolConfig {
  return {
    name,
    shifts: [{ headcount, timeZone: 'UTC', shifts: WEEKDAYS_9_TO_5, holidays: [] }],
    shrinkage: 0,
    absenceRate: 0,
    speedCv: 0,
    learning: { initialFactor: 1, halfLifeItems: 1 },
    errorRate: 0,
    pay: { kind: 'salaried', perHour: 20 },
    startHours: 0,
    rampUpHours: 0,
    ...overrides,
  };
}

export function annotate(pool: string, hours: number, overrides: Partial<AnnotateStage> = {}): AnnotateStage {
  return {
    kind: 'annotate',
    name: 'annotate',
    pool,
    handling: { kind: 'deterministic', value: hours },
    labels: 1,
    adjudication: null,
    wrongAgreement: 0,
    goldShare: 0,
    reworkFactor: 1,
    maxAttempts: 100,
    escalation: null,
    ...overrides,
  };
}

export function review(pool: string, hours: number, overrides: Partial<ReviewStage> = {}): ReviewStage {
  return {
    kind: 'review',
    name: 'review',
    pool,
    handling: { kind: 'deterministic', value: hours },
    sampleRate: 1,
    detection: 1,
    falseReject: 0,
    action: 'rework',
    ...overrides,
  };
}

/** Case 1 of the brief: 500,000 frames, 10 annotators at 36 s a frame, 98% accuracy, 8-week deadline. */
export function eightWeekCase(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    clock: { startDate: '2027-01-04', timeZone: 'UTC' },
    horizonHours: 3 * 1344,
    warmupHours: 0,
    deadlineHours: 1344,
    deterministic: true,
    currency: 'USD',
    work: [{ name: 'frames', count: 500_000, arrival: { kind: 'backlog' }, complexity: 1, equivalentUnits: 1, workflow: ['annotate'] }],
    pools: [pool('annotators', 10, { errorRate: 0.02 })],
    stages: [annotate('annotators', 0.01)],
    preLabels: null,
    costs: { platformPerSeatMonth: 0, seats: null, managementPerWeek: 0, fixed: [] },
    ...overrides,
  };
}
