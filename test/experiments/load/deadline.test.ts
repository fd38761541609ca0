import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseExperiment } from '../../../experiments/load/index.js';
import { timeToFinishFigure } from '../../../experiments/aggregate/output-figures.js';
import { REPLICATION_OUTPUTS } from '../../../sim/model/replication-outputs.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { deadlineStatement } from '../../../reports/format.js';
import { errorAfter, minimalDocument, parseDoc } from './helpers.js';

/** The minimal document on a clock, with a deadline. */
function withDeadline(start: string, timeZone: string, deadline: string, more: Record<string, unknown> = {}) {
  return parseDoc({ ...minimalDocument(), start, timeZone, deadline, ...more });
}
const modelOf = (start: string, timeZone: string, deadline: string) => withDeadline(start, timeZone, deadline).plans[0].model;
const statementOf = (start: string, timeZone: string, deadline: string) =>
  deadlineStatement({ deadlineHours: modelOf(start, timeZone, deadline).deadlineHours, startDate: start, timeZone });

describe('a deadline written as a duration', () => {
  it('counts 10w across the March clock change as 70 calendar days: 00:00 on the wall clock, 1,679 h elapsed', () => {
    // The case: from Monday 1 March 2027 in Berlin, 10 x 168 h read "Mon 10 May 2027, 01:00".
    expect(modelOf('2027-03-01', 'Europe/Berlin', '10w').deadlineHours).toBe(1679);
    expect(statementOf('2027-03-01', 'Europe/Berlin', '10w')).toBe(
      '10 weeks after the start: the end of Sun 9 May 2027 (24:00 Europe/Berlin); 1,679 h of elapsed time, as the clocks change in between',
    );
  });

  it('counts 10w across the October clock change as 1,681 h, still ending at midnight', () => {
    expect(modelOf('2027-08-23', 'Europe/Berlin', '10w').deadlineHours).toBe(1681);
    expect(statementOf('2027-08-23', 'Europe/Berlin', '10w')).toBe(
      '10 weeks after the start: the end of Sun 31 Oct 2027 (24:00 Europe/Berlin); 1,681 h of elapsed time, as the clocks change in between',
    );
  });

  it('keeps a deadline without a clock change, and one in hours, at its hours as before', () => {
    expect(modelOf('2027-01-04', 'Europe/Berlin', '10w').deadlineHours).toBe(1680);
    expect(modelOf('2027-01-04', 'UTC', '8w').deadlineHours).toBe(1344);
    expect(statementOf('2027-01-04', 'UTC', '8w')).toBe('8 weeks after the start: the end of Sun 28 Feb 2027 (24:00 UTC)');
    // Hours are elapsed time, clock change or not; so is a fraction of a day.
    expect(modelOf('2027-03-01', 'Europe/Berlin', '1680h').deadlineHours).toBe(1680);
    expect(statementOf('2027-03-01', 'Europe/Berlin', '1680h')).toBe('10 weeks after the start: Mon 10 May 2027, 01:00 Europe/Berlin');
    expect(modelOf('2027-03-27', 'Europe/Berlin', '1.5d').deadlineHours).toBe(36);
  });

  it('keeps the default horizon at 3 x the duration as written', () => {
    expect(modelOf('2027-03-01', 'Europe/Berlin', '10w').horizonHours).toBe(3 * 1680);
  });
});

