import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outputFolder } from '../../experiments/run/output-folder.js';

export const REPO = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The line a run prints when the test hooks are on, taken out of `stderr` (null when off). */
  hooks: string | null;
}

/** Fault hooks (LABELSIM_FAULT, LABELSIM_FAIL_ON) act only behind their switch: a test that sets one turns the switch on. */
export function withHookSwitch(env: Record<string, string>): Record<string, string> {
  return 'LABELSIM_FAULT' in env || 'LABELSIM_FAIL_ON' in env ? { LABELSIM_TEST_HOOKS: '1', ...env } : env;
}

/**
 * Runs the real command line, as a user would, from the repository root. The hooks line a run
 * prints first when a test turns fault hooks on is handed back apart (test-hooks.test.ts checks
 * it), so the other tests read the rest of stderr as a user would see it without hooks.
 */
export function labelsim(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...withHookSwitch(env) } });
  const m = /^(labelsim: test hooks on [^\n]*)\n/.exec(r.stderr ?? '');
  return { code: r.status ?? -1, stdout: r.stdout, stderr: m === null ? r.stderr : r.stderr.slice(m[0].length), hooks: m === null ? null : m[1] };
}

/** Starts the command line without waiting (to kill it part way). */
export function startLabelsim(args: string[]) {
  return spawn(process.execPath, [CLI, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `labelsim-${prefix}-`));
}

/** Every file under a folder with its bytes, to show a failed run changed nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = fs.readFileSync(file, 'base64');
  }
  return out;
}

/** Where a run of experiment `name` under output root `out` keeps its staging folder and lock (whatever layout the code under test uses). */
export function internalPaths(out: string, name: string): { staging: string; lock: string; records: string } {
  const folder = outputFolder(out, name);
  return { staging: folder.staging, lock: folder.lock, records: path.join(folder.staging, 'replications.jsonl') };
}

/** Starts a run and interrupts it with SIGINT (Ctrl-C) once a few records are on disk; its exit code and stderr. */
export async function interruptRun(args: string[], records: string): Promise<{ code: number | null; stderr: string }> {
  const child = startLabelsim(args);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  await new Promise<void>((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      if (fs.existsSync(records) && fs.readFileSync(records, 'utf8').split('\n').length > 5) return resolve();
      if (Date.now() - t0 > 60_000) return reject(new Error('no records appeared'));
      setTimeout(tick, 20);
    };
    tick();
  });
  child.kill('SIGINT');
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  return { code, stderr };
}
