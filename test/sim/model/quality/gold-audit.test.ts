import { describe, expect, it } from 'vitest';
import { Activity, LABOUR_ACTIVITIES } from '../../../../sim/model/activities.js';
import { simulateReplication } from '../../../../sim/model/annotation-model.js';
import type { ModelConfig, PoolConfig } from '../../../../sim/model/config.js';
import type { FlagAction, GoldAuditConfig } from '../../../../sim/model/quality/gold-config.js';
import { PersonDraws } from '../../../../sim/model/draw-keys.js';
import { PersonAccuracy } from '../../../../sim/model/modifiers/person-accuracy.js';
import type { Recorder } from '../../../../sim/model/recorder.js';
import { confidenceInterval, covers } from '../../../support/statistics.js';
import { annotate, pool, roundTheClock, smallCase, work } from '../model-fixtures.js';
import { exactSprt, type Sprt } from './exact-sprt.js';

const SPRT: Sprt = { kind: 'sprt', p0: 0.04, p1: 0.12, alpha: 0.05, beta: 0.1, repeat: false };
const M = 0.01;

/** A stage served by `pools` (round the clock) with a gold audit. */
function audited(pools: PoolConfig[], items: number, share: number, gold: Partial<GoldAuditConfig>, deterministic = true, overrides: Partial<ModelConfig> = {}): ModelConfig {
  return smallCase({
    deterministic,
    horizonHours: 4000,
    work: [work(items)],
    pools,
    stages: [annotate(pools[0].name, M, { pools: pools.map((p) => p.name), goldShare: share, gold: { rule: SPRT, onFlag: { kind: 'none' }, ...gold } })],
    ...overrides,
  });
}

/** What one pool's people did, task by task: starts (time, item hours without gold), finishes, labels. */
class PoolLog implements Recorder {
  readonly starts: Array<{ t: number; person: number; hours: number }> = [];
  readonly finishes: number[] = [];
  readonly labels: Array<{ wrong: boolean; t: number }> = [];
  private now = 0;
  constructor(private readonly pool: number) {}
  taskStarted(_s: number, _st: number, _a: number, pool: number, person: number, hours: number, goldHours: number, now: number): void {
    if (pool === this.pool) this.starts.push({ t: now, person, hours: hours - goldHours });
  }
  taskFinished(_s: number, _st: number, _a: number, pool: number, _person: number, now: number): void {
    this.now = now;
    if (pool === this.pool) this.finishes.push(now);
  }
  labelled(_s: number, pool: number, wrong: boolean): void {
    if (pool === this.pool) this.labels.push({ wrong, t: this.now });
  }
  reviewed(): void {}
  accepted(): void {}
  retrainStarted(): void {}
  busy(): void {}
}

/** A bad person (half their labels wrong) and a good one (none), sharing a queue round the clock. */
const badAndGood = (overrides: Partial<PoolConfig> = {}) => [pool('bad', 1, { shifts: [roundTheClock(1)], errorRate: 0.5, ...overrides }), pool('good', 1, { shifts: [roundTheClock(1)], errorRate: 0 })];

function run(action: FlagAction, overrides: Partial<PoolConfig> = {}, items = 4000) {
  const log = new PoolLog(0);
  const r = simulateReplication(audited(badAndGood(overrides), items, 0.2, { onFlag: action }), 1, 0, { recorder: log });
  return { r, log };
}

describe('gold audits: gold served', () => {
  it('serves the configured share of gold, exactly in deterministic mode: 1,000 gold items beside 4,000 real ones at 20%', () => {
    const { r } = run({ kind: 'none' });
    // 20% of all tasks: 4,000 real ones are 80% of 5,000.
    expect(r.goldItems[0]).toBe(1000);
    expect(r.goldHours[0]).toBeCloseTo(1000 * M, 9);
    expect(r.tasksByPoolActivity[Activity.gold] + r.tasksByPoolActivity[LABOUR_ACTIVITIES.length + Activity.gold]).toBe(1000);
    expect(r.accepted).toBe(4000);
  });

  it('serves share / (1 - share) gold items per real one on average in random mode (within a 95% interval)', () => {
    const items: number[] = [];
    for (let rep = 0; rep < 20; rep++) items.push(simulateReplication(audited(badAndGood(), 2000, 0.1, {}, false), 3, rep).goldItems[0]);
    expect(covers(confidenceInterval(items), (2000 * 0.1) / 0.9)).toBe(true);
  });

  it('prices gold hours at the pool rate in goldCost', () => {
    const hourly = { pay: { kind: 'hourly' as const, perHour: 30 } };
    const r = simulateReplication(audited([pool('a', 2, { shifts: [roundTheClock(2)], ...hourly })], 1000, 0.2, {}), 1, 0);
    expect(r.goldCost[0]).toBeCloseTo(r.goldHours[0] * 30, 9);
    expect(r.costByActivity[Activity.gold]).toBeCloseTo(r.goldCost[0], 2);
  });
});

