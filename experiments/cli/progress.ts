import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * Replications done, rate and ETA: a live bar on a terminal (cli-progress), and a plain line
 * every few seconds otherwise, so a log file of an overnight run stays readable.
 */
export function createProgress(stream: NodeJS.WriteStream, label: string, quiet = false): Progress {
  if (quiet) return { update() {}, stop() {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: `${label} [{bar}] {percentage}% | {value}/{total} replications | {rate}/s | ETA {eta_formatted}`, hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    const t0 = Date.now();
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, done, { rate: '0' });
          started = true;
        }
        const secs = (Date.now() - t0) / 1000;
        bar.update(done, { rate: secs > 0 ? (done / secs).toFixed(1) : '0' });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  const t0 = Date.now();
  let lastLine = 0;
  let first = -1;
  return {
    update(done, total) {
      if (first < 0) first = done;
      const now = Date.now();
      if (done < total && now - lastLine < 5000) return;
      lastLine = now;
      const secs = (now - t0) / 1000;
      const rate = secs > 0 ? (done - first) / secs : 0;
      const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
      stream.write(`${label}: ${done}/${total} replications, ${rate.toFixed(1)}/s, ETA ${eta}s\n`);
    },
    stop() {},
  };
}
