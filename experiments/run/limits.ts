import os from 'node:os';
import v8 from 'node:v8';
import { capacityCheck, type PoolCapacity } from '../../sim/model/capacity.js';
import { count, fixedMemory, queuedMemory, type MemoryPart, type ReplicationMemory } from '../../sim/model/memory-estimate.js';
import { rowLayout } from '../../workers/result-rows.js';
import type { Plan } from '../load/index.js';
import { UsageError } from '../usage-error.js';

/**
 * Memory limits, checked before anything is allocated or written: a replication's state is
 * estimated from the model (sim/model/memory-estimate.ts) and a plan above the limit is refused
 * with the figures and the way to raise the limit, rather than ending in an out-of-memory crash
 * hours into a run. The run also keeps every record in memory to summarise it: plans x
 * replications x row width, checked against this process's heap.
 */

export const DEFAULT_MAX_MEMORY_MB = 2048;
export const MIN_MAX_MEMORY_MB = 64;

/** Bytes per number of a record held to summarise a run: parsed JSON (about 24) and the decoded row (8), plus slack. */
export const BYTES_PER_RECORD_NUMBER = 40;

export { BASE_BYTES, BYTES_PER_ITEM, BYTES_PER_PERSON, fixedMemory, queuedMemory, type MemoryPart, type ReplicationMemory } from '../../sim/model/memory-estimate.js';

export class LimitError extends Error {}

/** The limit in MiB: the option, else LABELSIM_MAX_MEMORY_MB, else 2048. */
export function maxMemoryMb(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.LABELSIM_MAX_MEMORY_MB;
  const [value, name] = option !== undefined ? [option, '--max-memory'] : fromEnv !== undefined && fromEnv.trim() !== '' ? [Number(fromEnv), 'LABELSIM_MAX_MEMORY_MB'] : [DEFAULT_MAX_MEMORY_MB, ''];
  if (!(Number.isInteger(value) && value >= MIN_MAX_MEMORY_MB && value <= 1024 * 1024)) {
    throw new UsageError(`${name}: expected a whole number of MiB from ${MIN_MAX_MEMORY_MB} to ${1024 * 1024}, like 4096, got ${option ?? fromEnv}`);
  }
  return value;
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
        `(mostly one per day and per week of the horizon, and the wait histograms) need about ${bytes(recordsBytes)} in this process to summarise, above the ${bytes(0.75 * heap)} it may use; ` +
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

/** 1.2 TiB, 3.1 GiB, 512 MiB, 40 KiB. */
export function bytes(b: number): string {
  if (!Number.isFinite(b)) return 'unboundedly much';
  if (b >= 2 ** 40) return `${Number((b / 2 ** 40).toFixed(1))} TiB`;
  if (b >= 2 ** 30) return `${Number((b / 2 ** 30).toFixed(1))} GiB`;
  if (b >= 2 ** 20) return `${Math.round(b / 2 ** 20)} MiB`;
  return `${Math.max(1, Math.round(b / 1024))} KiB`;
}