describe('gold audits: the rule in the simulation', () => {
  it("flags bad people (12%) and good ones (4%) as often as the exact SPRT calculation says (within 4 standard errors)", () => {
    // 200 people at p1 and 200 at p0, each answering about 600 gold items: every test ends (no repeat).
    const people = 200;
    const pools = [pool('bad', people, { shifts: [roundTheClock(people)], errorRate: SPRT.p1 }), pool('good', people, { shifts: [roundTheClock(people)], errorRate: SPRT.p0 })];
    let bad = 0;
    let badFlagged = 0;
    let good = 0;
    let falseFlags = 0;
    for (let rep = 0; rep < 3; rep++) {
      const r = simulateReplication(audited(pools, 2 * people * 600, 0.5, {}, false), 11, rep);
      bad += r.goldBadPeople[0];
      badFlagged += r.goldBadFlagged[0];
      good += r.goldGoodPeople[0];
      falseFlags += r.goldFalseFlags[0];
    }
    expect(bad).toBe(3 * people);
    expect(good).toBe(3 * people);
    const power = exactSprt(SPRT, SPRT.p1).flag;
    const falseRate = exactSprt(SPRT, SPRT.p0).flag;
    expect(Math.abs(badFlagged / bad - power)).toBeLessThan(4 * Math.sqrt((power * (1 - power)) / bad));
    expect(Math.abs(falseFlags / good - falseRate)).toBeLessThan(4 * Math.sqrt((falseRate * (1 - falseRate)) / good));
  });

  it('reports the hours from start to the first flag of a bad person', () => {
    const { r, log } = run({ kind: 'remove' });
    expect(r.goldBadPeople[0]).toBe(1);
    expect(r.goldBadFlagged[0]).toBe(1);
    // Removed at the end of their last task: the flag took effect then.
    expect(r.goldTimeToFlag[0]).toBeCloseTo(log.finishes[log.finishes.length - 1], 9);
    expect(r.goldFalseFlags[0]).toBe(0);
  });
});

describe('gold answers', () => {
  it("are wrong at the person's rate as every error modifier makes it: fatigue late in a shift flags a person whose rested rate never would", () => {
    // Deterministic: at 2% exactly one answer in 50 is wrong, and the SPRT's log-likelihood ratio
    // falls by 49 x 0.087 - 1.099 = 3.2 every 50 answers: never a flag. Fatigue that doubles the
    // rate every hour into a day shift makes late answers wrong often enough to flag.
    const day = (fatigue?: PoolConfig['fatigue']) => [pool('a', 2, { errorRate: 0.02, ...(fatigue === undefined ? {} : { fatigue }) })];
    const rested = simulateReplication(audited(day(), 4000, 0.2, {}), 1, 0);
    const tired = simulateReplication(audited(day({ afterHours: 0, pacePerHour: 0, errorPerHour: 1 }), 4000, 0.2, {}), 1, 0);
    expect(rested.goldItems[0]).toBe(tired.goldItems[0]);
    expect(rested.goldFlags[0]).toBe(0);
    expect(tired.goldFlags[0]).toBeGreaterThan(0);
  });

  it("of a replacement come from a person of their own: a new accuracy factor, keyed to the place and the generation", () => {
    const pools = [pool('a', 50, { errorSpread: 0.8 })];
    const first = new PersonAccuracy(pools, [50], new PersonDraws(4, 0));
    const again = new PersonAccuracy(pools, [50], new PersonDraws(4, 0));
    const before = first.factorOf(0, 7);
    first.replace(0, 7, 1);
    again.replace(0, 7, 1);
    expect(first.factorOf(0, 7)).not.toBe(before);
    expect(first.factorOf(0, 7)).toBe(again.factorOf(0, 7));
    // Everyone else keeps their factor.
    expect(first.factorOf(0, 8)).toBe(new PersonAccuracy(pools, [50], new PersonDraws(4, 0)).factorOf(0, 8));
  });
});

