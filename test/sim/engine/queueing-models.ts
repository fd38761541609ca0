/**
 * A tiny replication harness for the queueing-theory tests: one station (a ServerPool of c
 * servers) fed by a Poisson arrival stream, with an optional Bernoulli feedback (rework) loop.
 *
 * Each replication gets its own streams, randomStream(seed, replication, purpose), one per
 * purpose (arrivals, service, feedback), so the replications are independent and each is
 * reproducible on its own.
 */
import { ServerPool, type PoolClient } from '../../../sim/engine/server-pool.js';
import { Simulation } from '../../../sim/engine/simulation.js';
import { sampler, type Distribution, type Sampler } from '../../../sim/random/distribution.js';
import { randomStream, type RandomSource } from '../../../sim/random/stream.js';

export interface StationModel {
  sim: Simulation;
  pool: ServerPool;
  /** Jobs that joined the queue (external arrivals plus fed-back jobs) since the last `resetCounts()`. */
  readonly joins: number;
  /** External arrivals since the last `resetCounts()`. */
  readonly externalArrivals: number;
  /** Per priority class: jobs that started service, and their total wait, since the last `resetCounts()`. */
  readonly startedByClass: number[];
  readonly waitHoursByClass: number[];
  resetCounts(): void;
}

export interface StationSources {
  arrivals: RandomSource;
  /** Rework: a completed job rejoins the end of its class's queue with this probability. */
  feedback?: { probability: number; source: RandomSource };
  /** Priority classes: an arrival is of class i with probability shares[i] (class 0 is served first). */
  classes?: { shares: number[]; source: RandomSource };
}

/**
 * An M/G/c station on `sim`: Poisson arrivals at rate `lambda` (an arrival event registered with
 * sim.register that schedules its successor), service times from `service`, and `servers`
 * servers. With `feedback`, a completed job rejoins the end of the queue with that probability,
 * by calling pool.arrive from inside completed().
 */
export function mmcModel(sim: Simulation, lambda: number, service: Sampler, servers: number, sources: StationSources): StationModel {
  const interarrival = sampler({ kind: 'exponential', mean: 1 / lambda }, sources.arrivals);
  const feedback = sources.feedback;
  const shares = sources.classes?.shares ?? [1];
  const classSource = sources.classes?.source;
  const drawClass = (): number => {
    if (classSource === undefined) return 0;
    let u = classSource();
    for (let i = 0; i < shares.length - 1; i++) {
      if (u < shares[i]) return i;
      u -= shares[i];
    }
    return shares.length - 1;
  };
  const classOfJob: number[] = [];
  const startedByClass = shares.map(() => 0);
  const waitHoursByClass = shares.map(() => 0);
  let joins = 0;
  let externalArrivals = 0;
  const client: PoolClient = {
    serviceHours: () => service(),
    started: (job, _server, waited) => {
      const cls = classOfJob[job];
      startedByClass[cls]++;
      waitHoursByClass[cls] += waited;
    },
    completed: (job) => {
      if (feedback !== undefined && feedback.source() < feedback.probability) {
        joins++;
        pool.arrive(job, classOfJob[job]);
      }
    },
  };
  const pool = new ServerPool(sim, servers, client, { classes: shares.length });
  const arrival = sim.register(() => {
    joins++;
    externalArrivals++;
    const job = classOfJob.length;
    const cls = drawClass();
    classOfJob.push(cls);
    pool.arrive(job, cls);
    sim.after(interarrival(), arrival);
  });
  sim.after(interarrival(), arrival);
  return {
    sim,
    pool,
    get joins() {
      return joins;
    },
    get externalArrivals() {
      return externalArrivals;
    },
    startedByClass,
    waitHoursByClass,
    resetCounts() {
      joins = 0;
      externalArrivals = 0;
      startedByClass.fill(0);
      waitHoursByClass.fill(0);
    },
  };
}

export interface StationExperiment {
  seed: number;
  lambda: number;
  service: Distribution;
  servers: number;
  feedbackProbability?: number;
  /** Shares of the arrivals in each priority class (class 0 first); one class when absent. */
  classShares?: number[];
  /** Hours simulated and discarded before the statistics window opens. */
  warmupHours: number;
  /** Length of the statistics window in hours. */
  windowHours: number;
}

export interface StationReplication {
  /** Mean wait in queue of jobs that started service in the window: totalWaitHours / startedJobs. */
  meanWait: number;
  /** Mean wait in queue of the class-0 and class-1 jobs that started service in the window (NaN without such a class). */
  meanWaitClass0: number;
  meanWaitClass1: number;
  /** Time-average number waiting. */
  meanQueueLength: number;
  /** Time-average number in service. */
  meanInService: number;
  /** Time-average number in the station (waiting plus in service). */
  meanInSystem: number;
  utilization: number;
  /** Observed rate at which jobs joined the queue in the window (external plus fed back). */
  joinRate: number;
}

/** One replication of a station experiment: warm up, reset the statistics, run the window, read off. */
export function runStation(x: StationExperiment, replication: number): StationReplication {
  const sim = new Simulation();
  const service = sampler(x.service, randomStream(x.seed, replication, 'service'));
  const model = mmcModel(sim, x.lambda, service, x.servers, {
    arrivals: randomStream(x.seed, replication, 'arrivals'),
    feedback:
      x.feedbackProbability === undefined
        ? undefined
        : { probability: x.feedbackProbability, source: randomStream(x.seed, replication, 'feedback') },
    classes: x.classShares === undefined ? undefined : { shares: x.classShares, source: randomStream(x.seed, replication, 'class') },
  });
  sim.run(x.warmupHours);
  model.pool.resetStatistics();
  model.resetCounts();
  sim.run(x.warmupHours + x.windowHours);
  const pool = model.pool;
  const meanQueueLength = pool.meanQueueLength();
  const meanInService = pool.meanInService();
  return {
    meanWait: pool.totalWaitHours / pool.startedJobs,
    meanWaitClass0: model.waitHoursByClass[0] / model.startedByClass[0],
    meanWaitClass1: model.startedByClass.length > 1 ? model.waitHoursByClass[1] / model.startedByClass[1] : NaN,
    meanQueueLength,
    meanInService,
    meanInSystem: meanQueueLength + meanInService,
    utilization: pool.utilization(),
    joinRate: model.joins / x.windowHours,
  };
}
