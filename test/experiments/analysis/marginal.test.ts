import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReplications } from '../../../experiments/analysis/evaluate-plan.js';
import { marginal, marginalSteps } from '../../../experiments/analysis/marginal.js';
import { pairedDifference } from '../../../experiments/aggregate/statistics.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import { byValuePerDollar } from '../../../reports/sections/marginal.js';
import type { ReplicationResult } from '../../../sim/model/replication-result.js';
import { createReplicationRunner } from '../../../workers/replication-pool.js';
import { labelsim, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const REPS = 12;

describe('marginal value of one more unit of each lever', () => {
  const runner = createReplicationRunner(0);
  afterAll(() => runner.close());
  const experiment = loadExperiment(FILE);
  const plan = experiment.plans[0];

  it('has a person and an hour a shift per pool, and five points of sample per review tier', () => {
    const steps = marginalSteps(plan.model);
    expect(steps.map((s) => s.lever)).toEqual(['person:annotators', 'shift-hour:annotators', 'person:reviewers', 'shift-hour:reviewers', 'sample:review']);
    const apply = (lever: string) => {
      const m = structuredClone(plan.model);
      steps.find((s) => s.lever === lever)!.apply(m);
      return m;
    };
    expect(apply('person:annotators').pools[0].shifts[0].headcount).toBe(4);
    expect(apply('shift-hour:annotators').pools[0].shifts[0].shifts[0]).toMatchObject({ start: '09:00', end: '18:00' });
    const review = apply('sample:review').stages[1];
    expect(review.kind === 'review' && review.sampleRate).toBe(0.25);
  });

  it('gives for +1 person exactly the paired difference of two runs, one with a person more (same seed, same replications)', async () => {
    const study = await marginal(runner, plan, experiment.seed, REPS);
    const more = loadExperiment(FILE, { set: [{ path: 'pools.annotators.headcount', value: 4 }] }).plans[0].model;
    const base = await runReplications(runner, plan.model, experiment.seed, REPS);
    const plus = await runReplications(runner, more, experiment.seed, REPS);
    const deadline = plan.model.deadlineHours!;
    const onTime = (rs: ReplicationResult[]) => rs.map((r) => (r.completed && r.completionHours <= deadline ? 1 : 0));
    const lever = study.levers.find((l) => l.lever === 'person:annotators')!;
    expect(lever.cost).toEqual(pairedDifference(plus.map((r) => r.cost), base.map((r) => r.cost)));
    expect(lever.onTime).toEqual(pairedDifference(onTime(plus), onTime(base)));
    expect(lever.residualErrorRate).toEqual(pairedDifference(plus.map((r) => r.residualErrorRate), base.map((r) => r.residualErrorRate)));
    // One more annotator on the bottleneck finishes sooner.
    expect(lever.p85Hours!.mean).toBeLessThan(0);
    expect(lever.p85Hours!.low).toBeLessThanOrEqual(lever.p85Hours!.mean);
    expect(lever.p85Hours!.high).toBeGreaterThanOrEqual(lever.p85Hours!.mean);
    // Cost per on-time point is the cost over the points, where it buys points at a cost.
    for (const l of study.levers) {
      if (l.costPerOnTimePoint !== null) expect(l.costPerOnTimePoint).toBeCloseTo(l.cost!.mean / (100 * l.onTime!.mean), 9);
    }
  });

  it('ranks a lever that saves money and time above every lever that costs money', () => {
    const lever = (id: string, cost: number, onTime: number, per1000: number | null) => ({
      lever: id, label: id, onTime: { mean: onTime, low: onTime, high: onTime }, p85Hours: { mean: -1, low: -1, high: -1 }, cost: { mean: cost, low: cost, high: cost },
      residualErrorRate: null, costPerOnTimePoint: null, onTimePointsPer1000: per1000, p85HoursSavedPer1000: null,
    });
    const ranked = byValuePerDollar([lever('dear', 5000, 0.02, 0.4), lever('cheap', 1000, 0.02, 2), lever('free', -200, 0.01, null)]);
    expect(ranked.map((l) => l.lever)).toEqual(['free', 'cheap', 'dear']);
  });
});

describe('labelsim marginal', () => {
  it('prints the table, saves marginal.json beside the run and adds the ranking to its report', () => {
    const out = tempDir('marginal');
    expect(labelsim(['run', FILE, '-r', '4', '-w', '1', '--quiet', '--out', out]).code).toBe(0);
    const r = labelsim(['marginal', FILE, '-r', '4', '-w', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('+1 person in annotators');
    expect(r.stdout).toContain('+5 points of sample in review');
    const dir = path.join(out, 'small-project');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'marginal.json'), 'utf8')).levers).toHaveLength(5);
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Marginal value');
    expect(html).toContain('data-plot="marginal-p85"');
  });
});
