import { describe, expect, it } from 'vitest';
import { ServerPool, type PoolClient } from '../../../sim/engine/server-pool.js';
import { Simulation } from '../../../sim/engine/simulation.js';

interface LogEntry {
  event: 'started' | 'completed';
  job: number;
  server: number;
  time: number;
  waited?: number;
}

/**
 * A pool on a fresh simulation with a scripted client: each job's service hours come from
 * `hours` (by job id), every start and completion is logged with its time, and `onCompleted`
 * lets a test react from inside completed(). Scheduling helpers open, close and feed the pool.
 */
function scripted(servers: number, hours: (job: number) => number, options: { classes?: number; openAtStart?: boolean } = {}) {
  const sim = new Simulation();
  const log: LogEntry[] = [];
  let onCompleted: (job: number, server: number) => void = () => {};
  const client: PoolClient = {
    serviceHours: (job) => hours(job),
    started: (job, server, waited) => log.push({ event: 'started', job, server, time: sim.now, waited }),
    completed: (job, server) => {
      log.push({ event: 'completed', job, server, time: sim.now });
      onCompleted(job, server);
    },
  };
  const pool = new ServerPool(sim, servers, client, options);
  const openKind = sim.register((server) => pool.openServer(server));
  const closeKind = sim.register((server) => pool.closeServer(server));
  const arriveKind = sim.register((job, cls) => pool.arrive(job, cls));
  return {
    sim,
    pool,
    log,
    openAt: (time: number, server = 0) => sim.at(time, openKind, server),
    closeAt: (time: number, server = 0) => sim.at(time, closeKind, server),
    arriveAt: (time: number, job: number, cls = 0) => sim.at(time, arriveKind, job, cls),
    /** Daily shift: server open from `from` to `to` (hours of the day) for `days` days. */
    shifts: (from: number, to: number, days: number, server = 0) => {
      for (let d = 0; d < days; d++) {
        sim.at(24 * d + from, openKind, server);
        sim.at(24 * d + to, closeKind, server);
      }
    },
    whenCompleted: (f: (job: number, server: number) => void) => {
      onCompleted = f;
    },
    starts: () => log.filter((r) => r.event === 'started'),
    completions: () => log.filter((r) => r.event === 'completed'),
  };
}

describe('a server closed in the middle of a job', () => {
  it('finishes a job started 1 h before closing with 3 h of work 2 h after it reopens', () => {
    const m = scripted(1, () => 3, { openAtStart: false });
    m.shifts(9, 17, 2); // open 9-17 on day 0 and day 1 (33-41)
    m.arriveAt(16, 7);
    m.sim.run(48);
    expect(m.starts()).toEqual([{ event: 'started', job: 7, server: 0, time: 16, waited: 0 }]);
    expect(m.completions()).toEqual([{ event: 'completed', job: 7, server: 0, time: 24 + 9 + 2 }]);
  });

  it('keeps the paused job on the same server while closed and does no work on it', () => {
    const m = scripted(1, () => 3, { openAtStart: false });
    m.shifts(9, 17, 2);
    m.arriveAt(16, 7);
    m.sim.run(20); // past the time the job would have finished had the server stayed open
    expect(m.completions()).toEqual([]);
    expect(m.pool.isOpen(0)).toBe(false);
    expect(m.pool.isBusy(0)).toBe(true);
    expect(m.pool.jobOf(0)).toBe(7);
    expect(m.pool.meanInService()).toBeCloseTo(1 / 20, 12); // busy 16-17 only
  });

  it('resumes the paused job at reopening before taking queued work', () => {
    const m = scripted(1, (job) => (job === 1 ? 3 : 1), { openAtStart: false });
    m.shifts(9, 17, 2);
    m.arriveAt(16, 1);
    m.arriveAt(20, 2); // arrives while the server is closed, behind the paused job
    m.sim.run(48);
    expect(m.log.map((r) => [r.event, r.job, r.time])).toEqual([
      ['started', 1, 16],
      ['completed', 1, 35],
      ['started', 2, 35],
      ['completed', 2, 36],
    ]);
    expect(m.starts()[1].waited).toBe(15);
  });

  it('ignores the stale completion when closed and reopened before the job was due', () => {
    const m = scripted(1, () => 3);
    m.arriveAt(0, 1);
    m.closeAt(1);
    m.openAt(1.5);
    m.sim.run(10);
    expect(m.completions()).toEqual([{ event: 'completed', job: 1, server: 0, time: 3.5 }]);
  });

  it('keeps the paused job from other servers, which stay free for new work', () => {
    const m = scripted(2, () => 3);
    m.arriveAt(0, 1); // taken by one of the two servers
    m.sim.run(0);
    const holder = m.starts()[0].server;
    const other = 1 - holder;
    m.closeAt(1, holder);
    m.arriveAt(2, 2);
    m.sim.run(10);
    expect(m.pool.jobOf(holder)).toBe(1);
    expect(m.starts().map((r) => [r.job, r.server, r.time])).toEqual([
      [1, holder, 0],
      [2, other, 2],
    ]);
    expect(m.completions().map((r) => r.job)).toEqual([2]);
    m.openAt(12, holder);
    m.sim.run(20);
    expect(m.completions().map((r) => [r.job, r.server, r.time])).toEqual([
      [2, other, 5],
      [1, holder, 14],
    ]);
  });
});

