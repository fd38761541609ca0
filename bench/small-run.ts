/**
 * A small experiment end to end, as a user meets it: `labelsim run` of
 * test/experiments/fixtures/small-project.yaml with 10 replications of each plan, in a new node
 * process, from start-up to the published folder (report, CSV tables and workbook included).
 * The fastest of a few runs, since start-up is what a busy machine slows most.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './harness.js';

const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
export const SMALL_FILE = fileURLToPath(new URL('../../test/experiments/fixtures/small-project.yaml', import.meta.url));

export function benchSmallRun(replications = 10, repeats = 3): BenchRow {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'labelsim-bench-small-'));
    try {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [CLI, 'run', SMALL_FILE, '--replications', String(replications), '--quiet', '--out', out], { encoding: 'utf8' });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (r.status !== 0) throw new Error(`labelsim run ${SMALL_FILE} exited with ${r.status ?? r.signal}:\n${r.stderr}`);
      samples.push(seconds);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    measure: `small-project: labelsim run, ${replications} replications x 3 plans`,
    replications: 3 * replications,
    seconds: sorted[0],
    medianSeconds: sorted[Math.floor(sorted.length / 2)],
    samples,
    note: `child process, start-up to published folder (report, CSV, workbook); best of ${repeats}: ${samples.map((s) => s.toFixed(2)).join(', ')} s`,
  };
}
