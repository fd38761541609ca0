import { BYTES_PER_EVENT_SLOT } from '../engine/event-queue.js';
import { BYTES_PER_SERVER } from '../engine/server-pool.js';
import type { PoolCapacity } from './capacity.js';
import type { AnnotateStage, ModelConfig, ReviewStage, WorkType } from './config.js';
import { BYTES_PER_ITEM_STATE } from './item-store.js';
import { queueingCounters } from './queueing-counters.js';

/**
 * The memory one replication holds, estimated from the model before anything is allocated, so a
 * run can refuse a plan that would not fit instead of crashing hours in. It lives beside the
 * structures it measures: each byte count comes from the structure's own constant (checked
 * against the typed arrays it allocates in its tests).
 *
 * What a replication holds (measured, see test/experiments/run/limits.test.ts):
 * - per person: the server pool's typed arrays, the pool/person maps, pace and item counts, a
 *   slot in the event list, and the items they work on (consensus copies queued);
 * - per shift occurrence of each crew up to the horizon: 16 bytes of calendar (more while built);
 * - per day of the horizon: the burn-down (`remainingByDay`) and its copy in the result row;
 * - the queueing figures: a wait histogram per stage, the time-in-system histogram, weekly
 *   throughput and queues, delivery turnarounds (queueing-counters.ts), each with its copies;
 * - items waiting in a queue as items: a backlog or a delivery is a counter until served, but
 *   Poisson arrivals and items between stages (before a review tier that cannot keep up) exist
 *   one by one. Their number is estimated with the fluid model of the capacity check;
 * - the worker itself (code, the model config).
 */

/**
 * Bytes per person: the server pool's columns, the workforce's serverPool/serverPerson maps (8),
 * pace and itemsDone (12), an event slot (up to 2 x, the heap doubles), and 24 of slack: measured
 * 184 to 206 with 10,000 people (test/experiments/run/limits.test.ts). The item in hand is counted
 * with the items.
 */
export const BYTES_PER_PERSON = BYTES_PER_SERVER + 8 + 12 + 2 * BYTES_PER_EVENT_SLOT + 24;
/** Bytes per item that exists (its state, doubled on growth) and its queue entry (12, doubled). */
export const BYTES_PER_ITEM = 2 * BYTES_PER_ITEM_STATE + 2 * 12;
/** Bytes per shift occurrence kept in a crew calendar; building one takes about 80 more for a while. */
export const BYTES_PER_OCCURRENCE = 16;
const BYTES_PER_OCCURRENCE_BUILDING = 80;
/** Bytes per day of the horizon: remainingByDay, its copy in the result and in the batch's rows. */
export const BYTES_PER_DAY = 24;
/** The worker thread and the model apart from the above. */
export const BASE_BYTES = 32 * 2 ** 20;

export interface MemoryPart {
  /** "10,000 people x 200 B" */
  what: string;
  bytes: number;
  /** What to reduce to shrink this part. */
  reduce: string;
}

export interface ReplicationMemory {
  plan: string;
  bytes: number;
  parts: MemoryPart[];
}

/** The parts of a replication's memory that need no calendar to estimate: people, calendars, days. */
export function fixedMemory(config: ModelConfig): MemoryPart[] {
  const labels = Math.max(1, ...config.stages.map((s) => (s.kind === 'annotate' ? s.labels : 1)));
  const perPerson = BYTES_PER_PERSON + labels * BYTES_PER_ITEM;
  const people = config.pools.reduce((n, p) => n + p.shifts.reduce((m, c) => m + c.headcount, 0), 0);
  // Shift starts per week of each crew, over the horizon and the calendar's margin of a few days.
  const weeks = Math.ceil(config.horizonHours / 168) + 2;
  let occurrences = 0;
  let largest = 0;
  let crews = 0;
  for (const p of config.pools) {
    for (const crew of p.shifts) {
      const n = weeks * crew.shifts.reduce((k, s) => k + s.days.length, 0);
      occurrences += n;
      largest = Math.max(largest, n);
      crews++;
    }
  }
  const days = Math.ceil(config.horizonHours / 24);
  return [
    { what: `${count(people)} people x ${perPerson} B`, bytes: people * perPerson, reduce: 'the headcount' },
    {
      // Twice: the replication's calendars, and the copies kept for the plan's next replications (sim/calendar/shift-calendar.ts).
      what: `${count(occurrences)} shift occurrences of ${count(crews)} crew(s) x ${BYTES_PER_OCCURRENCE} B, twice (kept for the next replication)`,
      bytes: 2 * occurrences * BYTES_PER_OCCURRENCE + largest * BYTES_PER_OCCURRENCE_BUILDING,
      reduce: 'the horizon or the number of crews',
    },
    { what: `${count(days)} days of horizon x ${BYTES_PER_DAY} B`, bytes: days * BYTES_PER_DAY, reduce: 'the horizon' },
    { what: `${count(queueingCounters(config))} queueing counters x ${BYTES_PER_DAY} B`, bytes: queueingCounters(config) * BYTES_PER_DAY, reduce: 'the horizon or the number of stages' },
    { what: `${mib(BASE_BYTES)} for the worker`, bytes: BASE_BYTES, reduce: '' },
  ];
}

