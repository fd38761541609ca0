import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { minimalDocument, parseDoc } from '../../experiments/load/helpers.js';

/** One annotator, ten items of exactly 1 h, no review, shifts 09:00-17:00 on `days`, from `start` (UTC). */
function oneAnnotator(start: string, days: string[]) {
  const doc: Record<string, any> = { ...minimalDocument(), start, deterministic: true };
  doc.work = { frames: { count: 10, workflow: ['annotate'] } };
  doc.pools = { annotators: { headcount: 1, shifts: [{ days, start: '09:00', end: '17:00' }], pay: { salaried: '18/h' } } };
  doc.stages = { annotate: { kind: 'annotate', pool: 'annotators', handling: '1h' } };
  return parseDoc(doc).plans[0].model;
}

describe('a project that starts on a day other than Monday', () => {
  it('runs its shifts from that day: from Wednesday 6 January, Wednesday shifts only, the work ends the next Wednesday at 11:00', () => {
    // 8 items on Wednesday 09:00-17:00 (t = 9..17), the last 2 a week later from 09:00: t = 7 x 24 + 11 = 179.
    const r = simulateReplication(oneAnnotator('2027-01-06', ['wed']), 1, 0);
    expect(r.completionHours).toBe(179);
    // A Monday start with the same shifts waits two days for its first Wednesday: 48 h later.
    expect(simulateReplication(oneAnnotator('2027-01-04', ['wed']), 1, 0).completionHours).toBe(48 + 179);
  });

  it('waits over a weekend it starts on: from Saturday 9 January, Monday to Friday shifts begin at t = 57', () => {
    // Monday 09:00 is 2 x 24 + 9 = 57: 8 items to 65, then Tuesday 09:00-11:00 (t = 81..83).
    expect(simulateReplication(oneAnnotator('2027-01-09', ['mon', 'tue', 'wed', 'thu', 'fri']), 1, 0).completionHours).toBe(83);
  });
});