describe("gold audits: a flag's consequences", () => {
  it('a removed person does no more work and is not paid from the removal on', () => {
    const flagOnly = run({ kind: 'none' });
    const { r, log } = run({ kind: 'remove' });
    expect(r.goldFlags[0]).toBe(1);
    expect(r.goldRemoved[0]).toBe(1);
    const removedAt = log.finishes[log.finishes.length - 1];
    expect(log.starts.every((s) => s.t < removedAt)).toBe(true);
    expect(log.starts.length).toBeLessThan(flagOnly.log.starts.length);
    // Salaried round the clock: paid hours (worked + idle) are the hours up to the removal.
    const paid = LABOUR_ACTIVITIES.reduce((h, _, a) => h + r.hoursByPoolActivity[a], 0);
    expect(paid).toBeCloseTo(removedAt, 6);
    // The good person did everything else.
    expect(r.accepted).toBe(4000);
  });

  it("takes a pool's own consequence in place of the stage's", () => {
    const log = new PoolLog(0);
    const r = simulateReplication(audited(badAndGood(), 4000, 0.2, { onFlag: { kind: 'none' }, onFlagByPool: { bad: { kind: 'remove' } } }), 1, 0, { recorder: log });
    expect(r.goldRemoved[0]).toBe(1);
    expect(r.goldFlags[0]).toBe(1);
  });

  it('a replacement starts after the hiring delay, at half speed (ramp-up), and counts as a new person', () => {
    const delay = 50;
    // 20,000 items: the good person alone would take 200 h, so the project outlasts the delay.
    const { r, log } = run({ kind: 'replace', hiringDelayHours: delay }, { rampUpHours: 10 }, 20_000);
    const removedAt = firstGap(log.starts.map((s) => s.t), log.finishes);
    const after = log.starts.filter((s) => s.t > removedAt);
    expect(after.length).toBeGreaterThan(0);
    expect(after[0].t).toBeCloseTo(removedAt + delay, 9);
    expect(log.starts.some((s) => s.t > removedAt && s.t < removedAt + delay - 1e-9)).toBe(false);
    // A new hire's speed grows from half: their first item takes twice the handling time.
    expect(after[0].hours).toBeCloseTo(2 * M, 9);
    // The replacement is as bad (the pool's rate, deterministic mode): flagged in turn, a second bad person.
    expect(r.goldBadPeople[0]).toBeGreaterThanOrEqual(2);
  });

  it('a retrained person is off the queue for the retraining hours, paid as gold work, and comes back at their new error rate', () => {
    const hours = 8;
    const { r, log } = run({ kind: 'retrain', hours, errorFactor: 0 });
    const flaggedAt = firstGap(log.starts.map((s) => s.t), log.finishes);
    const back = log.starts.find((s) => s.t > flaggedAt)!;
    expect(back.t).toBeCloseTo(flaggedAt + hours, 9);
    expect(r.goldRetrainHours[0]).toBe(hours);
    expect(r.hoursByPoolActivity[Activity.gold]).toBeCloseTo(r.goldHours[0] - goodGoldHours(r) + hours, 9);
    // An error factor of 0: no wrong label after the return, so no second flag.
    expect(log.labels.filter((l) => l.t > flaggedAt && l.wrong)).toHaveLength(0);
    expect(r.goldFlags[0]).toBe(1);
  });
});

/** The gold hours of the good pool (the second), from its pool/activity line. */
function goodGoldHours(r: ReturnType<typeof simulateReplication>): number {
  return r.hoursByPoolActivity[LABOUR_ACTIVITIES.length + Activity.gold];
}

/** The finish after which the next start is not at that same instant: where the person left the queue. */
function firstGap(starts: number[], finishes: number[]): number {
  for (let i = 0; i + 1 < starts.length; i++) if (starts[i + 1] - finishes[i] > 1e-9) return finishes[i];
  return finishes[finishes.length - 1];
}
