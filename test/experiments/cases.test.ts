import { describe, expect, it } from 'vitest';
import { labelsim, tempDir } from '../support/cli.js';

/** Runs a shipped experiment with every source of randomness off and returns its summary. */
function deterministic(file: string) {
  const r = labelsim(['run', file, '--deterministic', '--replications', '1', '--json', '--quiet', '--out', tempDir('cases')]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('the known-answer cases of the brief, from the shipped experiment files', () => {
  it('case 1: the eight-week base plan finishes at t = 2,077 h with 320,000 frames by the deadline and a load of 156.25%', () => {
    const base = deterministic('experiments/eight-week-video.yaml').plans[0];
    // 500,000 frames / 1,000 frames per working hour = 500 h = 12 weeks of 40 h + 20 h:
    // Wednesday of week 13 at 13:00, t = 12 x 168 + 2 x 24 + 13.
    expect(base.completionHours.p50).toBe(12 * 168 + 2 * 24 + 13);
    // 10 people x 100 frames/h x 40 h/week x 8 weeks.
    expect(base.acceptedByDeadline.mean).toBe(10 * 100 * 40 * 8);
    expect(base.capacity.annotators.load).toBe(1.5625);
    // 98% accuracy: exactly every 50th label is wrong.
    expect(base.accurate.mean).toBe(490_000);
    expect(base.onTime.probability).toBe(0);
  });

  it('case 2: vendor A costs $5,333.33 ($0.5614 per accurate image) and vendor B $12,000.00', () => {
    const summary = deterministic('experiments/vendor-comparison.yaml');
    const plan = (name: string) => summary.plans.find((p: { name: string }) => p.name === name);
    // A: 10,000 x $0.50 = $5,000; QA: 5% x 10,000 = 500 images x 1 min = 8.33 h x $40 = $333.33.
    expect(plan('vendor-a').cost.mean).toBe(5333.33);
    expect(plan('vendor-a').cost.byActivity.annotation).toBe(5000);
    expect(plan('vendor-a').cost.byActivity.review).toBe(333.33);
    // 95% of labels right: 9,500 accurate images; $5,333.33 / 9,500 = $0.5614.
    expect(plan('vendor-a').accurate.mean).toBe(9500);
    expect(plan('vendor-a').unitCost.mean).toBeCloseTo(0.5614, 4);
    // B: 10,000 x 2 min = 333.33 h x $35 = $11,666.67, plus the same QA: $12,000.00 ($1.20 per image).
    expect(plan('vendor-b').cost.byActivity.annotation).toBe(11666.67);
    expect(plan('vendor-b').cost.mean).toBe(12000);
    expect(plan('vendor-b').cost.mean / 10_000).toBe(1.2);
  });

  it('case 2 sweep: a larger QA sample costs more and catches a larger share of the errors', () => {
    const summary = deterministic('experiments/vendor-comparison.yaml');
    const sweep = ['1%', '2%', '5%', '10%', '20%'].map((v) => summary.plans.find((p: { name: string }) => p.name === `vendor-a/sample=${v}`));
    const costs = sweep.map((p: { cost: { mean: number } }) => p.cost.mean);
    const caught = sweep.map((p: { errorsCaughtShare: number }) => p.errorsCaughtShare);
    for (let i = 1; i < sweep.length; i++) {
      expect(costs[i]).toBeGreaterThan(costs[i - 1]);
      expect(caught[i]).toBeGreaterThan(caught[i - 1]);
    }
  });

  it('guideline change: versioned by class relabels the classes\' 20% of what untracked relabels, a 25% share a quarter of it', () => {
    const summary = deterministic('experiments/guideline-change.yaml');
    const plan = (name: string) => summary.plans.find((p: { name: string }) => p.name === name);
    const sent = (name: string) => plan(name).guidelines.cyclists.relabelItems.mean as number;
    // Six people for 3 weeks of 40 h at 1.5 min a label make 6 x 120 x 40 = 28,800 labels; untracked,
    // every one goes back but those being reworked at the change (their new label is of the new version).
    expect(sent('untracked')).toBeLessThanOrEqual(28_800);
    expect(sent('untracked')).toBeGreaterThan(28_500);
    // Cyclists and scooters are 12% + 8% of items; deterministic classes are spread as evenly as a sequence can be.
    expect(Math.abs(sent('targeted') / sent('untracked') - 0.2)).toBeLessThan(0.001);
    expect(Math.abs(sent('sample') / sent('untracked') - 0.25)).toBeLessThan(0.001);
    // Each item sent back is labelled again (1.5 min) and 20% of them reviewed (40 s), at least.
    const hours = plan('untracked').guidelines.cyclists.relabelHours.mean as number;
    expect(hours).toBeGreaterThanOrEqual(sent('untracked') * (1.5 / 60 + 0.2 * (40 / 3600)) - 1e-6);
    expect(hours).toBeLessThan(sent('untracked') * (1.5 / 60 + 0.2 * (40 / 3600)) * 1.01);
    // The delivered set is the whole work under the new version, and relabelling makes it later.
    for (const name of ['targeted', 'sample', 'untracked']) {
      expect(plan(name).accepted.mean).toBe(60_000);
      expect(plan(name).vsBaseline.completionHours.mean).toBeGreaterThan(0);
    }
    expect(plan('untracked').onTime.probability).toBe(0);
  });
});
