/**
 * labelsim through its real annotation model against SIM.JS (`simjs` 2.0.3 on npm, the fastest
 * JavaScript discrete-event peer we know of), on the same M/M/10 queue: Poisson arrivals 9/h,
 * exponential service with mean 1 h, 10 servers, first come first served, about 1,000,000
 * customers. labelsim runs experiments/validation/mmc.yaml (an annotate stage served by a pool
 * open around the clock) with its horizon set to take that many customers, as `labelsim run`
 * would run it; SIM.JS runs its own Facility (FCFS, 10 servers) with an arrival Entity, as its
 * documentation's bank example does. Each uses its own random numbers, so the trajectories
 * differ but the work (customers, events) is the same in distribution; the mean wait in queue of
 * both is shown beside Erlang C's 0.669 h as a check that both simulate the same queue.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadExperiment } from '../experiments/load/index.js';
import { simulateReplication } from '../sim/model/annotation-model.js';
import type { ModelConfig } from '../sim/model/config.js';
import { derivedRow, measure, secondsSince, type BenchRow, type MeasureOptions, type TimedRow } from './harness.js';

export const MMC_FILE = fileURLToPath(new URL('../../experiments/validation/mmc.yaml', import.meta.url));

export interface PeerWorkload {
  customers: number;
  arrivalsPerHour: number;
  meanServiceHours: number;
  servers: number;
  seed: number;
}

export const PEER: PeerWorkload = { customers: 1_000_000, arrivalsPerHour: 9, meanServiceHours: 1, servers: 10, seed: 7 };

/** The validation model with no warm-up and a horizon that takes `customers` arrivals on average. */
export function mmcModel(w: PeerWorkload): ModelConfig {
  const plan = loadExperiment(MMC_FILE).plans[0];
  const model = structuredClone(plan.model);
  model.horizonHours = w.customers / w.arrivalsPerHour;
  model.warmupHours = 0;
  return model;
}

interface PeerRun {
  events: number;
  seconds: number;
  customers: number;
  meanWaitHours: number;
}

/** One replication of the M/M/10 annotation model (set-up included, as `labelsim run` pays it). */
export function runLabelsimMmc(model: ModelConfig, seed: number): PeerRun {
  const start = process.hrtime.bigint();
  const r = simulateReplication(model, seed, 0);
  const seconds = secondsSince(start);
  return { events: r.events, seconds, customers: r.served[0], meanWaitHours: r.waitMean[0] };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type SimJs = any;

/**
 * SIM.JS 2.0.3's bundle exports nothing to Node: it only assigns `window.Sim` when a `window`
 * exists. It is loaded once with a stand-in `window`, which is removed again.
 */
function loadSimJs(): SimJs {
  const g = globalThis as any;
  const had = 'window' in g;
  const saved = g.window;
  g.window = {};
  try {
    createRequire(import.meta.url)('simjs');
    return g.window.Sim;
  } finally {
    if (had) g.window = saved;
    else delete g.window;
  }
}

let simjs: SimJs | null = null;

/** The same queue in SIM.JS: an arrival entity that schedules itself and asks the Facility for each customer. */
export function runSimJsMmc(w: PeerWorkload): PeerRun {
  simjs ??= loadSimJs();
  const S = simjs;
  const sim = new S.Sim();
  const random = new S.Random(w.seed);
  const server = new S.Facility('servers', S.Facility.FCFS, w.servers);
  const horizon = w.customers / w.arrivalsPerHour;
  let customers = 0;
  let events = 0;
  let waited = 0;
  let served = 0;
  class Arrivals extends S.Entity {
    start() {
      this.arrive();
    }
    arrive() {
      events++;
      customers++;
      const arrivedAt = this.time();
      const service = random.exponential(1 / w.meanServiceHours);
      this.useFacility(server, service).done(() => {
        events++;
        served++;
        waited += this.time() - arrivedAt - service;
      });
      this.setTimer(random.exponential(w.arrivalsPerHour)).done(this.arrive, this);
    }
  }
  const start = process.hrtime.bigint();
  sim.addEntity(Arrivals);
  sim.simulate(horizon);
  const seconds = secondsSince(start);
  return { events, seconds, customers, meanWaitHours: waited / served };
}

/** Back-to-back pairs whose median time ratio is reported: a shared machine disturbs a ratio of neighbours least. */
const PAIRS = 7;

export interface PeerComparison {
  rows: BenchRow[];
  /** labelsim events/s over SIM.JS events/s, the median of back-to-back pairs. */
  ratio: number;
}

/** The rows: labelsim through the model, SIM.JS, and the ratio of their events per second. */
export function benchAgainstSimJs(w: PeerWorkload = PEER, options: MeasureOptions = {}): PeerComparison {
  const model = mmcModel(w);
  let ls: PeerRun | undefined;
  const labelsim: TimedRow = measure(`labelsim M/M/${w.servers} through the annotation model`, () => (ls = runLabelsimMmc(model, w.seed)), options);
  labelsim.note = `${ls!.customers.toLocaleString('en-US')} customers, mean wait ${ls!.meanWaitHours.toFixed(3)} h (Erlang C 0.669 h)`;
  let sj: PeerRun | undefined;
  const peer: TimedRow = measure(`SIM.JS 2.0.3 M/M/${w.servers} (Facility FCFS)`, () => (sj = runSimJsMmc(w)), options);
  peer.note = `${sj!.customers.toLocaleString('en-US')} customers, mean wait ${sj!.meanWaitHours.toFixed(3)} h`;
  const pairs: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const a = runLabelsimMmc(model, w.seed);
    const b = runSimJsMmc(w);
    pairs.push(a.events / a.seconds / (b.events / b.seconds));
  }
  const sorted = [...pairs].sort((x, y) => x - y);
  const ratio = sorted[Math.floor(sorted.length / 2)];
  const note = `median of ${PAIRS} back-to-back pairs (${sorted[0].toFixed(2)}-${sorted[sorted.length - 1].toFixed(2)}); time for the same customers: ${labelsim.seconds.toFixed(2)} s against ${peer.seconds.toFixed(2)} s`;
  return { rows: [labelsim, peer, derivedRow('ratio labelsim / SIM.JS (events/s)', ratio, 'x', note)], ratio };
}