describe('a job due at the instant its server closes', () => {
  it('completes then, and the closed server takes no new job until it reopens', () => {
    const m = scripted(1, () => 8);
    m.closeAt(8); // scheduled before the job's completion, so it is handled first at t = 8
    m.openAt(24);
    m.arriveAt(0, 1);
    m.arriveAt(0, 2);
    m.sim.run(40);
    expect(m.log.map((r) => [r.event, r.job, r.time])).toEqual([
      ['started', 1, 0],
      ['completed', 1, 8],
      ['started', 2, 24],
      ['completed', 2, 32],
    ]);
    expect(m.pool.utilization()).toBeCloseTo(16 / 24, 12); // open 0-8 and 24-40
  });

  it('fits 800 jobs of 0.01 h exactly into an 8 h shift (the 800th is due, within rounding, at the closing)', () => {
    const m = scripted(1, () => 0.01, { openAtStart: false });
    m.pool.openServer(0, 8);
    m.closeAt(8);
    for (let j = 0; j < 800; j++) m.arriveAt(0, j);
    m.sim.run(100);
    expect(m.completions()).toHaveLength(800);
    expect(m.completions()[799].time).toBe(8);
    expect(m.pool.isBusy(0)).toBe(false);
    expect(m.pool.queueLength).toBe(0);
  });

  // Back-to-back shifts close and reopen a server at one instant: the job due then must complete, once.
  it('completes the job due at the instant its server is closed and reopened, then takes the next', () => {
    const m = scripted(1, () => 8);
    m.closeAt(8);
    m.openAt(8);
    m.arriveAt(0, 1);
    m.arriveAt(0, 2);
    m.sim.run(40);
    expect(m.log.map((r) => [r.event, r.job, r.time])).toEqual([
      ['started', 1, 0],
      ['completed', 1, 8],
      ['started', 2, 8],
      ['completed', 2, 16],
    ]);
    expect(m.pool.utilization()).toBeCloseTo(16 / 40, 12);
  });
});

