import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../sim/engine/event-queue.js';
import { sameInstant } from '../../../sim/engine/same-instant.js';
import { Simulation } from '../../../sim/engine/simulation.js';

interface Popped {
  time: number;
  kind: number;
  a: number;
  b: number;
}

function popAll(queue: EventQueue): Popped[] {
  const out: Popped[] = [];
  while (queue.pop()) out.push({ time: queue.time, kind: queue.kind, a: queue.a, b: queue.b });
  return out;
}

describe('the event queue', () => {
  it('pops events in time order', () => {
    const queue = new EventQueue();
    const times = [5, 1.5, 9, 0, 3.25, 7, 2];
    times.forEach((t, i) => queue.push(t, i, 10 * i, 100 - i));
    const popped = popAll(queue);
    expect(popped.map((e) => e.time)).toEqual([...times].sort((x, y) => x - y));
    // The payload travels with its time.
    for (const e of popped) {
      const i = times.indexOf(e.time);
      expect(e).toEqual({ time: times[i], kind: i, a: 10 * i, b: 100 - i });
    }
  });

  it('pops events scheduled for the same instant in the order they were pushed', () => {
    const queue = new EventQueue();
    for (let i = 0; i < 50; i++) queue.push(i % 2 === 0 ? 4 : 2, 0, i, 0);
    const popped = popAll(queue);
    const odd = Array.from({ length: 25 }, (_, k) => 2 * k + 1);
    const even = Array.from({ length: 25 }, (_, k) => 2 * k);
    expect(popped.map((e) => e.a)).toEqual([...odd, ...even]);
  });

  it('reports its size and earliest time, and Infinity when empty', () => {
    const queue = new EventQueue();
    expect(queue.size).toBe(0);
    expect(queue.peekTime()).toBe(Infinity);
    expect(queue.pop()).toBe(false);
    queue.push(3, 0, 0, 0);
    queue.push(1, 0, 0, 0);
    expect(queue.size).toBe(2);
    expect(queue.peekTime()).toBe(1);
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBe(false);
  });

  it('grows past its initial capacity without losing or reordering events', () => {
    const queue = new EventQueue(16);
    const n = 1_000;
    for (let i = 0; i < n; i++) queue.push((i * 7919) % 101, 0, i, 0);
    const popped = popAll(queue);
    expect(popped).toHaveLength(n);
    for (let k = 1; k < n; k++) {
      const prev = popped[k - 1];
      const cur = popped[k];
      expect(prev.time < cur.time || (prev.time === cur.time && prev.a < cur.a)).toBe(true);
    }
  });

  it('matches a sorted reference for any sequence of pushes, pops and replacements of the top', () => {
    // Few distinct times so that ties are common; payloads identify each push. A replacement is
    // what the clock does when a handler schedules a successor: the top gives its place to a new
    // event, which orders as if pushed after the top was removed.
    const time = fc.integer({ min: 0, max: 12 }).map((t) => t / 4);
    const command = fc.oneof(
      { arbitrary: fc.record({ op: fc.constant('push' as const), time }), weight: 3 },
      { arbitrary: fc.record({ op: fc.constant('pop' as const) }), weight: 2 },
      { arbitrary: fc.record({ op: fc.constant('replace' as const), time }), weight: 2 },
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 400 }), fc.integer({ min: 1, max: 64 }), (commands, capacity) => {
        const queue = new EventQueue(capacity);
        // Reference: a list kept sorted by (time, insertion sequence); a new entry goes after every
        // entry with time <= its own.
        const reference: Array<{ time: number; seq: number }> = [];
        let seq = 0;
        for (const c of commands) {
          const insert = (t: number) => {
            const entry = { time: t, seq: seq++ };
            let i = reference.length;
            while (i > 0 && reference[i - 1].time > entry.time) i--;
            reference.splice(i, 0, entry);
            return entry;
          };
          if (c.op === 'push') {
            const entry = insert(c.time);
            queue.push(entry.time, entry.seq % 7, entry.seq, 1_000 - entry.seq);
          } else if (c.op === 'replace') {
            if (reference.length === 0) continue;
            expect(queue.peekTop()).toBe(true);
            expect(queue.a).toBe(reference[0].seq);
            reference.shift();
            // A successor is never earlier than the event it replaces.
            const entry = insert(Math.max(c.time, queue.time));
            queue.replaceTop(entry.time, entry.seq % 7, entry.seq, 1_000 - entry.seq);
          } else {
            const expected = reference.shift();
            const ok = queue.pop();
            if (expected === undefined) {
              expect(ok).toBe(false);
            } else {
              expect(ok).toBe(true);
              expect({ time: queue.time, kind: queue.kind, a: queue.a, b: queue.b }).toEqual({
                time: expected.time,
                kind: expected.seq % 7,
                a: expected.seq,
                b: 1_000 - expected.seq,
              });
            }
          }
          expect(queue.size).toBe(reference.length);
          expect(queue.peekTime()).toBe(reference.length > 0 ? reference[0].time : Infinity);
        }
        // Draining what is left also follows the reference.
        expect(popAll(queue).map((e) => e.a)).toEqual(reference.map((e) => e.seq));
      }),
      { seed: 20240601, numRuns: 300 },
    );
  });
});

