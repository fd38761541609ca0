import { describe, expect, it } from 'vitest';
import { openHoursBetween } from '../../../sim/calendar/index.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import { annotate, calendarOf, crew, eightWeekCase, pool } from './model-fixtures.js';

/*
 * The eight-week case on a Berlin clock starting Monday 2027-04-05: summer time began on
 * 28 March and ends on 31 October, after the 24-week horizon, so Berlin is UTC+2 throughout.
 * Manila is UTC+8 all year, so its 09:00-17:00 is 03:00-11:00 in Berlin, 6 h ahead of Berlin's
 * own 09:00-17:00 crew and overlapping it from 09:00 to 11:00.
 */
const clock = { startDate: '2027-04-05', timeZone: 'Europe/Berlin' };
const WEEK = 168;

const oneShift = eightWeekCase({
  clock,
  pools: [pool('berlin', 10, { shifts: [crew(10, 'Europe/Berlin')], errorRate: 0.02 })],
  stages: [annotate('berlin', 0.01)],
});
const twoZones = eightWeekCase({
  clock,
  pools: [
    pool('berlin', 5, { shifts: [crew(5, 'Europe/Berlin')], errorRate: 0.02 }),
    pool('manila', 5, { shifts: [crew(5, 'Asia/Manila')], errorRate: 0.02 }),
  ],
  stages: [annotate('berlin', 0.01, { pools: ['berlin', 'manila'] })],
});

describe('a second crew in Manila sharing the annotate queue with Berlin', () => {
  const single = simulateReplication(oneShift, 1, 0);
  const split = simulateReplication(twoZones, 1, 0);

  it('sees Manila 09:00-17:00 as 03:00-11:00 on the Berlin clock', () => {
    const manila = calendarOf(twoZones, twoZones.pools[1].shifts[0]);
    expect(Array.from(manila.slice(0, 4))).toEqual([3, 11, 24 + 3, 24 + 11]);
    // Still so in week 22, well past any daylight-saving change in either zone.
    const week22 = 21 * WEEK;
    expect(openHoursBetween(manila, week22, week22 + 24)).toBe(8);
    expect(manila).toContain(week22 + 3);
  });

  it('finishes the 10 people in one shift at hour 2077, Wednesday 13:00 Berlin time of week 13', () => {
    // As the UTC case: 500 h each = 12 weeks + Mon 8 + Tue 8 + Wed 4 h from 09:00.
    expect(single.completionHours).toBe(12 * WEEK + 2 * 24 + 13);
  });

  it('finishes the split crews at hour 2074, Wednesday 10:00, three hours sooner', () => {
    // Both plans offer 80 person-hours a weekday, all used on the backlog, so after 12 weeks
    // 5,000 - 12 x 5 x 80 = 200 h remain: Monday 80, Tuesday 80, and 40 h on Wednesday:
    // Manila alone 03:00-09:00 gives 5 x 6 = 30 h, then both crews 10 x 1 h = 10 h by 10:00.
    const remainingAfter12Weeks = 5000 - 12 * 5 * 80;
    expect(remainingAfter12Weeks - 80 - 80).toBe(5 * 6 + 10 * 1);
    const expected = 12 * WEEK + 2 * 24 + 10;
    expect(split.completionHours).toBe(expected);
    expect(split.completionHours).toBeLessThan(single.completionHours);
  });

  it('does the same 5,000 busy hours in total, Manila 2,515 and Berlin 2,485', () => {
    // Per person: 12 weeks x 40 h + Mon 8 + Tue 8, then Wednesday: Manila 03:00-10:00 = 7 h, Berlin 09:00-10:00 = 1 h.
    const manila = 5 * (12 * 40 + 8 + 8 + 7);
    const berlin = 5 * (12 * 40 + 8 + 8 + 1);
    expect(manila + berlin).toBe(5000);
    expect(split.busyHours[0]).toBeCloseTo(berlin, 6);
    expect(split.busyHours[1]).toBeCloseTo(manila, 6);
    expect(single.busyHours[0]).toBeCloseTo(5000, 6);
  });

  it('costs the same salaried hours, none of them idle', () => {
    // Every scheduled hour up to completion was worked: 5,000 h x $20 in both plans.
    expect(split.cost).toBeCloseTo(5000 * 20, 6);
    expect(single.cost).toBeCloseTo(5000 * 20, 6);
  });

  it('shares the demand between the two pools by their available hours in the capacity check', () => {
    // Each crew offers 5 x 8 weeks x 40 h = 1,600 h to the deadline; the group's load is 5,000 / 3,200.
    const [berlin, manila] = capacityCheck(twoZones);
    expect(berlin.availableHours).toBeCloseTo(1600, 9);
    expect(manila.availableHours).toBeCloseTo(1600, 9);
    expect(berlin.demandHours + manila.demandHours).toBeCloseTo(5000, 9);
    expect(berlin.load).toBeCloseTo(1.5625, 12);
    expect(manila.load).toBeCloseTo(1.5625, 12);
  });
});
