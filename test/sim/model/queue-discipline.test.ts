import { describe, expect, it } from 'vitest';
import { Activity } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import { annotate, pool, review, roundTheClock, smallCase, work } from './model-fixtures.js';
import { RunRecord } from './run-record.js';

/** Ten items for one annotator (1 h each) and one reviewer who finds every error; every second label is wrong. */
function reworkOf(queue: ModelConfig['queue']): ModelConfig {
  return smallCase({
    work: [work(10, ['annotate', 'review'])],
    pools: [pool('annotator', 1, { shifts: [roundTheClock(1)], errorRate: 0.5 }), pool('reviewer', 1, { shifts: [roundTheClock(1)] })],
    stages: [annotate('annotator', 1), review('reviewer', 0.1)],
    deadlineHours: null,
    ...(queue === undefined ? {} : { queue }),
  });
}

/** The order in which the annotator started first passes (F) and reworks (R). */
function annotatorOrder(config: ModelConfig): string {
  const order: string[] = [];
  const record = new (class extends RunRecord {
    override taskStarted(serial: number, stage: number, activity: number, p: number, person: number, hours: number, gold: number): void {
      super.taskStarted(serial, stage, activity, p, person, hours, gold);
      if (stage === 0) order.push(activity === Activity.rework ? 'R' : 'F');
    }
  })();
  simulateReplication(config, 1, 0, { recorder: record });
  return order.join('');
}

describe('the queue discipline', () => {
  it('by default serves a rejected item before the first passes still waiting (rework first)', () => {
    const order = annotatorOrder(reworkOf(undefined));
    expect(order.indexOf('R')).toBeLessThan(4);
    expect(order).toEqual(annotatorOrder(reworkOf('rework-first')));
  });

  it('with fifo serves rework in order of arrival: after the ten first passes queued before it', () => {
    expect(annotatorOrder(reworkOf('fifo')).slice(0, 10)).toBe('FFFFFFFFFF');
  });

  it('changes when items are done, not how many or at what quality', () => {
    const first = simulateReplication(reworkOf('rework-first'), 1, 0);
    const fifo = simulateReplication(reworkOf('fifo'), 1, 0);
    expect(fifo.accepted).toBe(first.accepted);
    expect(fifo.reworks).toBe(first.reworks);
    expect(fifo.waitMean[0]).toBeGreaterThan(first.waitMean[0]);
  });
});
