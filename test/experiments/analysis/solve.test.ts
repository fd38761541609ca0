import { describe, expect, it } from 'vitest';
import { labelsim, tempDir } from '../../support/cli.js';

const FILE = 'experiments/eight-week-video.yaml';

describe('labelsim solve', () => {
  it('finds a headcount for the eight-week project that, when run, meets 90% on time, while one fewer does not', () => {
    const solved = labelsim(['solve', FILE, '--target', 'on-time=0.9', '--pool', 'annotators', '--replications', '30', '--json']);
    expect(solved.code, solved.stderr).toBe(0);
    const answer = JSON.parse(solved.stdout);
    expect(answer.pool).toBe('annotators');
    // The fluid bound says 10 x 156% load: at least 16 people are needed even with no randomness.
    expect(answer.headcount).toBeGreaterThanOrEqual(16);
    expect(answer.at.onTime.mean).toBeGreaterThanOrEqual(0.9);
    expect(answer.below.onTime.mean).toBeLessThan(0.9);

    const onTime = (headcount: number) => {
      const r = labelsim(['run', FILE, '--plan', 'base', '--set', `pools.annotators.headcount=${headcount}`, '--replications', '30', '--json', '--quiet', '--out', tempDir('solve')]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).plans[0].onTime.probability as number;
    };
    expect(onTime(answer.headcount)).toBeGreaterThanOrEqual(0.9);
    expect(onTime(answer.headcount - 1)).toBeLessThan(0.9);
  });

  it('picks the cheapest plan that meets the target when no pool is named', () => {
    const r = labelsim(['solve', FILE, '--target', 'on-time=0.9', '--replications', '12', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const answer = JSON.parse(r.stdout);
    const meeting = answer.evaluations.filter((e: { meets: boolean }) => e.meets);
    expect(meeting.length).toBeGreaterThan(0);
    const cheapest = meeting.reduce((a: { evaluation: { cost: number } }, b: { evaluation: { cost: number } }) => (b.evaluation.cost < a.evaluation.cost ? b : a));
    expect(answer.plan).toBe(cheapest.plan);
    // The base plan cannot make 8 weeks (156% of capacity), so it is never the answer.
    expect(answer.evaluations.find((e: { plan: string }) => e.plan === 'base').meets).toBe(false);
  });

  it('rejects a target it cannot read, with exit code 2', () => {
    const r = labelsim(['solve', FILE, '--target', 'cheap', '--pool', 'annotators']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--target: expected on-time=<probability>/);
  });
});