describe('the simulation clock', () => {
  it('refuses to schedule an event in the past', () => {
    const sim = new Simulation();
    const kind = sim.register(() => {});
    sim.at(5, kind);
    sim.run();
    expect(sim.now).toBe(5);
    expect(() => sim.at(4.999, kind)).toThrow(/past/);
    expect(() => sim.after(-1, kind)).toThrow(/past/);
    expect(() => sim.at(Number.NaN, kind)).toThrow(/past/);
    expect(() => sim.at(5, kind)).not.toThrow();
  });

  it('handles events in time order, ties in scheduling order, and passes their arguments', () => {
    const sim = new Simulation();
    const log: string[] = [];
    const x = sim.register((a, b) => log.push(`x${a},${b}@${sim.now}`));
    const y = sim.register((a, b) => log.push(`y${a},${b}@${sim.now}`));
    sim.at(2, y, 1, 2);
    sim.at(1, x, 3, 4);
    sim.at(2, x, 5, 6);
    sim.run();
    expect(log).toEqual(['x3,4@1', 'y1,2@2', 'x5,6@2']);
    expect(sim.eventsHandled).toBe(3);
  });

  it('stops at the horizon with the clock at the horizon and later events still pending', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const kind = sim.register(() => seen.push(sim.now));
    sim.at(1, kind);
    sim.at(10, kind);
    sim.at(10.5, kind);
    sim.run(10);
    expect(seen).toEqual([1, 10]);
    expect(sim.now).toBe(10);
    expect(sim.pendingEvents).toBe(1);
    expect(sim.peek()).toBe(10.5);
    sim.run(8); // a horizon already passed does nothing, and the clock never runs backwards
    expect(sim.now).toBe(10);
    sim.run(20);
    expect(seen).toEqual([1, 10, 10.5]);
    expect(sim.now).toBe(20);
  });

  it('keeps event times as scheduled, unrounded: decimal durations meet a landmark up to rounding', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const kind = sim.register(() => {
      seen.push(sim.now);
      if (seen.length < 800) sim.after(0.01, kind);
    });
    sim.at(0.1 + 0.2, kind); // 0.30000000000000004 in binary floating point
    sim.run();
    expect(seen[0]).toBe(0.1 + 0.2);
    expect(seen[799]).not.toBe(8.29);
    expect(sameInstant(seen[799], 8.29)).toBe(true);
  });

  it('takes two instants within a billionth of the clock reading for one, and no closer ones', () => {
    expect(sameInstant(8.290000000000001, 8.29)).toBe(true);
    expect(sameInstant(1000 + 0.9e-6, 1000)).toBe(true); // 3.2 ms at 1,000 h
    expect(sameInstant(1000 - 0.9e-6, 1000)).toBe(true);
    expect(sameInstant(1000 + 1.1e-6, 1000)).toBe(false);
    expect(sameInstant(0.5e-9, 0)).toBe(true); // at least a billionth of an hour near t = 0
    expect(sameInstant(2e-9, 0)).toBe(false);
    expect(sameInstant(8, Infinity)).toBe(false);
    expect(sameInstant(8, NaN)).toBe(false);
  });

  // run(until) leaves the clock at the horizon, so an event scheduled 'now' afterwards is not in the past.
  it('never moves the clock backwards, even after running to a horizon between events', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const kind = sim.register(() => seen.push(sim.now));
    sim.run(1 / 3);
    const before = sim.now;
    sim.at(sim.now, kind);
    sim.run();
    expect(seen[0]).toBeGreaterThanOrEqual(before);
  });

  it('stops after the current event when a handler calls stop()', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const kind = sim.register(() => {
      seen.push(sim.now);
      if (sim.now === 2) sim.stop();
    });
    for (const t of [1, 2, 3]) sim.at(t, kind);
    sim.run(100);
    expect(seen).toEqual([1, 2]);
    expect(sim.now).toBe(2);
    sim.run(100);
    expect(seen).toEqual([1, 2, 3]);
  });
});
