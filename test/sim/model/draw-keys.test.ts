import { describe, expect, it } from 'vitest';
import {
  COMPACT_CLASS_ATTEMPTS,
  COMPACT_GOLD,
  COMPACT_HANDLING_ATTEMPTS,
  COMPACT_OUTCOME_ATTEMPTS,
  COMPACT_PEOPLE,
  COMPACT_REVIEW_ATTEMPTS,
  COMPACT_STEPS,
  COMPACT_TASKS,
  GOLD_BASE,
  ClassDraws,
  ItemDraws,
  OUTCOME_SLOTS,
  PersonDraws,
  arrivalStream,
  POOL_SLOTS,
  drawKeyOf,
  type DrawKey,
} from '../../../sim/model/draw-keys.js';
import { ItemStore } from '../../../sim/model/item-store.js';
import { MAX_POOLS, MAX_STAGES } from '../../../sim/model/model-limits.js';
import { KeyedRandom } from '../../../sim/random/keyed-random.js';

const INT32 = 2 ** 31;
/** Values of a counter worth trying: the small ones, and each side of every compact bound. */
const around = (...bounds: number[]) => [...new Set([0, 1, 2, 15, 16, 17, 61, 62, 63, 255, 256, 999, 1000, ...bounds.flatMap((b) => [b - 1, b, b + 1]), INT32 - 1])].filter((v) => v >= 0 && v < INT32);
const stages = [0, 1, 15, 16, MAX_STAGES - 1];
const pools = [0, 1, MAX_POOLS - 1];
const attempts = around(COMPACT_HANDLING_ATTEMPTS, COMPACT_OUTCOME_ATTEMPTS, COMPACT_REVIEW_ATTEMPTS);
const people = around(COMPACT_PEOPLE);
const steps = [0, 1, 15, 16, 17, 255];
const tasks = [0, 1, 8, 15, 16, 17, 255];
const golds = around(COMPACT_GOLD);
const classAttempts = around(COMPACT_CLASS_ATTEMPTS);

/** Every kind of draw over the grid, as (what, key). */
function everyKey(): Array<[string, DrawKey]> {
  const out: Array<[string, DrawKey]> = [];
  for (const s of stages) {
    for (const a of attempts) for (const t of tasks) out.push([`task ${s} ${a} ${t}`, drawKeyOf.task(s, a, t)]);
    for (const g of golds) out.push([`gold task ${s} ${g}`, drawKeyOf.goldTask(s, g)]);
    for (const a of attempts) for (const p of people) for (const pool of pools) out.push([`label ${s} ${p} ${pool} ${a}`, drawKeyOf.labelError(s, p, pool, a)]);
    for (const st of steps) out.push([`sampled ${s} ${st}`, drawKeyOf.sampled(s, st)]);
    for (const a of attempts) {
      for (const st of steps) {
        out.push([`caught ${s} ${a} ${st}`, drawKeyOf.caught(s, a, st)]);
        out.push([`false reject ${s} ${a} ${st}`, drawKeyOf.falseReject(s, a, st)]);
      }
      out.push([`agreement ${s} ${a}`, drawKeyOf.agreement(s, a)]);
    }
    for (const g of golds) out.push([`gold ${s} ${g}`, drawKeyOf.gold(s, g)]);
    for (const a of classAttempts) for (const p of people) for (const pool of pools) out.push([`wrong class ${s} ${p} ${pool} ${a}`, drawKeyOf.wrongClass(s, p, pool, a)]);
  }
  out.push(['true class', drawKeyOf.trueClass()]);
  return out;
}

const keyText = (k: DrawKey) => `${k.stream}|${k.k2}|${k.k3}|${k.k4 ?? '-'}`;

