import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const CLI = path.join(REPO, 'dist', 'cli.js');

/**
 * Runs the command line with one of its outputs a pipe whose reading end is closed before the
 * command writes anything (the CLI takes far longer to start than the close), as `| head` does
 * once it has its lines: every write the command makes there meets EPIPE. Returns what the other
 * output received.
 */
function withClosed(closed: 'stdout' | 'stderr', args: string[]): Promise<{ code: number | null; other: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  child[closed].destroy();
  let other = '';
  child[closed === 'stdout' ? 'stderr' : 'stdout'].on('data', (d) => (other += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, other })));
}

describe('a closed stderr', () => {
  it('lets a run finish and publish its folder: nobody reads the progress, which is not a failure', async () => {
    const out = path.join(tempDir('epipe-stderr'), 'run');
    const r = await withClosed('stderr', ['run', FILE, '-r', '2', '-w', '0', '--out', out]);
    expect(r.code, r.other).toBe(0);
    expect(r.other).toMatch(/^base: \d+% chance to finish by/m);
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
    const r = await withClosed('stdout', args);
    expect(r.other).not.toMatch(/EPIPE|Error/);
    expect(r.code, r.other).toBe(0);
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