describe('a job due within rounding of its server’s closing', () => {
  // Durations like 8/9 h have no exact binary form: summed one after another, they miss the
  // closing by an ulp either way. By hand they end on it, and so must the simulation.
  function shift(jobs: number, hours: number) {
    const m = scripted(1, () => hours, { openAtStart: false });
    m.pool.openServer(0, 8); // open from t = 0, closing at t = 8
    m.closeAt(8);
    m.openAt(24);
    for (let j = 0; j < jobs + 1; j++) m.arriveAt(0, j);
    m.sim.run(40);
    return m;
  }

  it('completes at the closing when the sum lands a hair after it (9 jobs of 8/9 h)', () => {
    const m = shift(9, 8 / 9);
    expect(m.completions()[8]).toEqual({ event: 'completed', job: 8, server: 0, time: 8 });
    expect(m.starts()[9]).toEqual({ event: 'started', job: 9, server: 0, time: 24, waited: 24 });
  });

  it('completes at the closing and starts nothing before reopening when the sum lands a hair before it (7 jobs of 8/7 h)', () => {
    const m = shift(7, 8 / 7);
    expect(m.completions()[6]).toEqual({ event: 'completed', job: 6, server: 0, time: 8 });
    expect(m.starts()[7]).toEqual({ event: 'started', job: 7, server: 0, time: 24, waited: 24 });
    expect(m.pool.busyHours(0)).toBeCloseTo(8 + 8 / 7, 12);
  });

  it('adds a chain of jobs without rounding at each step, even on a server opened without a closing time', () => {
    const m = scripted(1, () => 8 / 7);
    for (let j = 0; j < 7; j++) m.arriveAt(0, j);
    m.sim.run(40);
    let plainSum = 0;
    for (let j = 0; j < 7; j++) plainSum += 8 / 7;
    expect(plainSum).toBe(7.999999999999998);
    expect(m.completions()[6].time).toBe(8);
  });

  it('keeps a paused job’s exact remainder: 400 jobs of 0.01 h from 09:00, paused at 10:07:30, end at 11:52:30 the next day', () => {
    // 0.01 h is not a binary fraction: 400 plain additions at t = 2,000 h drift by ~1e-11 h.
    const m = scripted(1, () => 0.01, { openAtStart: false });
    const day = 1991; // t of a day's 00:00
    m.sim.at(day + 9, m.sim.register(() => m.pool.openServer(0, day + 10.125)));
    m.closeAt(day + 10.125); // half-way through the 113th job
    m.sim.at(day + 24 + 9, m.sim.register(() => m.pool.openServer(0, day + 24 + 17)));
    for (let j = 0; j < 400; j++) m.arriveAt(day, j);
    m.sim.run(day + 48);
    expect(m.completions()[111].time).toBeCloseTo(day + 10.12, 12);
    // 0.005 h left of the 113th, then 287 jobs: 2.875 h after 09:00.
    expect(m.completions()[399].time).toBe(day + 24 + 9 + 2.875);
  });
});

describe('a closed server', () => {
  it('takes no job: arrivals wait until a server opens', () => {
    const m = scripted(1, () => 1, { openAtStart: false });
    m.arriveAt(2, 1);
    m.sim.run(5);
    expect(m.starts()).toEqual([]);
    expect(m.pool.queueLength).toBe(1);
    expect(m.pool.isBusy(0)).toBe(false);
    m.openAt(6);
    m.sim.run(10);
    expect(m.starts()).toEqual([{ event: 'started', job: 1, server: 0, time: 6, waited: 4 }]);
    expect(m.pool.queueLength).toBe(0);
  });

  it('is skipped in favour of an open one', () => {
    const m = scripted(3, () => 1);
    m.closeAt(0, 0);
    m.closeAt(0, 2);
    for (let j = 0; j < 3; j++) m.arriveAt(1, j);
    m.sim.run(1);
    expect(m.starts().map((r) => r.server)).toEqual([1]);
    expect(m.pool.queueLength).toBe(2);
    expect(m.pool.openServers).toBe(1);
    m.sim.run(10);
    expect(m.starts().map((r) => [r.job, r.server, r.time])).toEqual([
      [0, 1, 1],
      [1, 1, 2],
      [2, 1, 3],
    ]);
  });

  it('stops taking work when closed while idle', () => {
    const m = scripted(1, () => 1);
    m.closeAt(1);
    m.arriveAt(2, 1);
    m.sim.run(10);
    expect(m.starts()).toEqual([]);
    expect(m.pool.queueLength).toBe(1);
  });
});

describe('priority classes', () => {
  it('serve class 0 before class 1, first come first served within a class', () => {
    const m = scripted(1, () => 1, { classes: 2 });
    m.arriveAt(0, 0, 1); // starts at once: the server is free
    const queued: Array<[number, number]> = [
      [1, 1],
      [2, 0],
      [3, 1],
      [4, 0],
      [5, 1],
      [6, 0],
    ];
    for (const [job, cls] of queued) m.arriveAt(0.5, job, cls);
    m.sim.run(0.5);
    expect(m.pool.queue.lengthOf(0)).toBe(3);
    expect(m.pool.queue.lengthOf(1)).toBe(3);
    m.sim.run(100);
    expect(m.starts().map((r) => r.job)).toEqual([0, 2, 4, 6, 1, 3, 5]);
  });

  it('let a later class-0 arrival overtake class-1 jobs already waiting, but not interrupt service', () => {
    const m = scripted(1, () => 1, { classes: 2 });
    m.arriveAt(0, 1, 1);
    m.arriveAt(0, 2, 1);
    m.arriveAt(0.5, 3, 0);
    m.sim.run(100);
    expect(m.starts().map((r) => [r.job, r.time])).toEqual([
      [1, 0],
      [3, 1],
      [2, 2],
    ]);
  });

  it('reject a class the pool does not have', () => {
    const m = scripted(1, () => 1, { classes: 2 });
    m.arriveAt(0, 1); // occupies the server so the next arrival must queue
    m.sim.run(0);
    expect(() => m.pool.arrive(2, 2)).toThrow(/class/);
  });
});

