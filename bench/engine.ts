/**
 * Engine throughput on an M/M/c queue, against a bare typed-array event loop doing the same work.
 *
 * Both run the same model with the same random streams, so they follow the same trajectory and
 * handle the same events; the random-number cost is in both, and the ratio engine / bare isolates
 * what the engine adds (Simulation dispatch, ServerPool bookkeeping and statistics, the sequence
 * tie-break in the event list, argument checks).
 */
import { Simulation } from '../sim/engine/simulation.js';
import { ServerPool, type PoolClient } from '../sim/engine/server-pool.js';
import { randomStream } from '../sim/random/stream.js';
import { sampler, type Sampler } from '../sim/random/distribution.js';
import { measure, secondsSince, type MeasureOptions, type TimedRow } from './harness.js';

export type { BenchRow } from './harness.js';

export interface MmcParams {
  /** c, the number of servers. */
  servers: number;
  /** Poisson arrival rate, per hour. */
  arrivalsPerHour: number;
  /** Mean of the exponential service time, hours. */
  meanServiceHours: number;
  /** Simulated hours; about 2 * arrivalsPerHour events happen per hour (an arrival and a departure per job). */
  horizonHours: number;
  seed: number;
}

/** Roughly this many events per run. */
export const TARGET_EVENTS = 2_000_000;

/** M/M/10 with arrivals 9/h and mean service 1 h (utilisation 0.9), run for ~2 million events. */
export const MMC: MmcParams = {
  servers: 10,
  arrivalsPerHour: 9,
  meanServiceHours: 1,
  horizonHours: TARGET_EVENTS / (2 * 9),
  seed: 20240601,
};

/** One timed run: events handled, wall seconds, and what the model did (to check both loops agree). */
export interface MmcRun {
  events: number;
  seconds: number;
  /** Jobs whose service started. */
  started: number;
  /** Jobs waiting at the end. */
  queued: number;
}

/** The two samplers of the model, on their own streams (the same in the engine and the bare loop). */
function mmcSamplers(p: MmcParams): { interarrival: Sampler; service: Sampler } {
  return {
    interarrival: sampler({ kind: 'exponential', mean: 1 / p.arrivalsPerHour }, randomStream(p.seed, 0, 'arrivals')),
    service: sampler({ kind: 'exponential', mean: p.meanServiceHours }, randomStream(p.seed, 0, 'service')),
  };
}

// ---------------------------------------------------------------------------------------------
// 1. The engine: Simulation + ServerPool.

/** Builds the M/M/c model on the engine and times `sim.run(horizon)` (model set-up untimed). */
export function runEngineMmc(p: MmcParams): MmcRun {
  const { interarrival, service } = mmcSamplers(p);
  const sim = new Simulation();
  const client: PoolClient = {
    serviceHours: () => service(),
    started: () => {},
    completed: () => {},
  };
  const pool = new ServerPool(sim, p.servers, client);
  let nextJob = 0;
  const arrival = sim.register(() => {
    pool.arrive(nextJob++);
    sim.after(interarrival(), arrival);
  });
  sim.at(interarrival(), arrival);

  const start = process.hrtime.bigint();
  sim.run(p.horizonHours);
  const seconds = secondsSince(start);
  return { events: sim.eventsHandled, seconds, started: pool.startedJobs, queued: pool.queueLength };
}

// ---------------------------------------------------------------------------------------------
// 2. The bare loop: a minimal binary min-heap on a Float64Array of times and an Int32Array of
//    kinds, and the M/M/c logic as two counters. No objects, no dispatch, no statistics, no
//    sequence tie-break (continuous times practically never tie).

const ARRIVAL = 0;
const DEPARTURE = 1;

/** Inserts (t, k) into the heap of `size` entries; the caller increments its size. */
function heapPush(times: Float64Array, kinds: Int32Array, size: number, t: number, k: number): void {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pt = times[parent];
    if (pt <= t) break;
    times[i] = pt;
    kinds[i] = kinds[parent];
    i = parent;
  }
  times[i] = t;
  kinds[i] = k;
}

