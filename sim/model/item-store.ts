import { widened } from '../engine/typed-arrays.js';
import { Pass } from './pass.js';

/**
 * Per-item state as struct-of-arrays: one byte per field, plus the item's serial number (the
 * key of its random draws). NOTE: speed and memory forced this shape: 500,000 items as objects
 * would cost ~100 bytes each and the garbage collector's time; here an item costs 17 bytes.
 *
 * Items exist only from the moment they are first served (a backlog is a counter in the queue)
 * until they are accepted, and slots are recycled: memory is bounded by the work in progress,
 * not by the number of items in the project.
 */
export class ItemStore {
  type: Uint8Array;
  /** Index of the current stage in the model's stage list. */
  stage: Uint8Array;
  /** Position in the item type's workflow (0 = the annotate stage). */
  step: Uint8Array;
  pass: Uint8Array;
  /** Labels submitted in the current annotate pass, and how many of them are wrong. */
  labels: Uint8Array;
  wrong: Uint8Array;
  /** 1 once a review tier has found the current label wrong: an error is found (and penalised) once until the label is redone. */
  found: Uint8Array;
  /** Tasks of the current stage visit begun so far (keys each consensus label's own draws). */
  begun: Uint8Array;
  /** Pool of the person whose label the item carries (per-accepted fees and QA penalties go to it). */
  labeller: Uint8Array;
  /** Reviews failed so far: a whole word, since without escalation nothing bounds it. */
  attempts: Int32Array;
  serial: Int32Array;
  private free: Int32Array;
  private freeCount = 0;
  private used = 0;

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.type = new Uint8Array(n);
    this.stage = new Uint8Array(n);
    this.step = new Uint8Array(n);
    this.pass = new Uint8Array(n);
    this.labels = new Uint8Array(n);
    this.wrong = new Uint8Array(n);
    this.found = new Uint8Array(n);
    this.begun = new Uint8Array(n);
    this.labeller = new Uint8Array(n);
    this.attempts = new Int32Array(n);
    this.serial = new Int32Array(n);
    this.free = new Int32Array(16);
  }

  /** A new item of `type` at its first stage, with the serial that keys its random draws; returns its slot. */
  create(type: number, stage: number, serial: number): number {
    const id = this.freeCount > 0 ? this.free[--this.freeCount] : this.used++;
    if (id >= this.type.length) this.grow();
    this.type[id] = type;
    this.stage[id] = stage;
    this.step[id] = 0;
    this.pass[id] = Pass.First;
    this.labels[id] = 0;
    this.wrong[id] = 0;
    this.found[id] = 0;
    this.begun[id] = 0;
    this.attempts[id] = 0;
    this.serial[id] = serial;
    return id;
  }

  /** The item has left the system; its slot may be reused. */
  release(id: number): void {
    if (this.freeCount === this.free.length) {
      const free = new Int32Array(this.free.length * 2);
      free.set(this.free);
      this.free = free;
    }
    this.free[this.freeCount++] = id;
  }

  get capacity(): number {
    return this.type.length;
  }

  private grow(): void {
    const n = this.type.length * 2;
    this.type = widened(this.type, n);
    this.stage = widened(this.stage, n);
    this.step = widened(this.step, n);
    this.pass = widened(this.pass, n);
    this.labels = widened(this.labels, n);
    this.wrong = widened(this.wrong, n);
    this.found = widened(this.found, n);
    this.begun = widened(this.begun, n);
    this.labeller = widened(this.labeller, n);
    this.attempts = widened(this.attempts, n);
    this.serial = widened(this.serial, n);
  }
}

/** Bytes of typed-array columns per item (nine one-byte fields, the Int32 attempts and serial; the free list apart), for the memory estimate; checked in the tests. */
export const BYTES_PER_ITEM_STATE = 9 * 1 + 4 + 4;