describe('utilisation', () => {
  it('counts open hours only', () => {
    // One 12 h job on a 9-17 shift: busy 9-17 on day 0 and 33-37 on day 1; open 16 h in 48 h.
    const m = scripted(1, () => 12, { openAtStart: false });
    m.shifts(9, 17, 2);
    m.arriveAt(9, 1);
    m.sim.run(48);
    expect(m.pool.openHours(0)).toBeCloseTo(16, 12);
    expect(m.pool.busyHours(0)).toBeCloseTo(12, 12);
    expect(m.pool.utilization()).toBeCloseTo(12 / 16, 12);
    expect(m.pool.meanInService()).toBeCloseTo(12 / 48, 12);
    expect(m.completions()).toEqual([{ event: 'completed', job: 1, server: 0, time: 37 }]);
  });

  it('counts only the statistics window after resetStatistics()', () => {
    const m = scripted(1, () => 12, { openAtStart: false });
    m.shifts(9, 17, 2);
    m.arriveAt(9, 1);
    m.sim.run(24);
    m.pool.resetStatistics(); // the server is closed holding a paused job with 4 h left
    m.sim.run(48);
    expect(m.pool.openHours(0)).toBeCloseTo(8, 12);
    expect(m.pool.busyHours(0)).toBeCloseTo(4, 12);
    expect(m.pool.utilization()).toBeCloseTo(0.5, 12);
    expect(m.pool.meanInService()).toBeCloseTo(4 / 24, 12);
  });

  it('counts only the window for a server that is open and busy at the reset and closes later', () => {
    const m = scripted(1, () => 12, { openAtStart: false });
    m.shifts(9, 17, 2);
    m.arriveAt(9, 1);
    m.sim.run(12);
    m.pool.resetStatistics();
    m.sim.run(48);
    // Window 12-48: open 12-17 and 33-41 (13 h), busy 12-17 and 33-37 (9 h).
    expect(m.pool.openHours(0)).toBeCloseTo(13, 12);
    expect(m.pool.busyHours(0)).toBeCloseTo(9, 12);
    expect(m.pool.utilization()).toBeCloseTo(9 / 13, 12);
  });

  it('counts hours up to now for a server that is open and busy at the reset and at the reading', () => {
    const m = scripted(2, () => 10);
    m.arriveAt(0, 1);
    m.sim.run(2);
    m.pool.resetStatistics();
    m.sim.run(6);
    // Window 2-6: one server busy throughout, both open throughout.
    expect(m.pool.utilization()).toBeCloseTo(4 / 8, 12);
    expect(m.pool.meanInService()).toBeCloseTo(1, 12);
  });
});

describe('queue statistics', () => {
  it('report waits and the time-average queue length', () => {
    const m = scripted(1, () => 2);
    for (let j = 0; j < 3; j++) m.arriveAt(0, j);
    m.sim.run(6);
    // Waits 0, 2, 4; queue length 2 on [0, 2), 1 on [2, 4), 0 on [4, 6).
    expect(m.pool.startedJobs).toBe(3);
    expect(m.pool.totalWaitHours).toBeCloseTo(6, 12);
    expect(m.starts().map((r) => r.waited)).toEqual([0, 2, 4]);
    expect(m.pool.meanQueueLength()).toBeCloseTo(6 / 6, 12);
    expect(m.pool.meanInService()).toBeCloseTo(1, 12);
    expect(m.pool.peakQueueLength).toBe(2);
  });

  it('exclude the warm-up before resetStatistics()', () => {
    const m = scripted(1, () => 2);
    for (let j = 0; j < 3; j++) m.arriveAt(0, j);
    m.sim.run(3);
    m.pool.resetStatistics();
    m.sim.run(6);
    // Only job 2 starts in the window (at 4, having waited 4 h); queue length 1 on [3, 4).
    expect(m.pool.startedJobs).toBe(1);
    expect(m.pool.totalWaitHours).toBeCloseTo(4, 12);
    expect(m.pool.meanQueueLength()).toBeCloseTo(1 / 3, 12);
    expect(m.pool.peakQueueLength).toBe(1);
  });
});

