import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { labelsim, REPO, snapshot, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const CLI = path.join(REPO, 'dist', 'cli.js');

/**
 * Runs the command line with a time limit: before the fix some of these options hung (a batch
 * size of 0 looped forever; 10^12 replications ran for hours), and a hang must fail the test.
 */
function bounded(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** [what, the command line, the option named, the value echoed, whether the command writes to --out]. */
const cases: Array<[string, string[], string, string, boolean]> = [
  ['run with 0 replications', ['run', FILE, '--replications', '0'], 'replications', '0', true],
  ['run with 10^12 replications', ['run', FILE, '--replications', '1000000000000'], 'replications', '1000000000000', true],
  ['run with replications that are not a number', ['run', FILE, '-r', 'many'], 'replications', '"many"', true],
  ['run with a batch size of 0', ['run', FILE, '-r', '2', '--batch-size', '0'], 'batch-size', '0', true],
  ['run with a fractional batch size', ['run', FILE, '-r', '2', '--batch-size', '1.5'], 'batch-size', '1.5', true],
  ['run --sensitivity with a change of 7', ['run', FILE, '-r', '2', '-w', '0', '--sensitivity', '--change', '7'], 'change', '7', true],
  ['run with a seed beyond 2^53', ['run', FILE, '-r', '2', '--seed', '9007199254740993'], 'seed', '9007199254740993', true],
  ['run with a seed beyond the file format\'s 2^32 - 1', ['run', FILE, '-r', '2', '--seed', '4294967296'], 'seed', '4294967296', true],
  ['run with a fractional seed', ['run', FILE, '-r', '2', '--seed', '1.5'], 'seed', '1.5', true],
  ['run with a negative seed', ['run', FILE, '-r', '2', '--seed', '-1'], 'seed', '-1', true],
  ['run with a seed left empty', ['run', FILE, '-r', '2', '--seed='], 'seed', '""', true],
  ['run with -3 workers', ['run', FILE, '-r', '2', '--workers', '-3'], 'workers', '-3', true],
  ['run with 100,000 workers', ['run', FILE, '-r', '2', '--workers', '100000'], 'workers', '100000', true],
  ['run with a memory limit of 0', ['run', FILE, '-r', '2', '--max-memory', '0'], 'max-memory', '0', true],
  ['run with shard 4 of 4', ['run', FILE, '-r', '2', '--shard', '4/4'], 'shard', '"4/4"', true],
  ['run with shard 0 of 0', ['run', FILE, '-r', '2', '--shard', '0/0'], 'shard', '"0/0"', true],
  ['solve with 0 replications', ['solve', FILE, '--target', 'on-time=0.9', '--pool', 'annotators', '-r', '0'], 'replications', '0', false],
  ['solve with -3 workers', ['solve', FILE, '--target', 'on-time=0.9', '-r', '2', '--workers', '-3'], 'workers', '-3', false],
  ['solve with a target of 0', ['solve', FILE, '--target', 'on-time=0', '-r', '2'], 'target', '"on-time=0"', false],
  ['solve with a target above 1', ['solve', FILE, '--target', 'on-time=1.5', '-r', '2'], 'target', '"on-time=1.5"', false],
  ['solve with a seed beyond 2^53', ['solve', FILE, '--target', 'on-time=0.9', '-r', '2', '--seed', '9007199254740993'], 'seed', '9007199254740993', false],
  ['sensitivity with 0 replications', ['sensitivity', FILE, '-r', '0'], 'replications', '0', true],
  ['sensitivity with a change of 1', ['sensitivity', FILE, '-r', '2', '--change', '1'], 'change', '1', true],
  ['sensitivity with a change of 120%', ['sensitivity', FILE, '-r', '2', '--change', '120%'], 'change', '"120%"', true],
  ['sensitivity with a change that is not a number', ['sensitivity', FILE, '-r', '2', '--change', 'lots'], 'change', '"lots"', true],
  ['sensitivity with 2.5 workers', ['sensitivity', FILE, '-r', '2', '--workers', '2.5'], 'workers', '2.5', true],
  ['replay of replication -1', ['replay', FILE, '--plan', 'base', '--replication', '-1'], 'replication', '-1', false],
  ['replay of a replication the file does not run (it runs 0 to 23)', ['replay', FILE, '--plan', 'base', '--replication', '24'], 'replication', '24', false],
  ['replay of a replication beyond --replications', ['replay', FILE, '--plan', 'base', '--replication', '3', '--replications', '3'], 'replication', '3', false],
  ['replay with a seed beyond 2^53', ['replay', FILE, '--plan', 'base', '--replication', '0', '--seed', '9007199254740993'], 'seed', '9007199254740993', false],
  ['check with a negative memory limit', ['check', FILE, '--max-memory', '-5'], 'max-memory', '-5', false],
];

describe('options of every command are checked before anything runs', () => {
  // An earlier result that must survive every refused command that would write.
  let earlier = '';
  beforeAll(() => {
    earlier = path.join(tempDir('options-earlier'), 'out');
    const r = labelsim(['run', FILE, '--replications', '1', '--workers', '0', '--quiet', '--out', earlier]);
    expect(r.code, r.stderr).toBe(0);
  });

  it.each(cases)('%s is refused in one line naming the option, with exit code 2', (_what, args, option, got, writes) => {
    const out = path.join(tempDir('options'), 'out');
    fs.cpSync(earlier, out, { recursive: true });
    const before = snapshot(out);

    const r = bounded(writes ? [...args, '--out', out] : args);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`labelsim: --${option}: expected `)).toBe(true);
    expect(lines[0].endsWith(`, got ${got}`)).toBe(true);
    expect(r.stdout).toBe('');
    expect(snapshot(out)).toEqual(before);
  });

  it('takes a sensitivity change written as in files, 20% or 0.2, the same study either way', () => {
    const out = tempDir('options-change');
    const percent = labelsim(['sensitivity', FILE, '-r', '2', '-w', '1', '--change', '20%', '--out', out]);
    expect(percent.code, percent.stderr).toBe(0);
    expect(percent.stdout).toContain('each parameter -20% / +20%');
    const decimal = labelsim(['sensitivity', FILE, '-r', '2', '-w', '1', '--change', '0.2', '--out', out]);
    expect(decimal.stdout).toBe(percent.stdout);
  });

  it('refuses an empty --out instead of writing into the current folder', () => {
    const cwd = tempDir('options-cwd');
    const r = spawnSync(process.execPath, [CLI, 'run', path.join(REPO, FILE), '-r', '1', '-w', '0', '--out', ''], { cwd, encoding: 'utf8', timeout: 20_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trimEnd()).toBe('labelsim: --out: expected a folder name, got ""');
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('accepts the largest seed the file format allows, and replays the last replication of --replications', () => {
    const r = labelsim(['run', FILE, '-r', '1', '-w', '0', '--quiet', '--json', '--seed', '4294967295', '--out', tempDir('options-seed')]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).seed).toBe(4294967295);
    const replay = labelsim(['replay', FILE, '--plan', 'base', '--replication', '29', '--replications', '30', '--json']);
    expect(replay.code, replay.stderr).toBe(0);
    expect(JSON.parse(replay.stdout).replication).toBe(29);
  });
});
