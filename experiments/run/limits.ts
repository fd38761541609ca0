import os from 'node:os';
import v8 from 'node:v8';
import { capacityCheck, type PoolCapacity } from '../../sim/model/capacity.js';
import type { AnnotateStage, ModelConfig, ReviewStage, WorkType } from '../../sim/model/config.js';
import { rowLayout } from '../../workers/result-rows.js';
import type { Plan } from '../load/index.js';
import { UsageError } from '../usage-error.js';

/**
 * Memory limits, checked before anything is allocated or written: a replication's state is
 * estimated from the model and a plan above the limit is refused with the figures and the way
 * to raise the limit, rather than ending in an out-of-memory crash hours into a run.
 *
 * What a replication holds (measured, see test/experiments/run/limits.test.ts):
 * - per person: the server pool's typed arrays, the pool/person maps, pace and item counts, a
 *   slot in the event list, and the items they work on (13 bytes each, consensus copies queued);
 * - per shift occurrence of each crew up to the horizon: 16 bytes of calendar (more while built);
 * - per day of the horizon: the burn-down (`remainingByDay`) and its copy in the result row;
 * - items waiting in a queue as items: a backlog or a delivery is a counter until served, but
 *   Poisson arrivals and items between stages (before a review tier that cannot keep up) exist
 *   one by one. Their number is estimated with the fluid model of the capacity check;
 * - the worker itself (code, the model config).
 * The run also keeps every record in memory to summarise it: plans x replications x row width.
 */

export const DEFAULT_MAX_MEMORY_MB = 2048;
export const MIN_MAX_MEMORY_MB = 64;

/**
 * Bytes per person: ServerPool (74), serverPool/serverPerson maps (8), pace and itemsDone (12), an
 * event slot (up to 2 x 28, the heap doubles), the item in hand (up to 2 x 13): 176; measured 184
 * to 206 with 10,000 people (test/experiments/run/limits.test.ts), so 200 with the item counted below.
 */
export const BYTES_PER_PERSON = 200;
/** Bytes per item that exists (ItemStore 13 bytes, doubled on growth) and its queue entry (12, doubled). */
export const BYTES_PER_ITEM = 50;
/** Bytes per shift occurrence kept in a crew calendar; building one takes about 80 more for a while. */
export const BYTES_PER_OCCURRENCE = 16;
const BYTES_PER_OCCURRENCE_BUILDING = 80;
/** Bytes per day of the horizon: remainingByDay, its copy in the result and in the batch's rows. */
export const BYTES_PER_DAY = 24;
/** The worker thread and the model apart from the above. */
export const BASE_BYTES = 32 * 2 ** 20;
/** Bytes per number of a record held to summarise a run: parsed JSON (about 24) and the decoded row (8), plus slack. */
export const BYTES_PER_RECORD_NUMBER = 40;

export class LimitError extends Error {}

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

/** The limit in MiB: the option, else LABELSIM_MAX_MEMORY_MB, else 2048. */
export function maxMemoryMb(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.LABELSIM_MAX_MEMORY_MB;
  const [value, name] = option !== undefined ? [option, '--max-memory'] : fromEnv !== undefined && fromEnv.trim() !== '' ? [Number(fromEnv), 'LABELSIM_MAX_MEMORY_MB'] : [DEFAULT_MAX_MEMORY_MB, ''];
  if (!(Number.isInteger(value) && value >= MIN_MAX_MEMORY_MB && value <= 1024 * 1024)) {
    throw new UsageError(`${name}: expected a whole number of MiB from ${MIN_MAX_MEMORY_MB} to ${1024 * 1024}, like 4096, got ${option ?? fromEnv}`);
  }
  return value;
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
      what: `${count(occurrences)} shift occurrences of ${count(crews)} crew(s) x ${BYTES_PER_OCCURRENCE} B`,
      bytes: occurrences * BYTES_PER_OCCURRENCE + largest * BYTES_PER_OCCURRENCE_BUILDING,
      reduce: 'the horizon or the number of crews',
    },
    { what: `${count(days)} days of horizon x ${BYTES_PER_DAY} B`, bytes: days * BYTES_PER_DAY, reduce: 'the horizon' },
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

export interface LimitCheck {
  limitMb: number;
  /** Per plan, in plan order. */
  memory: ReplicationMemory[];
  capacity: Array<{ plan: string; pools: PoolCapacity[] }>;
  /** Bytes this process needs to hold the records and summarise them. */
  recordsBytes: number;
}

export interface LimitInput {
  file: string;
  plans: Plan[];
  /** Replications each plan runs in this process (those of its shard). */
  replications: number;
  workers: number;
  limitMb: number;
}

/**
 * Estimates every plan's memory per replication and refuses, naming the plan, the figures and
 * the way out, when one is above the limit; then the records the run keeps to summarise, against
 * this process's heap; then all worker threads together, against the machine. Calendars are
 * built (by the capacity check) only for plans whose calendars fit.
 *
 * @throws LimitError with a one-line message
 */
