import { openIntervals, type Weekday } from '../../../sim/calendar/index.js';
import type { AnnotateStage, ModelConfig, PoolConfig, ReviewStage, ShiftGroup, WorkType } from '../../../sim/model/config.js';

const WEEKDAYS_9_TO_5 = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, start: '09:00', end: '17:00' }].map((s) => ({ ...s, days: [...s.days] }));

/** A pool of `headcount` people on Mon-Fri 09:00-17:00 in the project's zone, with every option neutral. */
export function pool(name: string, headcount: number, overrides: Partial<PoolConfig> = {}): PoolConfig {
  return {
    name,
    shifts: [{ headcount, timeZone: 'UTC', shifts: WEEKDAYS_9_TO_5, holidays: [] }],
    shrinkage: 0,
    absenceRate: 0,
    speedCv: 0,
    pace: 1,
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
    pools: [pool],
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
    pools: [pool],
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

export const EVERY_DAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const WEEKDAYS_ONLY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** One crew: `headcount` people on `days` from `start` to `end` local time in `timeZone`. */
export function crew(headcount: number, timeZone = 'UTC', start = '09:00', end = '17:00', days: Weekday[] = WEEKDAYS_ONLY): ShiftGroup {
  return { headcount, timeZone, shifts: [{ days: [...days], start, end }], holidays: [] };
}

/** A crew that is never off shift: every day 00:00-24:00 (touching days merge into one interval). */
export function roundTheClock(headcount: number): ShiftGroup {
  return crew(headcount, 'UTC', '00:00', '24:00', EVERY_DAY);
}

/** A work type of `count` items delivered as a backlog at t = 0 unless `overrides` say otherwise. */
export function work(count: number, workflow: string[] = ['annotate'], overrides: Partial<WorkType> = {}): WorkType {
  return { name: 'items', count, arrival: { kind: 'backlog' }, complexity: 1, equivalentUnits: 1, workflow, ...overrides };
}

/** A small deterministic project on the UTC clock of the fixtures: no deadline, a 12-week horizon, no overheads. */
export function smallCase(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return eightWeekCase({ horizonHours: 12 * 168, deadlineHours: null, work: [work(1000)], ...overrides });
}

/** Open intervals of a crew's calendar on the config's clock, up to its horizon. */
export function calendarOf(config: ModelConfig, shifts: ShiftGroup): Float64Array {
  return openIntervals(shifts, config.clock, config.horizonHours);
}