/**
 * Items that wait as items (not as a backlog counter), at their peak: Poisson arrivals before the
 * annotate stage, and items before each later stage (review tiers, adjudication). The fluid model:
 * a stage whose group has load L over a window W clears its demand at an even pace in L x W
 * hours; the items that reached a stage but not passed it pile up when it is slower than the
 * stages before it.
 */
export function queuedMemory(config: ModelConfig, capacity: PoolCapacity[]): MemoryPart | null {
  const openEnded = config.work.some((w) => w.count === null);
  const window = openEnded ? config.horizonHours - config.warmupHours : (config.deadlineHours ?? config.horizonHours);
  const loadOf = new Map(capacity.map((c) => [c.pool, c.load]));
  const stage = new Map(config.stages.map((s) => [s.name, s]));
  /** Hours a stage takes to clear all its demand: 0 if none, Infinity if no one works. */
  const span = (name: string) => {
    const load = Math.max(...stage.get(name)!.pools.map((p) => loadOf.get(p) ?? 0));
    return load === 0 ? 0 : load * window;
  };
  const horizon = config.horizonHours;
  let total = 0;
  let worst = { items: 0, stage: '' };
  for (const w of config.work) {
    const items = itemsOf(w, config);
    const arrival = arrivalSpan(w, config);
    const chain: Array<{ stage: string; items: number; span: number; materialised: boolean }> = [];
    const annotate = stage.get(w.workflow[0]) as AnnotateStage;
    chain.push({ stage: annotate.name, items: items * annotate.labels, span: span(annotate.name), materialised: w.arrival.kind === 'poisson' });
    for (const name of w.workflow.slice(1)) {
      const tier = stage.get(name) as ReviewStage;
      chain.push({ stage: name, items: items * tier.sampleRate, span: span(name), materialised: true });
    }
    const spans = [arrival, ...chain.map((c) => c.span)];
    const times = [...spans, horizon].filter((t) => t > 0 && t <= horizon);
    // Share of the items past the arrivals and the first i stages by time t.
    const passed = (i: number, t: number) => Math.min(1, ...spans.slice(0, i + 1).map((s) => (s === 0 ? Infinity : t / s)));
    chain.forEach((c, i) => {
      if (!c.materialised || c.items === 0) return;
      const peak = Math.max(0, ...times.map((t) => passed(i, t) - passed(i + 1, t)));
      const waiting = Math.ceil(c.items * peak);
      total += waiting;
      if (waiting > worst.items) worst = { items: waiting, stage: c.stage };
    });
    // Adjudication: the items whose labels disagree wait for the adjudicators.
    if (annotate.labels > 1 && annotate.adjudication !== null) {
      const adj = span(annotate.adjudication);
      const sp = [arrival, chain[0].span];
      const ts = [...sp, adj, horizon].filter((t) => t > 0 && t <= horizon);
      const at = (extra: number[], t: number) => Math.min(1, ...[...sp, ...extra].map((s) => (s === 0 ? Infinity : t / s)));
      const waiting = Math.ceil(items * Math.max(0, ...ts.map((t) => at([], t) - at([adj], t))));
      total += waiting;
      if (waiting > worst.items) worst = { items: waiting, stage: annotate.adjudication };
    }
  }
  if (total === 0) return null;
  const s = stage.get(worst.stage)!;
  const fix = s.kind === 'review' ? `more people in ${poolsOf(s.pools)} or a lower sample` : `more people in ${poolsOf(s.pools)}`;
  return {
    what: `${count(total)} items waiting as items (most before stage "${worst.stage}") x ${BYTES_PER_ITEM} B`,
    bytes: total * BYTES_PER_ITEM,
    reduce: `the items waiting before stage "${worst.stage}" (${fix})`,
  };
}

function itemsOf(w: WorkType, config: ModelConfig): number {
  if (w.count !== null) return w.count;
  const window = config.horizonHours - config.warmupHours;
  if (w.arrival.kind === 'poisson') return w.arrival.perHour * config.horizonHours;
  if (w.arrival.kind === 'schedule') return (w.arrival.batch * window) / w.arrival.everyHours;
  return 0;
}

/** Hours over which the items arrive: 0 for a backlog. */
function arrivalSpan(w: WorkType, config: ModelConfig): number {
  const a = w.arrival;
  if (a.kind === 'backlog') return 0;
  if (w.count === null) return config.horizonHours;
  if (a.kind === 'poisson') return w.count / a.perHour;
  return a.firstHours + (Math.ceil(w.count / a.batch) - 1) * a.everyHours;
}

export function count(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}

function mib(b: number): string {
  return `${Math.round(b / 2 ** 20)} MiB`;
}

function poolsOf(pools: string[]): string {
  return pools.length === 1 ? `pool "${pools[0]}"` : `pools ${pools.map((p) => `"${p}"`).join(', ')}`;
}
