import { describe, expect, it } from 'vitest';
import { AnnotationModel, simulateReplication } from '../../../sim/model/annotation-model.js';
import type { GuidelineChange, ModelConfig } from '../../../sim/model/config.js';
import { ClassDraws } from '../../../sim/model/draw-keys.js';
import { LabelClasses } from '../../../sim/model/label-classes.js';
import type { Recorder } from '../../../sim/model/recorder.js';
import { annotate, crew, EVERY_DAY, eightWeekCase, pool, review } from './model-fixtures.js';

/**
 * One person round the clock, paid 20/h for hours worked, labelling `count` items of 1 h each,
 * never wrong, no review: the project's work is exactly `count` hours, so what a guideline change
 * adds can be counted by hand.
 */
function onePerson(count: number, changes: GuidelineChange[], tracked = true, overrides: Partial<ModelConfig> = {}): ModelConfig {
  return eightWeekCase({
    horizonHours: 100 * 168,
    deadlineHours: null,
    work: [{ name: 'items', count, arrival: { kind: 'backlog' }, complexity: 1, equivalentUnits: 1, workflow: ['annotate'] }],
    pools: [pool('annotators', 1, { shifts: [crew(1, 'UTC', '00:00', '24:00', EVERY_DAY)], pay: { kind: 'hourly', perHour: 20 } })],
    stages: [annotate('annotators', 1)],
    guidelines: { tracked, changes },
    ...overrides,
  });
}

const change = (when: GuidelineChange['when'], relabel: GuidelineChange['relabel'], name = 'v2'): GuidelineChange => ({ name, when, relabel, types: [0] });

/** Records the serials accepted, in order. */
function acceptances(): Recorder & { serials: number[] } {
  const serials: number[] = [];
  return {
    serials,
    taskStarted() {},
    taskFinished() {},
    labelled() {},
    reviewed() {},
    accepted(serial) {
      serials.push(serial);
    },
    retrainStarted() {},
    busy() {},
  };
}