describe('a deadline written as a date', () => {
  it('is the end of that day in the zone, whatever the weekday of the start', () => {
    // From Wednesday 17 March 2027: 72 days to 28 May, plus that day, less the hour lost on 28 March.
    expect(modelOf('2027-03-17', 'Europe/Berlin', '2027-05-28').deadlineHours).toBe(73 * 24 - 1);
    expect(statementOf('2027-03-17', 'Europe/Berlin', '2027-05-28')).toBe(
      '73 days after the start: the end of Fri 28 May 2027 (24:00 Europe/Berlin); 1,751 h of elapsed time, as the clocks change in between',
    );
    expect(modelOf('2027-03-17', 'Europe/Berlin', '2027-03-17').deadlineHours).toBe(24);
  });

  it('with a local time is that wall-clock time in the zone', () => {
    expect(modelOf('2027-03-17', 'Europe/Berlin', '2027-05-28 17:00').deadlineHours).toBe(72 * 24 + 17 - 1);
    expect(modelOf('2027-03-17', 'Europe/Berlin', '2027-05-28T17:00').deadlineHours).toBe(72 * 24 + 17 - 1);
    expect(statementOf('2027-03-17', 'Europe/Berlin', '2027-05-28 17:00')).toBe('10.4 weeks after the start: Fri 28 May 2027, 17:00 Europe/Berlin');
  });

  it('with a local time under two weeks away reads in days or hours, as a date that near does, not in weeks', () => {
    // From Monday 5 April 2027: the end of Thursday 8 April is 4 days, 17:00 that day 89 h (3.7 days).
    expect(statementOf('2027-04-05', 'Europe/Berlin', '2027-04-08')).toBe('4 days after the start: the end of Thu 8 Apr 2027 (24:00 Europe/Berlin)');
    expect(statementOf('2027-04-05', 'Europe/Berlin', '2027-04-08 17:00')).toBe('3.7 days after the start: Thu 8 Apr 2027, 17:00 Europe/Berlin');
    // A duration in hours reads as written, clock change or not.
    expect(statementOf('2027-03-27', 'Europe/Berlin', '36h')).toBe('36 hours after the start: Sun 28 Mar 2027, 13:00 Europe/Berlin');
    expect(statementOf('2027-04-05', 'UTC', '1.5h')).toBe('1.5 hours after the start: Mon 5 Apr 2027, 01:30 UTC');
  });

  it('equals the duration it coincides with, in the model and in the results: the same chance on time', () => {
    // 2027-02-28 ends where 8 weeks from Monday 4 January end; 2027-05-09 where 10 weeks from 1 March in Berlin do.
    for (const [start, zone, date, duration, hours] of [
      ['2027-01-04', 'UTC', '2027-02-28', '8w', 1280],
      ['2027-03-01', 'Europe/Berlin', '2027-05-09', '10w', 1600],
    ] as const) {
      // Four people on 40 h a week need about the deadline's working hours for these items of 1 h on average.
      const work = { frames: { count: hours, workflow: ['annotate'] } };
      const stages = { annotate: { kind: 'annotate', pool: 'annotators', handling: { lognormal: { mean: '1h', cv: 0.5 } } } };
      const byDate = withDeadline(start, zone, date, { work, stages });
      const byDuration = withDeadline(start, zone, duration, { work, stages });
      expect(byDate.plans[0].model.deadlineHours).toBe(byDuration.plans[0].model.deadlineHours);
      // A deadline the work just about meets, so the chance on time is neither 0 nor 1 by construction.
      const chance = (e: typeof byDate) => {
        const model = e.plans[0].model;
        const rs = Array.from({ length: 12 }, (_, k) => simulateReplication(model, 7, k));
        const figure = timeToFinishFigure(rs.map((r) => r.completionHours), REPLICATION_OUTPUTS.completionHours.aggregate, model.deadlineHours, 6);
        return { onTime: figure.onTime, byDeadline: rs.map((r) => r.acceptedByDeadline) };
      };
      const a = chance(byDate);
      expect(a).toEqual(chance(byDuration));
      expect(a.onTime).toMatchObject({ probability: expect.any(Number) });
      const p = (a.onTime as { probability: number }).probability;
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
  });

  it('reads an unquoted YAML date as the date, not a timestamp', () => {
    const text = `${stringify({ ...minimalDocument(), start: '2027-03-17' }).replace("start: '2027-03-17'", 'start: 2027-03-17')}deadline: 2027-05-28\n`;
    expect(text).toContain('deadline: 2027-05-28\n');
    expect(parseExperiment(text, 'unquoted.yaml').plans[0].model.deadlineHours).toBe(73 * 24);
  });
});

describe('a deadline that cannot be used', () => {
  const at = (start: string, timeZone: string, deadline: string, more: Record<string, unknown> = {}) =>
    errorAfter((doc) => Object.assign(doc, { start, timeZone, deadline, ...more }), 'plan.yaml');

  it('is refused before the start, at the start, and as no date at all, naming the file and the field', () => {
    for (const [deadline, expected] of [
      ['2027-03-16', /^a deadline after the start \(2027-03-17 00:00 Europe\/Berlin; a date alone means the end of that day\)$/],
      ['2027-03-17 00:00', /^a deadline after the start/],
      ['2027-02-30', /^a deadline: a duration > 0 from the start like 8w, 10d or 36h, a date YYYY-MM-DD/],
      ['28/05/2027', /^a deadline: a duration/],
      ['2027-05-28 25:00', /^a deadline: a duration/],
      ['0w', /^a deadline: a duration/],
    ] as const) {
      const error = at('2027-03-17', 'Europe/Berlin', deadline);
      expect(error.file).toBe('plan.yaml');
      expect(error.field).toBe('deadline');
      expect(error.expected).toMatch(expected);
      expect(error.message).toContain(`plan.yaml: deadline: expected `);
    }
  });

  it('is refused with a UTC offset or a Z: the time is read in the zone', () => {
    for (const deadline of ['2027-05-28T17:00Z', '2027-05-28T17:00+02:00', '2027-05-28T17:00:00']) {
      const error = at('2027-03-17', 'Europe/Berlin', deadline);
      expect(error.field).toBe('deadline');
      expect(error.expected).toContain('(no UTC offset)');
    }
  });

  it('is refused at a local time the clocks skip or show twice', () => {
    const skipped = at('2027-03-01', 'Europe/Berlin', '2027-03-28 02:30');
    expect(skipped.expected).toBe('a local time that exists in Europe/Berlin (the clocks skip 02:30 on 2027-03-28; write the date alone for the end of that day, or a time outside the skipped hour)');
    const repeated = at('2027-03-01', 'Europe/Berlin', '2027-10-31 02:30');
    expect(repeated.expected).toBe('an unambiguous local time in Europe/Berlin (the clocks go back on 2027-10-31 and show 02:30 twice; write a time outside the repeated hour)');
    // The same times in UTC exist once.
    expect(modelOf('2027-03-01', 'UTC', '2027-10-31 02:30').deadlineHours).toBe((244 * 24) + 2.5);
  });

  it('is refused beyond a horizon set beside it, saying how long it is when a clock change moves it', () => {
    expect(at('2027-01-04', 'UTC', '2027-03-01', { horizon: '8w' }).expected).toBe('a horizon at least as long as the deadline (2027-03-01, 1368 h after the start)');
    const error = at('2027-08-23', 'Europe/Berlin', '10w', { horizon: '10w' });
    expect(error.field).toBe('horizon');
    expect(error.expected).toBe('a horizon at least as long as the deadline (10w, 1681 h after the start)');
  });
});
