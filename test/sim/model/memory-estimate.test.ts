import { describe, expect, it } from 'vitest';
import { BYTES_PER_EVENT_SLOT, EventQueue } from '../../../sim/engine/event-queue.js';
import { BYTES_PER_SERVER, ServerPool } from '../../../sim/engine/server-pool.js';
import { Simulation } from '../../../sim/engine/simulation.js';
import { BYTES_PER_ITEM_STATE, ItemStore } from '../../../sim/model/item-store.js';

/** Bytes of every typed array an object holds directly (its columns), whatever their names. */
function columnBytes(o: object, except: string[] = []): number {
  let n = 0;
  for (const [k, v] of Object.entries(o)) if (ArrayBuffer.isView(v) && !except.includes(k)) n += v.byteLength;
  return n;
}

describe('the memory estimate (sim/model/memory-estimate.ts)', () => {
  it('counts per server exactly the typed-array columns a server pool allocates', () => {
    const client = { serviceHours: () => 1, onServiceDone: () => {} };
    const pool = new ServerPool(new Simulation(), 1000, client as never);
    expect(columnBytes(pool) / 1000).toBe(BYTES_PER_SERVER);
  });

  it('counts per event slot exactly the typed-array columns of the future-event list', () => {
    expect(columnBytes(new EventQueue(1000)) / 1000).toBe(BYTES_PER_EVENT_SLOT);
  });

  it('counts per item exactly the typed-array columns of the item store (its free list apart)', () => {
    expect(columnBytes(new ItemStore(1000), ['free']) / 1000).toBe(BYTES_PER_ITEM_STATE);
  });
});
