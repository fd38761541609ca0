import cliProgress from 'cli-progress';

export interface Progress {
  /** Replications a --resume found recorded: they count as done, not towards the rate. */
  start(already: number): void;
  update(done: number, total: number): void;
  stop(): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  /** The environment that says whether this is CI (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds now (default: Date.now), so a test can move the clock. */
  now?: () => number;
}

/** Seconds between plain lines: a log of an overnight run gets a line a few times a minute, not thousands. */
const PLAIN_EVERY_MS = 5000;
/** No rate before a second of work: two replications in 3 ms make a rate of nothing. */
const RATE_AFTER_MS = 1000;

/**
 * CI systems set CI (GitHub Actions, GitLab, Buildkite, ...) and often give the job a terminal
 * whose output is kept as a log: a bar redrawn in place becomes thousands of lines there.
 */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** 45 s, 12 min, 3 h 05 min: the precision a person plans with. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) return `${s} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/**
 * Replications done, rate and time left: a live bar on a terminal (cli-progress), and plain lines
 * every few seconds when stderr is a file or a pipe, or in CI, so a log stays readable. The rate
 * and the time left appear once there is a rate to base them on, never as 0/s, "0s" or "NFs".
 * The rate counts this run's replications only: those a --resume found done took no time here.
 */
export function createProgress(stream: NodeJS.WriteStream, label: string, options: ProgressOptions = {}): Progress {
  if (options.quiet) return { start() {}, update() {}, stop() {} };
  const now = options.now ?? Date.now;
  const env = options.env ?? process.env;
  let t0 = now();
  let first = 0;
  // The clock starts when the replications do: loading the file and starting workers is no part of the rate.
  const start = (already: number) => {
    first = already;
    t0 = now();
  };
  /** The rate and the time left, or null until a second of this run's work has been seen. */
  const pace = (done: number, total: number) => {
    const ms = now() - t0;
    if (ms < RATE_AFTER_MS || done <= first) return null;
    const rate = (done - first) / (ms / 1000);
    return { rate: `${rate.toFixed(1)}/s`, left: duration((total - done) / rate) };
  };
  const share = (done: number, total: number) => `${Math.floor((100 * done) / Math.max(1, total))}%`;

  if (stream.isTTY && !inCi(env) && env.TERM !== 'dumb') {
    const bar = new cliProgress.SingleBar(
      { stream, format: `${label} [{bar}] {percentage}% | {value}/{total} done | {pace}`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    const paceText = (done: number, total: number) => {
      const p = pace(done, total);
      return p === null ? 'measuring the rate...' : `${p.rate}, about ${p.left} left`;
    };
    return {
      start,
      update(done, total) {
        if (!started) {
          bar.start(total, done, { pace: paceText(done, total) });
          started = true;
        } else {
          // A precision-driven run adds rounds: its total grows.
          if (total !== bar.getTotal()) bar.setTotal(total);
          bar.update(done, { pace: paceText(done, total) });
        }
      },
      stop() {
        if (started) bar.stop();
        started = false;
      },
    };
  }

  let lastLine = -Infinity;
  // The total the last "done" line was written for: a precision-driven run's next round raises the total and goes on.
  let finishedAt = -1;
  return {
    update(done, total) {
      const p = pace(done, total);
      const t = now();
      if (total === finishedAt || (done < total && t - lastLine < PLAIN_EVERY_MS)) return;
      lastLine = t;
      let line = `${label}: ${done}/${total} done (${share(done, total)})`;
      if (done >= total) {
        finishedAt = total;
        line += ` in ${duration((t - t0) / 1000)}`;
        if (p !== null) line += `, ${p.rate}`;
      } else if (p !== null) line += `, ${p.rate}, about ${p.left} left`;
      stream.write(line + '\n');
    },
    start,
    stop() {},
  };
}
