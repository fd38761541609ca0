import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const CLI = path.join(REPO, 'dist', 'cli.js');

/**
 * Runs the command line with its stdout a pipe whose reading end is closed before the command
 * writes anything (the CLI takes far longer to start than the close), as `| head` does once it
 * has its lines: every write the command makes then meets EPIPE.
 */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

/** The same with stderr closed instead (`labelsim run f 2>&1 >/dev/null | head -1`): the progress lines meet EPIPE. */
function withClosedStderr(args: string[]): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.destroy();
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout })));
}

describe('a closed stderr', () => {
  it('lets a run finish and publish its folder: nobody reads the progress, which is not a failure', async () => {
    const out = path.join(tempDir('epipe-stderr'), 'run');
    const r = await withClosedStderr(['run', FILE, '-r', '2', '-w', '0', '--out', out]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^base: \d+% chance to finish by/m);
    expect(fs.existsSync(path.join(out, 'small-project', 'summary.json'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'small-project', 'report.html'))).toBe(true);
  });
});

describe('a closed stdout', () => {
  const commands: Array<[string, string[]]> = [
    ['check', ['check', FILE]],
    ['schema', ['schema']],
    ['replay', ['replay', FILE, '--plan', 'base', '--replication', '0']],
    ['run --json', ['run', FILE, '-r', '1', '-w', '0', '--quiet', '--json', '--out', tempDir('epipe-run')]],
    ['solve --json', ['solve', FILE, '--target', 'on-time=0.5', '--pool', 'annotators', '-r', '1', '-w', '0', '--json']],
    ['sensitivity', ['sensitivity', FILE, '-r', '1', '-w', '0', '--out', tempDir('epipe-sens')]],
  ];

  it.each(commands)('ends %s quietly with exit code 0', async (_name, args) => {
    const r = await withClosedStdout(args);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.code, r.stderr).toBe(0);
  });

  it('lets `labelsim check file | head -1` exit 0 every time', () => {
    const status = path.join(tempDir('epipe-head'), 'status');
    for (let i = 0; i < 10; i++) {
      const r = spawnSync('sh', ['-c', '( "$NODE" "$CLI" check "$FILE"; echo $? > "$STATUS" ) | head -1'], {
        cwd: REPO,
        encoding: 'utf8',
        env: { ...process.env, NODE: process.execPath, CLI, FILE: 'experiments/eight-week-video.yaml', STATUS: status },
      });
      expect(r.stdout).toMatch(/: valid\. Experiment "eight-week-video"/);
      expect(r.stderr).toBe('');
      expect(fs.readFileSync(status, 'utf8').trim()).toBe('0');
    }
  });
});
