import { describe, expect, it } from 'vitest';
import { errorAfter, minimalDocument, parseDoc } from './helpers.js';

describe('wait thresholds, delivery SLAs and a decision policy in the file', () => {
  it('are absent from the model and the experiment unless written, so a file without them keeps its config hash', () => {
    const plain = parseDoc(minimalDocument());
    expect(plain.plans[0].model.waitThresholdHours).toBeUndefined();
    expect(plain.decision).toBeNull();
    expect(JSON.stringify(plain.document)).not.toMatch(/waitThresholds|decision|sla/);
  });

  it('reach the model and the experiment when written, shares as 90% or 0.9 and durations in hours', () => {
    const doc = minimalDocument();
    doc.deadline = '8w';
    doc.waitThresholds = ['30s', '4h'];
    doc.work.frames.arrival = { schedule: { every: '1w', batch: 250, sla: '10d' } };
    doc.decision = { basis: 'interval', targets: { onTime: '90%', serviceLevel: { stage: 'review', within: '4h', atLeast: 0.8 }, timeInSystemP85: '3w', residualError: '2%', budget: 250000 } };
    const e = parseDoc(doc);
    expect(e.plans[0].model.waitThresholdHours).toEqual([30 / 3600, 4]);
    expect(e.plans[0].model.work[0].arrival).toEqual({ kind: 'schedule', firstHours: 0, everyHours: 168, batch: 250, slaHours: 240 });
    expect(e.decision).toEqual({
      name: null,
      basis: 'interval',
      targets: { onTime: 0.9, serviceLevel: { stage: 'review', withinHours: 4, atLeast: 0.8 }, timeInSystemP85Hours: 504, residualError: 0.02, budget: 250000 },
    });
  });

  it('judge a policy on the estimates unless told otherwise', () => {
    const doc = minimalDocument();
    doc.decision = { targets: { budget: 1000 } };
    expect(parseDoc(doc).decision?.basis).toBe('estimate');
  });

  it('refuse a service-level target at a wait the records do not count, naming the field and the waits they do', () => {
    const error = errorAfter((doc) => {
      doc.waitThresholds = ['1h'];
      doc.decision = { targets: { serviceLevel: { stage: 'review', within: '4h', atLeast: '80%' } } };
    });
    expect(error.message).toBe('experiment.yaml: decision.targets.serviceLevel.within: expected one of waitThresholds (1h): the records count service levels only there, got "4h"');
  });

  it('refuse a service-level target of a stage that does not exist, and an on-time target without a deadline', () => {
    const stage = errorAfter((doc) => {
      doc.waitThresholds = ['4h'];
      doc.decision = { targets: { serviceLevel: { stage: 'qa', within: '4h', atLeast: '80%' } } };
    });
    expect(stage.message).toBe('experiment.yaml: decision.targets.serviceLevel.stage: expected one of the stages (annotate, review), got "qa"');
    const onTime = errorAfter((doc) => (doc.decision = { targets: { onTime: '90%' } }));
    expect(onTime.field).toBe('decision.targets.onTime');
  });

  it('refuse a policy without targets, and a plan that patches the policy', () => {
    expect(errorAfter((doc) => (doc.decision = { targets: {} })).expected).toBe('at least one target');
    const patched = errorAfter((doc) => (doc.plans = { base: { patch: { decision: { targets: { budget: 1 } } } } }));
    expect(patched.field).toBe('plans.base.patch.decision');
  });
});