describe('the keys of per-item draws', () => {
  it('never give two different draws the same key, whatever the attempt, step, task, person or gold count', () => {
    const seen = new Map<string, string>();
    const keys = everyKey();
    expect(keys.length).toBeGreaterThan(5_000);
    for (const [what, key] of keys) {
      const text = keyText(key);
      expect(seen.get(text), `${what} and ${seen.get(text)} share ${text}`).toBeUndefined();
      seen.set(text, what);
    }
  });

  it('keep every word a non-negative int32, so nothing wraps', () => {
    for (const [what, key] of everyKey()) {
      for (const word of [key.k2, key.k3, key.k4 ?? 0]) {
        expect(Number.isInteger(word) && word >= 0 && word < INT32, `${what}: ${keyText(key)}`).toBe(true);
      }
    }
  });

  it('keep the compact layout of earlier releases inside its range, so published figures stand', () => {
    expect(drawKeyOf.task(3, 2, 1)).toEqual({ stream: 'handling', k2: 3, k3: 2 * 16 + 1 });
    expect(drawKeyOf.goldTask(3, 4)).toEqual({ stream: 'handling', k2: 3, k3: 1004 });
    expect(drawKeyOf.labelError(2, 3, 1, 4)).toEqual({ stream: 'outcomes', k2: 3 * 256 + 1, k3: 4 * 4096 + 2 * 16 + 1 });
    expect(drawKeyOf.sampled(2, 1)).toEqual({ stream: 'outcomes', k2: 1, k3: 2 * 16 + 2 });
    expect(drawKeyOf.caught(2, 3, 1)).toEqual({ stream: 'outcomes', k2: 3 * 16 + 1, k3: 2 * 16 + 3 });
    expect(drawKeyOf.falseReject(2, 3, 1)).toEqual({ stream: 'outcomes', k2: 3 * 16 + 1, k3: 2 * 16 + 4 });
    expect(drawKeyOf.agreement(2, 3)).toEqual({ stream: 'outcomes', k2: 3, k3: 2 * 16 + 5 });
    expect(drawKeyOf.gold(2, 3)).toEqual({ stream: 'outcomes', k2: 3, k3: 2 * 16 + 6 });
  });

  it('move to the wide stream exactly where a compact packing would collide: the 62nd rejection (62 x 16 + 8 = 1000 + 8), the 17th step', () => {
    expect(drawKeyOf.task(0, 61, 15).stream).toBe('handling');
    expect(drawKeyOf.task(0, 62, 8).stream).toBe('handling/wide');
    expect(keyText(drawKeyOf.task(0, 62, 8))).not.toBe(keyText(drawKeyOf.goldTask(0, 8)));
    expect(drawKeyOf.caught(0, 1, 16).stream).toBe('outcomes/wide');
    expect(keyText(drawKeyOf.caught(0, 1, 16))).not.toBe(keyText(drawKeyOf.caught(0, 2, 0)));
  });

  it('have bounds that follow from the packings and the model limits', () => {
    expect(COMPACT_HANDLING_ATTEMPTS * COMPACT_TASKS - 1).toBeLessThan(GOLD_BASE);
    expect((COMPACT_HANDLING_ATTEMPTS + 1) * COMPACT_TASKS - 1).toBeGreaterThanOrEqual(GOLD_BASE);
    expect(OUTCOME_SLOTS).toBe(MAX_STAGES * 16);
    expect(POOL_SLOTS).toBe(MAX_POOLS);
    expect(COMPACT_OUTCOME_ATTEMPTS).toBe(INT32 / OUTCOME_SLOTS);
    expect(COMPACT_REVIEW_ATTEMPTS).toBe(INT32 / COMPACT_STEPS);
    expect(COMPACT_PEOPLE).toBe(INT32 / POOL_SLOTS);
    expect(COMPACT_GOLD).toBe(INT32 - GOLD_BASE);
    expect((COMPACT_CLASS_ATTEMPTS - 1) * MAX_STAGES + MAX_STAGES).toBeLessThan(INT32);
    expect(COMPACT_CLASS_ATTEMPTS * MAX_STAGES + MAX_STAGES).toBeGreaterThanOrEqual(INT32);
  });

  it('are the keys ClassDraws draws at, on streams of their own', () => {
    const draws = new ClassDraws(99, 3);
    const at = (key: DrawKey, serial: number) => {
      const r = new KeyedRandom(99, 3, key.stream);
      return key.k4 === undefined ? r.at(serial, key.k2, key.k3)() : r.at4(serial, key.k2, key.k3, key.k4)();
    };
    expect(draws.trueClass(77)).toBe(at(drawKeyOf.trueClass(), 77));
    for (const [s, p, a] of [[0, 0, 0], [3, 5, 2], [255, COMPACT_PEOPLE - 1, COMPACT_CLASS_ATTEMPTS - 1], [1, 2, COMPACT_CLASS_ATTEMPTS], [1, COMPACT_PEOPLE, 0]]) {
      expect(draws.wrongClass(77, s!, p!, 4, a!)).toBe(at(drawKeyOf.wrongClass(s!, p!, 4, a!), 77));
    }
  });

  it('are the keys ItemDraws draws at', () => {
    const draws = new ItemDraws(99, 3);
    const at = (key: DrawKey, serial: number) => {
      const r = new KeyedRandom(99, 3, key.stream);
      return key.k4 === undefined ? r.at(serial, key.k2, key.k3)() : r.at4(serial, key.k2, key.k3, key.k4)();
    };
    for (const [s, a, x] of [[1, 0, 0], [2, 61, 15], [3, 62, 8], [4, 70_000, 3], [5, 3, 16]]) {
      expect(draws.labelError(77, s, x, 1, a)).toBe(at(drawKeyOf.labelError(s, x, 1, a), 77));
      expect(draws.caught(77, s, a, x)).toBe(at(drawKeyOf.caught(s, a, x), 77));
      expect(draws.falseReject(77, s, a, x)).toBe(at(drawKeyOf.falseReject(s, a, x), 77));
      expect(draws.sampled(77, s, x)).toBe(at(drawKeyOf.sampled(s, x), 77));
      expect(draws.agreement(77, s, a)).toBe(at(drawKeyOf.agreement(s, a), 77));
      expect(draws.gold(77, s, x)).toBe(at(drawKeyOf.gold(s, x), 77));
      const onWide = draws.task(77, s, a, x);
      expect((onWide ? draws.wideSource : draws.compactSource)()).toBe(at(drawKeyOf.task(s, a, x), 77));
      const goldOnWide = draws.goldTask(77, s, a);
      expect((goldOnWide ? draws.wideSource : draws.compactSource)()).toBe(at(drawKeyOf.goldTask(s, a), 77));
    }
  });
});

