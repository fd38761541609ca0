import { beforeAll, describe, expect, it } from 'vitest';
import { Activity, activityNames } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import type { ReplicationResult } from '../../../sim/model/replication-result.js';
import { eightWeekCase } from './model-fixtures.js';

/*
 * Case 1: 500,000 frames at 0.01 h (36 s) each, 10 salaried annotators at $20/h on Mon-Fri
 * 09:00-17:00 UTC from Monday 2027-01-04, 2% of labels wrong, no review, an 8-week deadline.
 * Deterministic, so every figure below is exact arithmetic.
 */
const ITEMS = 500_000;
const HOURS_PER_ITEM = 0.01;
const PEOPLE = 10;
const RATE = 20;
const ERROR_RATE = 0.02;
const WEEK = 168;
const HOURS_PER_WEEK = 5 * 8;

describe('the eight-week case, run deterministically', () => {
  let r: ReplicationResult;
  beforeAll(() => {
    r = simulateReplication(eightWeekCase(), 1, 0);
  });

  it('finishes at hour 2077: Wednesday 13:00 of week 13', () => {
    // 500,000 x 0.01 h = 5,000 person-hours; / 10 people = 500 h each = 12 weeks of 40 h + 20 h.
    const hoursEach = (ITEMS * HOURS_PER_ITEM) / PEOPLE;
    expect(hoursEach).toBe(500);
    const fullWeeks = Math.floor(hoursEach / HOURS_PER_WEEK); // 12
    const leftover = hoursEach - fullWeeks * HOURS_PER_WEEK; // 20 h = Mon 8 + Tue 8 + Wed 4
    expect(leftover).toBe(20);
    // Week 13 starts at 12 x 168 = 2016; Wednesday is day 2, and 4 h after 09:00 is 13:00.
    const expected = fullWeeks * WEEK + 2 * 24 + 9 + (leftover - 2 * 8);
    expect(expected).toBe(2077);
    expect(r.completed).toBe(true);
    expect(r.completionHours).toBe(expected);
    expect(r.completionByType[0]).toBe(expected);
  });

  it('accepts 320,000 frames by the deadline at hour 1344', () => {
    // 8 weeks x 40 h x 10 people = 3,200 person-hours; / 0.01 h = 320,000 frames.
    const expected = (8 * HOURS_PER_WEEK * PEOPLE) / HOURS_PER_ITEM;
    expect(r.acceptedByDeadline).toBeCloseTo(expected, 6);
    expect(r.acceptedByDeadline).toBe(320_000);
  });

  it('is loaded 156.25% by the capacity check', () => {
    // demand 5,000 h / available 10 x 320 h = 3,200 h = 1.5625.
    const [annotators] = capacityCheck(eightWeekCase());
    expect(annotators.demandHours).toBeCloseTo(ITEMS * HOURS_PER_ITEM, 9);
    expect(annotators.availableHours).toBeCloseTo(PEOPLE * 8 * HOURS_PER_WEEK, 9);
    expect(annotators.load).toBeCloseTo(5000 / 3200, 12);
    expect(annotators.load).toBeCloseTo(1.5625, 12);
  });

  it('delivers 490,000 accurate frames, a residual error rate equal to the 2% label error rate', () => {
    // No review tier: every label is accepted as made; 2% of 500,000 = 10,000 are wrong.
    const wrong = ITEMS * ERROR_RATE;
    expect(r.accepted).toBe(ITEMS);
    expect(r.errorsMade).toBe(wrong);
    expect(r.errorsFound).toBe(0);
    expect(r.accurate).toBe(ITEMS - wrong);
    expect(r.accurate).toBe(490_000);
    expect(r.residualErrorRate).toBeCloseTo(ERROR_RATE, 12);
  });

  it('costs 10 people x 500 h x $20 in total and 10 x 320 h x $20 at the deadline', () => {
    const total = PEOPLE * 500 * RATE; // 100,000
    const atDeadline = PEOPLE * 8 * HOURS_PER_WEEK * RATE; // 64,000
    expect(r.cost).toBeCloseTo(total, 6);
    expect(r.costAtDeadline).toBeCloseTo(atDeadline, 6);
    // All of it is annotation: the salaried people were never idle on shift.
    expect(r.costByActivity[Activity.annotation]).toBeCloseTo(total, 6);
    expect(r.costByActivity[Activity.idle]).toBeCloseTo(0, 6);
    expect(r.costByActivityAtDeadline[Activity.annotation]).toBeCloseTo(atDeadline, 6);
    expect(r.costByActivity.length).toBe(activityNames(eightWeekCase()).length);
    // Unit cost is per accurate frame: 100,000 / 490,000.
    expect(r.unitCost).toBeCloseTo(total / 490_000, 12);
  });

  it('keeps every annotator busy for all 500 of their shift hours', () => {
    expect(r.busyHours[0]).toBeCloseTo(PEOPLE * 500, 6);
    expect(r.utilization[0]).toBeCloseTo(1, 9);
  });

  it('counts down 8,000 frames a working day and nothing at weekends', () => {
    // 10 people x 8 h / 0.01 h = 8,000 frames a weekday; day 0 ends at t = 24 (Monday night).
    const perDay = (PEOPLE * 8) / HOURS_PER_ITEM;
    expect(Array.from(r.remainingByDay.slice(0, 7))).toEqual([1, 2, 3, 4, 5, 5, 5].map((d) => ITEMS - d * perDay));
    // After 12 weeks (day index 83 ends at t = 84 x 24 = 2016) 500,000 - 60 x 8,000 = 20,000 remain;
    // Monday and Tuesday of week 13 take 8,000 each, and Wednesday (day 86, ending at 2088) the last 4,000.
    const afterTwelveWeeks = ITEMS - 12 * 5 * perDay;
    expect(Array.from(r.remainingByDay.slice(83, 88))).toEqual([afterTwelveWeeks, afterTwelveWeeks - perDay, afterTwelveWeeks - 2 * perDay, 0, 0]);
    expect(r.remainingByDay.every((x, d) => d < 86 || x === 0)).toBe(true);
  });
});
