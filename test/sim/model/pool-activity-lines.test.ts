import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../../experiments/load/index.js';
import { LABOUR_ACTIVITIES, poolActivityNames, poolActivityTypeNames } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import type { ReplicationResult } from '../../../sim/model/replication-result.js';

const plan = (file: string, name: string, deterministic = false): ModelConfig =>
  loadExperiment(file, { set: deterministic ? [{ path: 'deterministic', value: true }] : [] }).plans.find((p) => p.name === name)!.model;

/** The labour lines of a result by `pool/activity`. */
function lines(m: ModelConfig, r: ReplicationResult) {
  return new Map(poolActivityNames(m).map((k, i) => [k, { cost: r.costByPoolActivity[i], hours: r.hoursByPoolActivity[i], tasks: r.tasksByPoolActivity[i] }]));
}

/**
 * The (pool, activity) lines are what `labelsim explain` rebuilds a cost from: summed over pools
 * they are the labour activities of costByActivity (which are rounded to the cent), hours are
 * busy hours, and tasks are the tasks the stages served.
 */
describe('labour lines per pool and activity', () => {
  const cases: Array<[string, string]> = [
    ['experiments/eight-week-video.yaml', 'second-shift'],
    ['experiments/eight-week-video.yaml', 'tiered-review'],
    ['experiments/vendor-comparison.yaml', 'vendor-a'],
    ['test/experiments/fixtures/small-project.yaml', 'base'],
  ];
  for (const [file, name] of cases) {
    it(`add up to the labour activities, busy hours and tasks served (${file}, plan ${name})`, () => {
      const m = plan(file, name);
      const r = simulateReplication(m, 5, 0);
      const l = lines(m, r);
      const activities = [...LABOUR_ACTIVITIES];
      activities.forEach((a, i) => {
        const sum = m.pools.reduce((s, p) => s + l.get(`${p.name}/${a}`)!.cost, 0);
        expect(Math.abs(sum - r.costByActivity[i]), a).toBeLessThanOrEqual(0.005 + 1e-9);
      });
      m.pools.forEach((p, k) => {
        const worked = activities.filter((a) => a !== 'idle' && a !== 'penalties').reduce((s, a) => s + l.get(`${p.name}/${a}`)!.hours, 0);
        expect(worked).toBeCloseTo(r.busyHours[k], 6);
      });
      // Gold items are counted apart; every other task is one a stage served (tasks start in the statistics window here).
      const tasks = m.pools.reduce((s, p) => s + activities.filter((a) => a !== 'gold' && a !== 'idle' && a !== 'penalties').reduce((t, a) => t + l.get(`${p.name}/${a}`)!.tasks, 0), 0);
      expect(tasks).toBe(r.served.reduce((s, x) => s + x, 0));
    });
  }

  it("count the salaried team's unused paid hours as idle hours, priced at its rate", () => {
    const m = plan('experiments/eight-week-video.yaml', 'base', true);
    const r = simulateReplication(m, 1, 0);
    const idle = lines(m, r).get('annotators/idle')!;
    expect(idle.cost).toBeCloseTo(25 * idle.hours, 6);
    expect(idle.tasks).toBe(0);
  });

  it('charge a vendor paid per accepted image its fee per image', () => {
    const m = plan('experiments/vendor-comparison.yaml', 'vendor-a', true);
    const r = simulateReplication(m, 1, 0);
    // 10,000 images accepted at $0.50 (the brief's $5,000), in 10,000 labelling tasks.
    expect(lines(m, r).get('vendor-a/annotation')!.cost).toBeCloseTo(5000, 9);
    expect(lines(m, r).get('vendor-a/annotation')!.tasks).toBe(10000);
  });

  it('count the wrong labels a piece-rate vendor is penalised for, at minus the penalty each', () => {
    const m = loadExperiment('experiments/vendor-comparison.yaml', { set: [{ path: 'pools.vendor-a.pay', value: { perItem: 0.5, penaltyPerError: 0.1 } }] }).plans[0].model;
    const r = simulateReplication(m, 3, 0);
    const pen = lines(m, r).get('vendor-a/penalties')!;
    expect(r.errorsFound).toBeGreaterThan(0);
    expect(pen.tasks).toBe(r.errorsFound);
    expect(pen.cost).toBeCloseTo(-0.1 * r.errorsFound, 9);
    expect(pen.hours).toBe(0);
  });

  it('split by work type in a model of several: each line is the sum of its types, and a one-type model keeps none', () => {
    const m = plan('experiments/portfolio.yaml', 'base', true);
    const r = simulateReplication(m, 5, 0);
    const names = poolActivityTypeNames(m);
    expect(names).toHaveLength(poolActivityNames(m).length * m.work.length);
    expect(names[1]).toBe(`${m.pools[0].name}/annotation@${m.work[1].name}`);
    poolActivityNames(m).forEach((line, i) => {
      let hours = 0;
      let tasks = 0;
      m.work.forEach((_, t) => {
        hours += r.hoursByPoolActivityType[i * m.work.length + t];
        tasks += r.tasksByPoolActivityType[i * m.work.length + t];
      });
      if (!line.endsWith('/idle') && !line.endsWith('/penalties')) {
        expect(hours, line).toBeCloseTo(r.hoursByPoolActivity[i], 6);
        expect(tasks, line).toBe(r.tasksByPoolActivity[i]);
      }
    });
    // The generalists' first passes: one per document, three labels per sentiment item, nothing else.
    const at = poolActivityNames(m).indexOf('generalists/annotation') * m.work.length;
    const tasks = Object.fromEntries(m.work.map((w, t) => [w.name, r.tasksByPoolActivityType[at + t]]));
    expect(tasks).toEqual({ 'image-moderation': 0, sentiment: 600000, 'document-ocr': 20000, 'audio-transcription': 0, 'lidar-3d-boxes': 0 });
    const single = plan('test/experiments/fixtures/small-project.yaml', 'base');
    expect(poolActivityTypeNames(single)).toEqual([]);
    expect(simulateReplication(single, 5, 0).hoursByPoolActivityType).toHaveLength(0);
  });
});
