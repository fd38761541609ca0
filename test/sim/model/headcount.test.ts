import { describe, expect, it } from 'vitest';
import { openHoursBetween } from '../../../sim/calendar/index.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { calendarOf, eightWeekCase, pool } from './model-fixtures.js';

const WEEK = 168;

describe('doubling the headcount of the eight-week case', () => {
  const ten = eightWeekCase();
  const twenty = eightWeekCase({ pools: [pool('annotators', 20, { errorRate: 0.02 })] });
  const shifts = ten.pools[0].shifts[0];
  const calendar = calendarOf(ten, shifts);
  const r10 = simulateReplication(ten, 1, 0);
  const r20 = simulateReplication(twenty, 1, 0);

  it('halves the completion measured in working hours, from 500 to 250', () => {
    // 5,000 person-hours of work: / 10 people = 500 shift hours, / 20 people = 250.
    expect(openHoursBetween(calendar, 0, r10.completionHours)).toBeCloseTo(5000 / 10, 9);
    expect(openHoursBetween(calendar, 0, r20.completionHours)).toBeCloseTo(5000 / 20, 9);
  });

  it('finishes at hour 1043: Tuesday 11:00 of week 7', () => {
    // 250 h = 6 weeks of 40 h (240) + 10 h: Monday's 8 h, then 2 h on Tuesday from 09:00.
    // Week 7 starts at 6 x 168 = 1008; Tuesday 11:00 is 1008 + 24 + 11 = 1043.
    const expected = 6 * WEEK + 24 + 9 + (250 - 6 * 40 - 8);
    expect(expected).toBe(1043);
    expect(r20.completionHours).toBe(expected);
  });

  it('costs the same in salaried hours, spread over half the calendar time', () => {
    // Same 5,000 paid hours either way: 20 x 250 = 10 x 500.
    expect(r20.cost).toBeCloseTo(20 * 250 * 20, 6);
    expect(r20.cost).toBeCloseTo(r10.cost, 6);
  });

  it('accepts twice as many frames by the deadline, which is then every one of them', () => {
    // 20 people x 320 h / 0.01 h = 640,000 > 500,000: all frames are in by hour 1043 < 1344.
    expect(r20.acceptedByDeadline).toBe(500_000);
    expect(r20.costAtDeadline).toBeCloseTo(r20.cost, 6);
  });
});