describe('the count of failed reviews', () => {
  it('is a whole word per item: the 256th rejection is not the first again', () => {
    const items = new ItemStore(4);
    const id = items.create(0, 0, 1);
    items.attempts[id] = 256;
    expect(items.attempts[id]).toBe(256);
    expect(keyText(drawKeyOf.labelError(0, 0, 0, items.attempts[id]))).not.toBe(keyText(drawKeyOf.labelError(0, 0, 0, 0)));
  });
});

describe('every kind of draw, pinned', () => {
  // Golden values: a change of a key's layout, a stream's name or the mixing function shows here
  // first (and moves every published figure with it).
  it('gives the same first uniform of each kind of draw at seed 20270405, replication 0', () => {
    const d = new ItemDraws(20270405, 0);
    const p = new PersonDraws(20270405, 0);
    const first = (onWide: boolean) => (onWide ? d.wideSource : d.compactSource)();
    p.pace(0, 3);
    expect({
      task: first(d.task(7, 1, 0, 0)),
      wideTask: first(d.task(7, 1, 62, 8)),
      goldTask: first(d.goldTask(7, 1, 0)),
      labelError: d.labelError(7, 0, 3, 1, 0),
      wideLabelError: d.labelError(7, 0, 3, 1, 600_000),
      sampled: d.sampled(7, 1, 1),
      caught: d.caught(7, 1, 0, 1),
      falseReject: d.falseReject(7, 1, 0, 1),
      agreement: d.agreement(7, 0, 0),
      gold: d.gold(7, 0, 0),
      pace: p.paceSource(),
      absence: p.absence(0, 3, 5),
      arrival: arrivalStream(20270405, 0, 'frames')(),
    }).toEqual({
      task: 0.5832650966476649,
      wideTask: 0.8033962266054004,
      goldTask: 0.6152717657387257,
      labelError: 0.46002394356764853,
      wideLabelError: 0.7718901911284775,
      sampled: 0.26433330518193543,
      caught: 0.2015207044314593,
      falseReject: 0.9897354245185852,
      agreement: 0.6230802848003805,
      gold: 0.6153224487788975,
      pace: 0.5869338777847588,
      absence: 0.3030294640921056,
      arrival: 0.07597539783455431,
    });
  });
});