describe('a job fed back from completed()', () => {
  it('queues behind the jobs already waiting', () => {
    const m = scripted(1, () => 1);
    let fedBack = false;
    m.whenCompleted((job) => {
      if (job === 0 && !fedBack) {
        fedBack = true;
        m.pool.arrive(0);
      }
    });
    for (let j = 0; j < 3; j++) m.arriveAt(0, j);
    m.sim.run(100);
    expect(m.starts().map((r) => [r.job, r.time])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [0, 3],
    ]);
    expect(m.starts()[3].waited).toBe(2);
  });

  it('is taken straight back by the same server when nothing else waits', () => {
    const m = scripted(1, () => 1);
    let rounds = 0;
    m.whenCompleted((job) => {
      if (rounds++ < 2) m.pool.arrive(job);
    });
    m.arriveAt(0, 5);
    m.sim.run(100);
    expect(m.starts().map((r) => [r.job, r.server, r.time, r.waited])).toEqual([
      [5, 0, 0, 0],
      [5, 0, 1, 0],
      [5, 0, 2, 0],
    ]);
  });
});

describe('construction and validation', () => {
  it('rejects a server count that is not a whole number >= 0', () => {
    const sim = new Simulation();
    const client: PoolClient = { serviceHours: () => 1, started: () => {}, completed: () => {} };
    expect(() => new ServerPool(sim, -1, client)).toThrow();
    expect(() => new ServerPool(sim, 1.5, client)).toThrow();
    expect(() => new ServerPool(sim, 0, client)).not.toThrow();
  });

  it('rejects a negative or NaN service time', () => {
    for (const bad of [-1, Number.NaN]) {
      const m = scripted(1, () => bad);
      expect(() => m.pool.arrive(1)).toThrow(/service time/);
    }
  });

  it('accepts a zero service time and completes the job at the same instant', () => {
    const m = scripted(1, () => 0);
    m.arriveAt(2, 1);
    m.sim.run(10);
    expect(m.completions()).toEqual([{ event: 'completed', job: 1, server: 0, time: 2 }]);
  });
});

describe('a pool whose jobs may exclude servers', () => {
  /** Two servers; job j excludes the servers in `excluded[j]`. */
  function withExclusions(excluded: Record<number, number[]>) {
    const sim = new Simulation();
    const log: Array<[job: number, server: number, time: number]> = [];
    const client: PoolClient = {
      serviceHours: () => 1,
      started: (job, server) => log.push([job, server, sim.now]),
      completed: () => {},
    };
    const eligibility = { excludes: (job: number, server: number) => (excluded[job] ?? []).includes(server) };
    const pool = new ServerPool(sim, 2, client, { openAtStart: false, eligibility });
    return { sim, pool, log };
  }

  it('keeps a job waiting while its only free server is excluded, lets a later job pass it, and gives it to the other server when it opens', () => {
    const { sim, pool, log } = withExclusions({ 1: [0] });
    pool.openServer(0);
    pool.arrive(1);
    pool.arrive(2);
    expect(log).toEqual([[2, 0, 0]]);
    expect(pool.queueLength).toBe(1);
    sim.at(0.5, sim.register(() => pool.openServer(1)));
    sim.run();
    expect(log).toEqual([
      [2, 0, 0],
      [1, 1, 0.5],
    ]);
  });

  it('gives an arriving job an idle server it does not exclude, passing over one it does', () => {
    const { pool, log } = withExclusions({ 3: [1] });
    pool.openServer(0);
    pool.openServer(1); // on top of the idle stack, so it would be taken first
    pool.arrive(3);
    expect(log).toEqual([[3, 0, 0]]);
  });

  it('serves a backlog on idle servers while excluded jobs wait', () => {
    const sim = new Simulation();
    const started: number[] = [];
    let created = 100;
    const client: PoolClient = {
      serviceHours: () => 1,
      started: (job) => started.push(job),
      completed: () => {},
      createJob: () => created++,
    };
    const pool = new ServerPool(sim, 1, client, { openAtStart: false, eligibility: { excludes: (job) => job === 1 } });
    pool.openServer(0);
    pool.arrive(1); // excluded by the only server: waits, the server stays idle
    pool.addBacklog(2, 0);
    expect(started).toEqual([100]);
    sim.run();
    expect(started).toEqual([100, 101]);
    expect(pool.queueLength).toBe(1);
    expect(pool.isBusy(0)).toBe(false);
  });
});
