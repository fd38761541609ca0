import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../../experiments/load/index.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';

/**
 * One small random replication, pinned whole: every moving part of the model (absences, paces,
 * learning, errors, review sampling, rework, two time zones, costs) feeds these figures, so a
 * refactoring that changes any draw or rule moves them. If this fails, the change is deliberate
 * (say which figures move and why) or a bug.
 */
describe('replication 0 of the small project (seed 11, plan base)', () => {
  it('gives the same figures, to the last bit', () => {
    const model = loadExperiment('test/experiments/fixtures/small-project.yaml').plans[0].model;
    const r = simulateReplication(model, 11, 0);
    const plain = (a: Float64Array) => Array.from(a);
    expect({
      completed: r.completed,
      completionHours: r.completionHours,
      accepted: r.accepted,
      accurate: r.accurate,
      residualErrorRate: r.residualErrorRate,
      cost: r.cost,
      unitCost: r.unitCost,
      costByActivity: plain(r.costByActivity),
      utilization: plain(r.utilization),
      busyHours: plain(r.busyHours),
      peakQueue: plain(r.peakQueue),
      waitMean: plain(r.waitMean),
      waitP95: plain(r.waitP95),
      served: plain(r.served),
      reworks: r.reworks,
      errorsFound: r.errorsFound,
      errorsMade: r.errorsMade,
      remainingByDay: plain(r.remainingByDay).slice(0, 5),
      bottleneck: r.bottleneck,
      events: r.events,
    }).toEqual({
      completed: true,
      completionHours: 88.33658267815919,
      accepted: 1500,
      accurate: 1435,
      residualErrorRate: 0.043333333333333335,
      cost: 2061.57,
      unitCost: 1.4366341463414636,
      costByActivity: [1849.02, 14.15, 166.85, 0, 0, 0, 17.03, 0, 14.52, 0, 0],
      utilization: [0.9909435222214725, 0.2195064909228778],
      busyHours: [93.15835084043836, 5.561544355660093],
      peakQueue: [1500, 64],
      waitMean: [48.664108813514446, 2.6588400350491708],
      waitP95: [86.47111111111111, 5.688888888888889],
      served: [1524, 330],
      reworks: 24,
      errorsFound: 20,
      errorsMade: 85,
      remainingByDay: [1166, 772, 355, 0, 0],
      bottleneck: 0,
      events: 1881,
    });
  });
});