/** Removes the root (already read by the caller) from a heap that now has `size` entries. */
function heapRemoveRoot(times: Float64Array, kinds: Int32Array, size: number): void {
  if (size === 0) return;
  const t = times[size];
  const k = kinds[size];
  let i = 0;
  const half = size >> 1;
  while (i < half) {
    let c = 2 * i + 1;
    if (c + 1 < size && times[c + 1] < times[c]) c++;
    const ct = times[c];
    if (t <= ct) break;
    times[i] = ct;
    kinds[i] = kinds[c];
    i = c;
  }
  times[i] = t;
  kinds[i] = k;
}

/** The same M/M/c model as `runEngineMmc`, as a bare event loop; stops at the horizon or after `maxEvents`. */
export function runBareMmc(p: MmcParams, maxEvents = Infinity): MmcRun {
  const { interarrival, service } = mmcSamplers(p);
  const servers = p.servers;
  const horizon = p.horizonHours;
  // At most one pending departure per server plus the next arrival.
  const times = new Float64Array(servers + 1);
  const kinds = new Int32Array(servers + 1);
  let size = 0;
  let busy = 0;
  let queued = 0;
  let started = 0;
  let events = 0;

  const start = process.hrtime.bigint();
  heapPush(times, kinds, size++, interarrival(), ARRIVAL);
  while (size > 0 && events < maxEvents) {
    const now = times[0];
    if (now > horizon) break;
    const kind = kinds[0];
    heapRemoveRoot(times, kinds, --size);
    events++;
    if (kind === ARRIVAL) {
      if (busy < servers) {
        busy++;
        started++;
        heapPush(times, kinds, size++, now + service(), DEPARTURE);
      } else {
        queued++;
      }
      heapPush(times, kinds, size++, now + interarrival(), ARRIVAL);
    } else if (queued > 0) {
      queued--;
      started++;
      heapPush(times, kinds, size++, now + service(), DEPARTURE);
    } else {
      busy--;
    }
  }
  const seconds = secondsSince(start);
  return { events, seconds, started, queued };
}

// ---------------------------------------------------------------------------------------------
// Measurements: one function per table row.

function describe(r: MmcRun): string {
  return `started=${r.started} queued=${r.queued}`;
}

/** Row 1: the engine's events/s on the M/M/c workload. */
export function benchEngine(p: MmcParams = MMC, options: MeasureOptions = {}): TimedRow {
  let last: MmcRun | undefined;
  const row = measure(`engine M/M/${p.servers} (Simulation + ServerPool)`, () => (last = runEngineMmc(p)), options);
  row.note = describe(last!);
  return row;
}

/**
 * Row 2: the bare loop on the same workload. With `events` given, it stops after that many
 * events (the engine's count), so both rows handle exactly the same number.
 */
export function benchBareLoop(p: MmcParams = MMC, events = Infinity, options: MeasureOptions = {}): TimedRow {
  let last: MmcRun | undefined;
  const row = measure(`bare typed-array heap M/M/${p.servers}`, () => (last = runBareMmc(p, events)), options);
  row.note = describe(last!);
  return row;
}

export interface EngineComparison {
  engine: TimedRow;
  bare: TimedRow;
  /** Engine events/s over bare-loop events/s (1 = no overhead): the median over pairs run back to back. */
  ratio: number;
  /** The ratio of each back-to-back pair, in run order. */
  pairRatios: number[];
  /** Whether both loops followed the same trajectory (same events, starts and final queue). */
  sameTrajectory: boolean;
}

/** Back-to-back engine / bare-loop pairs whose median ratio is reported. */
const PAIRS = 7;

/** Rows 1-3: engine, bare loop with the same event count, and their ratio (the median of back-to-back pairs). */
export function benchEngineVsBare(p: MmcParams = MMC, options: MeasureOptions = {}): EngineComparison {
  const engine = benchEngine(p, options);
  const bare = benchBareLoop(p, engine.events, options);
  // On a shared machine the load changes between the two rows' runs; a ratio of runs made back
  // to back, its median over several pairs, is what another tenant disturbs least.
  const pairRatios: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const e = runEngineMmc(p);
    const b = runBareMmc(p, engine.events);
    pairRatios.push(e.events / e.seconds / (b.events / b.seconds));
  }
  const sorted = [...pairRatios].sort((x, y) => x - y);
  return {
    engine,
    bare,
    ratio: sorted[Math.floor(sorted.length / 2)],
    pairRatios,
    sameTrajectory: engine.events === bare.events && engine.note === bare.note,
  };
}
