import { describe, expect, it } from 'vitest';
import { labelsim, tempDir } from '../support/cli.js';

describe('labelsim run --deterministic with durations that are not whole nanohours', () => {
  const r = labelsim(['run', 'test/experiments/fixtures/support-desk.yaml', '--deterministic', '--json', '--quiet', '--out', tempDir('support-desk')]);
  const plan = (name: string) => JSON.parse(r.stdout).plans.find((p: { name: string }) => p.name === name);

  it('does 594 cases of 25 min by the deadline (9 agents x 66), the other 6 on Monday by 09:25', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(plan('base').acceptedByDeadline.mean).toBe(594);
    expect(plan('base').completionHours.p50).toBeCloseTo(168 + 9 + 25 / 60, 6);
  });

  it('ends 480 cases of 13 min as the 13th shift closes, 72,000 of 0.1 s as the second one-hour shift closes, and 70 arrivals at 7/h at 10 h', () => {
    expect(plan('thirteen-minutes').completionHours.p50).toBe(401);
    expect(plan('thirteen-minutes').acceptedByDeadline.mean).toBe(480);
    expect(plan('tenth-of-a-second').completionHours.p50).toBe(34);
    expect(plan('tenth-of-a-second').acceptedByDeadline.mean).toBe(72_000);
    expect(plan('seven-an-hour').completionHours.p50).toBe(10);
    expect(plan('seven-an-hour').acceptedByDeadline.mean).toBe(70);
    for (const name of ['thirteen-minutes', 'tenth-of-a-second', 'seven-an-hour']) expect(plan(name).onTime.probability).toBe(1);
  });
});
