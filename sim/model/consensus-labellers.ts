import type { Eligibility } from '../engine/eligibility.js';
import { widened } from '../engine/typed-arrays.js';
import type { ItemStore } from './item-store.js';
import { Pass } from './pass.js';
import type { StageRuntime } from './stage-runtime.js';

/**
 * Who has taken a copy of each item in its current consensus round, so that an item's k labels
 * come from k different people: the engine pool of a consensus stage asks `excludes` before it
 * gives a person a copy, and a copy waits while only people who already took one are free.
 *
 * People are the pool's servers (one engine pool per group of pools sharing a queue, so a
 * server number names one person of one pool). Copy c of item i is kept at i x width + c; the
 * item's `begun` count says how many copies of the round are taken. Only first passes of
 * consensus stages are restricted: rework, adjudication and escalation are single labels.
 */
export class ConsensusLabellers implements Eligibility {
  private takers: Int32Array;

  constructor(
    private readonly items: ItemStore,
    private readonly stages: StageRuntime[],
    /** The most labels any stage asks for. */
    private readonly width: number,
  ) {
    this.takers = new Int32Array(1024 * width);
  }

  /** Whether items at stage `st` in pass `pass` need distinct people. */
  static restricts(st: StageRuntime, pass: number): boolean {
    return st.labels > 1 && pass === Pass.First;
  }

  /** `server` takes copy `copy` (0-based, in the order copies are begun) of `item`'s round. */
  took(item: number, copy: number, server: number): void {
    const at = item * this.width + copy;
    if (at >= this.takers.length) this.takers = widened(this.takers, Math.max(2 * this.takers.length, at + 1));
    this.takers[at] = server;
  }

  excludes(item: number, server: number): boolean {
    const items = this.items;
    if (!ConsensusLabellers.restricts(this.stages[items.stage[item]], items.pass[item])) return false;
    const from = item * this.width;
    const to = from + items.begun[item];
    for (let at = from; at < to; at++) if (this.takers[at] === server) return true;
    return false;
  }
}