export function checkLimits(input: LimitInput): LimitCheck {
  const limit = input.limitMb * 2 ** 20;
  const memory: ReplicationMemory[] = [];
  const capacity: LimitCheck['capacity'] = [];
  for (const plan of input.plans) {
    const parts = fixedMemory(plan.model);
    refuseAbove(input, plan.name, parts, limit);
    const pools = capacityCheck(plan.model);
    const queued = queuedMemory(plan.model, pools);
    if (queued !== null) parts.splice(parts.length - 1, 0, queued);
    refuseAbove(input, plan.name, parts, limit);
    memory.push({ plan: plan.name, bytes: sum(parts), parts });
    capacity.push({ plan: plan.name, pools });
  }

  const width = Math.max(...input.plans.map((p) => rowLayout(p.model).width));
  const numbers = input.plans.length * input.replications * width;
  const recordsBytes = numbers * BYTES_PER_RECORD_NUMBER;
  const heap = v8.getHeapStatistics().heap_size_limit;
  if (recordsBytes > 0.75 * heap) {
    throw new LimitError(
      `${input.file}: ${count(input.plans.length)} plan(s) x ${count(input.replications)} replications x ${count(width)} numbers per record ` +
        `(one per day of the horizon) need about ${bytes(recordsBytes)} in this process to summarise, above the ${bytes(0.75 * heap)} it may use; ` +
        `reduce --replications or the horizon, or raise the heap with NODE_OPTIONS=--max-old-space-size=${Math.ceil((recordsBytes / 0.75 / 2 ** 20) / 1024) * 1024}`,
    );
  }

  const threads = Math.max(1, input.workers);
  const worst = memory.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const machine = os.totalmem();
  if (worst.bytes > machine) {
    const reduce = [...worst.parts].sort((a, b) => b.bytes - a.bytes)[0].reduce;
    throw new LimitError(`${input.file}: plan "${worst.plan}" needs about ${bytes(worst.bytes)} per replication, more than this machine's ${bytes(machine)}; reduce ${reduce}`);
  }
  if (threads * worst.bytes > machine) {
    const fit = Math.max(1, Math.floor(machine / worst.bytes));
    throw new LimitError(
      `${input.file}: ${threads} worker threads x about ${bytes(worst.bytes)} per replication need ${bytes(threads * worst.bytes)}, more than this machine's ${bytes(machine)}; use --workers ${fit}`,
    );
  }
  return { limitMb: input.limitMb, memory, capacity, recordsBytes };
}

function refuseAbove(input: LimitInput, plan: string, parts: MemoryPart[], limit: number): void {
  const total = sum(parts);
  if (total <= limit) return;
  const biggest = [...parts].sort((a, b) => b.bytes - a.bytes);
  const shown = biggest.filter((p) => p.bytes >= 0.01 * total).map((p) => p.what);
  const suggestMb = Math.ceil((total * 1.25) / 2 ** 20 / 256) * 256;
  throw new LimitError(
    `${input.file}: plan "${plan}" needs about ${bytes(total)} per replication (${shown.join(', ')}), above the limit of ${bytes(limit)} per worker thread; ` +
      `raise it with --max-memory ${suggestMb} (or LABELSIM_MAX_MEMORY_MB) or reduce ${biggest[0].reduce}`,
  );
}

/** One line for `check` and the start of a run: the largest plan's estimate against the limit. */
export function memoryLine(check: LimitCheck): string {
  const worst = check.memory.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const plan = check.memory.length > 1 ? ` (plan "${worst.plan}")` : '';
  return `Memory: about ${bytes(worst.bytes)} per replication${plan}, limit ${bytes(check.limitMb * 2 ** 20)} per worker thread (--max-memory); ${bytes(check.recordsBytes)} of records to summarise.`;
}

function sum(parts: MemoryPart[]): number {
  return parts.reduce((n, p) => n + p.bytes, 0);
}

function poolsOf(pools: string[]): string {
  return pools.length === 1 ? `pool "${pools[0]}"` : `pools ${pools.map((p) => `"${p}"`).join(', ')}`;
}

function count(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}

function mib(b: number): string {
  return `${Math.round(b / 2 ** 20)} MiB`;
}

/** 1.2 TiB, 3.1 GiB, 512 MiB, 40 KiB. */
export function bytes(b: number): string {
  if (!Number.isFinite(b)) return 'unboundedly much';
  if (b >= 2 ** 40) return `${Number((b / 2 ** 40).toFixed(1))} TiB`;
  if (b >= 2 ** 30) return `${Number((b / 2 ** 30).toFixed(1))} GiB`;
  if (b >= 2 ** 20) return `${Math.round(b / 2 ** 20)} MiB`;
  return `${Math.max(1, Math.round(b / 1024))} KiB`;
}