describe('guideline versions and relabelling', () => {
  it('a change that relabels 10% of accepted items adds exactly the expected work in deterministic mode', () => {
    // At the 50th acceptance (t = 50 h) 10% of the 50 accepted items, 5, go back: 5 more hours of
    // labelling at 20/h, so the project ends at 105 h instead of 100 h and costs 2,100 instead of 2,000.
    const plain = simulateReplication(onePerson(100, []), 1, 0);
    const r = simulateReplication(onePerson(100, [change({ kind: 'afterAccepted', items: 50 }, { kind: 'share', share: 0.1 })]), 1, 0);
    expect(plain.completionHours).toBe(100);
    expect(Array.from(r.guidelineChangeHours)).toEqual([50]);
    expect(Array.from(r.relabelItems)).toEqual([5]);
    expect(Array.from(r.relabelHours)).toEqual([5]);
    expect(Array.from(r.relabelCost)).toEqual([100]);
    expect(r.completionHours).toBe(105);
    expect(r.completionHours - plain.completionHours).toBe(5);
    expect(r.cost - plain.cost).toBe(100);
    // The delivered set is the one under the new version: 100 items, each accepted once more or not at all.
    expect(r.accepted).toBe(100);
    expect(r.busyHours[0]).toBe(105);
  });

  it('a change at a date relabels its share of what was accepted by then', () => {
    // By t = 30 h, 30 items are accepted; 20% of them is 6.
    const r = simulateReplication(onePerson(100, [change({ kind: 'at', hours: 30 }, { kind: 'share', share: 0.2 })]), 1, 0);
    expect(Array.from(r.relabelItems)).toEqual([6]);
    expect(r.completionHours).toBe(106);
  });

  it('the delivered set counts the labels made again, not the ones sent back, and the counts add up to the tally', () => {
    // Exactly every 5th label wrong (deterministic mode). At 50 accepted, 10 are wrong; the 5 sent
    // back are 4 right and 1 wrong (in proportion). The 105 labels made hold 21 wrong, of which
    // the one sent back is no longer delivered: 20 wrong, 80 accurate of 100.
    const config = onePerson(100, [change({ kind: 'afterAccepted', items: 50 }, { kind: 'share', share: 0.1 })], true, {
      pools: [pool('annotators', 1, { shifts: [crew(1, 'UTC', '00:00', '24:00', EVERY_DAY)], pay: { kind: 'hourly', perHour: 20 }, errorRate: 0.2 })],
    });
    const model = new AnnotationModel(config, 1, 0);
    const r = model.run();
    expect(r.errorsMade).toBe(21);
    expect(r.accurate).toBe(80);
    const g = model.guidelines!;
    expect(Array.from(g.accepted)).toEqual([45, 55]);
    expect(Array.from(g.accurate)).toEqual([36, 44]);
    expect(g.accurate[0]! + g.accurate[1]!).toBe(r.accurate);
  });

  it('untracked versions relabel every accepted item, whatever the targeting', () => {
    const changes = [change({ kind: 'afterAccepted', items: 50 }, { kind: 'share', share: 0.1 })];
    const untracked = simulateReplication(onePerson(100, changes, false), 1, 0);
    expect(Array.from(untracked.relabelItems)).toEqual([50]);
    expect(untracked.completionHours).toBe(150);
    const all = simulateReplication(onePerson(100, [change({ kind: 'afterAccepted', items: 50 }, { kind: 'all' })]), 1, 0);
    expect(all.completionHours).toBe(150);
    const none = simulateReplication(onePerson(100, [change({ kind: 'afterAccepted', items: 50 }, { kind: 'none' })]), 1, 0);
    expect(Array.from(none.relabelItems)).toEqual([0]);
    expect(none.completionHours).toBe(100);
  });

  it('a second change relabels a share of every earlier version, and each keeps its own burst', () => {
    // At 40 accepted, 25% = 10 go back (accepted falls to 30); at the next 60th acceptance
    // (t = 70 h), 50% of the 60 accepted = 30 go back: 40 extra hours in all.
    const r = simulateReplication(
      onePerson(100, [change({ kind: 'afterAccepted', items: 40 }, { kind: 'share', share: 0.25 }, 'v2'), change({ kind: 'afterAccepted', items: 60 }, { kind: 'share', share: 0.5 }, 'v3')]),
      1,
      0,
    );
    expect(Array.from(r.guidelineChangeHours)).toEqual([40, 70]);
    expect(Array.from(r.relabelItems)).toEqual([10, 30]);
    expect(r.completionHours).toBe(140);
    expect(r.relabelHours[0]! + r.relabelHours[1]!).toBe(40);
  });

  it('relabel items go through review as configured: a label and a review each', () => {
    // Annotation 1 h, review 30 min of every label, nobody wrong: each item sent back costs 1.5 h.
    const config = onePerson(200, [change({ kind: 'afterAccepted', items: 100 }, { kind: 'share', share: 0.1 })], true, {
      work: [{ name: 'items', count: 200, arrival: { kind: 'backlog' }, complexity: 1, equivalentUnits: 1, workflow: ['annotate', 'review'] }],
      pools: [
        pool('annotators', 1, { shifts: [crew(1, 'UTC', '00:00', '24:00', EVERY_DAY)], pay: { kind: 'hourly', perHour: 20 } }),
        pool('reviewers', 1, { shifts: [crew(1, 'UTC', '00:00', '24:00', EVERY_DAY)], pay: { kind: 'hourly', perHour: 30 } }),
      ],
      stages: [annotate('annotators', 1), review('reviewers', 0.5)],
    });
    const r = simulateReplication(config, 1, 0);
    // The 10 accepted ones, and of the labels made before the change but accepted after it (one, in review), its 10% share (none).
    expect(r.relabelItems[0]).toBe(10);
    expect(r.relabelHours[0]).toBe(15);
    expect(r.relabelCost[0]).toBe(10 * 20 + 10 * 0.5 * 30);
    expect(r.accepted).toBe(200);
  });

  it('labels in progress at a change that targets them go back when they would be accepted', () => {
    // Labels take 1 h, reviews 2 h: item k is labelled by t = k and accepted at 1 + 2k. At
    // t = 100.5 h, 49 items are accepted and labels 50 to 100 (made under the old version) wait in
    // review. Relabelling all sends back the 49 at once and the 51 when their review passes: 100
    // relabel items, each a label and a review (3 h). The reviewer, never idle from t = 1, does
    // 200 + 100 reviews: the project ends at 601 h instead of 401 h.
    const config = onePerson(200, [change({ kind: 'at', hours: 100.5 }, { kind: 'all' })], true, {
      work: [{ name: 'items', count: 200, arrival: { kind: 'backlog' }, complexity: 1, equivalentUnits: 1, workflow: ['annotate', 'review'] }],
      pools: [
        pool('annotators', 1, { shifts: [crew(1, 'UTC', '00:00', '24:00', EVERY_DAY)], pay: { kind: 'hourly', perHour: 20 } }),
        pool('reviewers', 1, { shifts: [crew(1, 'UTC', '00:00', '24:00', EVERY_DAY)], pay: { kind: 'hourly', perHour: 30 } }),
      ],
      stages: [annotate('annotators', 1), review('reviewers', 2)],
    });
    const plain = simulateReplication({ ...config, guidelines: { tracked: true, changes: [] } }, 1, 0);
    const model = new AnnotationModel(config, 1, 0);
    const r = model.run();
    expect(plain.completionHours).toBe(401);
    expect(r.relabelItems[0]).toBe(100);
    expect(r.relabelHours[0]).toBe(300);
    expect(r.relabelCost[0]).toBe(100 * 20 + 100 * 2 * 30);
    expect(r.completionHours).toBe(601);
    expect(r.accepted).toBe(200);
    // Counts by version: every delivered item is of version 1.
    const g = model.guidelines!;
    expect(g.accepted[0]).toBe(0);
    expect(g.accepted[1]).toBe(200);
  });

  it('a targeted relabel of some classes sends back exactly the accepted items of those classes', () => {
    const work = [
      {
        name: 'items',
        count: 2000,
        arrival: { kind: 'backlog' as const },
        complexity: 1,
        equivalentUnits: 1,
        workflow: ['annotate'],
        classes: { names: ['car', 'truck', 'bus'], prevalence: [0.5, 0.3, 0.2], confusion: 'uniform' as const },
      },
    ];
    const config = onePerson(2000, [change({ kind: 'afterAccepted', items: 1000 }, { kind: 'classes', names: ['truck'], share: 1 })], true, { work, deterministic: false });
    const recorder = acceptances();
    const model = new AnnotationModel(config, 7, 3, { recorder });
    const r = model.run();
    // The class of each item accepted before the change, recomputed from its serial as the model draws it.
    const classes = new LabelClasses(work, new ClassDraws(7, 3));
    const trucks = recorder.serials.slice(0, 1000).filter((s) => classes.trueClass(0, s) === 1).length;
    expect(trucks).toBeGreaterThan(250);
    expect(trucks).toBeLessThan(350);
    expect(r.relabelItems[0]).toBe(trucks);
    const g = model.guidelines!;
    // Counts per (class, version): no truck of version 0 is left; version 1 holds the relabelled trucks and everything after.
    expect(g.accepted[1 * 2 + 0]).toBe(0);
    expect(g.accepted[0] + g.accepted[1] + g.accepted[2] + g.accepted[3] + g.accepted[4] + g.accepted[5]).toBe(2000);
    expect(r.completionHours).toBe(2000 + trucks);
  });

  it('keeps the same state whatever the number of items: counts, not records', () => {
    const sizes = [2000, 20_000].map((n) => {
      const model = new AnnotationModel(onePerson(n, [change({ kind: 'afterAccepted', items: n / 2 }, { kind: 'all' })], true, { horizonHours: 400 * 168 }), 1, 0);
      const r = model.run();
      expect(r.relabelItems[0]).toBe(n / 2);
      expect(r.completionHours).toBe(1.5 * n);
      return model.guidelines!.stateSize;
    });
    expect(sizes[1]).toBe(sizes[0]);
  });

  it('in random mode, a share is a count of the accepted items, and a replication is the same each time it runs', () => {
    const config = onePerson(1000, [change({ kind: 'afterAccepted', items: 500 }, { kind: 'share', share: 0.1 })], true, {
      deterministic: false,
      pools: [pool('annotators', 1, { shifts: [crew(1, 'UTC', '00:00', '24:00', EVERY_DAY)], pay: { kind: 'hourly', perHour: 20 }, errorRate: 0.2 })],
    });
    const a = simulateReplication(config, 5, 2);
    const b = simulateReplication(config, 5, 2);
    expect(a.relabelItems[0]).toBe(50);
    expect(a.completionHours).toBe(1050);
    expect(b.accurate).toBe(a.accurate);
    // Every delivered label is a label of the newest version: right or wrong as the annotator made it.
    expect(a.accepted).toBe(1000);
    expect(a.accurate).toBeGreaterThan(750);
    expect(a.accurate).toBeLessThan(850);
  });
});
