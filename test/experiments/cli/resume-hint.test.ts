import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalPaths, interruptRun, labelsim, REPO, tempDir, withHookSwitch } from '../../support/cli.js';
import { resultName } from '../../../experiments/run/overrides.js';

/** Where a run with --set pools.annotators.headcount=2 publishes: a folder of its own, never the file's result. */
const OVERRIDDEN = resultName('small-project', [{ path: 'pools.annotators.headcount', value: 2 }]);

const FILE = 'test/experiments/fixtures/small-project.yaml';
const CLI = path.join(REPO, 'dist', 'cli.js');

/** Runs a printed command line in sh from another folder, `labelsim` standing for the real CLI. */
function paste(command: string, cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('sh', ['-c', `labelsim() { "$LABELSIM_NODE" "$LABELSIM_CLI" "$@"; }\n${command}`], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LABELSIM_NODE: process.execPath, LABELSIM_CLI: CLI, ...withHookSwitch(env) },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}



describe('resuming an interrupted run', () => {
  it('prints, after Ctrl-C, the whole command that continues the run, which pasted in a shell anywhere completes it to the uninterrupted summary', async () => {
    // Options that shape the run, an output folder whose name needs quoting, and a --set value with a space.
    const shaping = ['--replications', '30', '--seed', '5', '--set', 'pools.annotators.headcount= 2', '--plan', 'plus-one', '--plan', 'base'];
    const reference = tempDir('hint-ref');
    const ref = labelsim(['run', FILE, ...shaping, '--quiet', '--out', reference]);
    expect(ref.code, ref.stderr).toBe(0);

    const out = path.join(tempDir('hint'), "it's out");
    const records = internalPaths(out, OVERRIDDEN).records;
    const run = await interruptRun(['run', FILE, ...shaping, '--workers', '1', '--batch-size', '1', '--out', out], records);
    expect(run.code).toBe(130);
    const hint = /continue with: (labelsim run .*)$/m.exec(run.stderr);
    expect(hint, run.stderr).not.toBeNull();

    const resumed = paste(hint![1], tempDir('elsewhere'));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/Resuming: [1-9]\d* of 60 replications already recorded\./);
    const a = fs.readFileSync(path.join(reference, OVERRIDDEN, 'summary.json'));
    const b = fs.readFileSync(path.join(out, OVERRIDDEN, 'summary.json'));
    expect(b.equals(a)).toBe(true);
  });

  it('says in one line, before starting, that --resume found nothing to resume', () => {
    const out = tempDir('nothing');
    const r = labelsim(['run', FILE, '-r', '2', '-w', '0', '--resume', '--quiet', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Nothing to resume: no interrupted run of "small-project" in .*small-project.incomplete; starting a new run\.$/);
    expect(fs.existsSync(path.join(out, 'small-project', 'summary.json'))).toBe(true);
  });

  it('names the whole command that continues the run when a run without --resume finds an interrupted one', async () => {
    const out = tempDir('exists');
    const records = internalPaths(out, 'small-project').records;
    const run = await interruptRun(['run', FILE, '-r', '30', '--seed', '5', '--workers', '1', '--batch-size', '1', '--out', out], records);
    expect(run.code).toBe(130);
    const again = labelsim(['run', FILE, '-r', '30', '--seed', '5', '--out', out]);
    expect(again.code).toBe(2);
    const hint = /continue it with: (labelsim run .*)$/.exec(again.stderr.trimEnd());
    expect(hint, again.stderr).not.toBeNull();
    const resumed = paste(hint![1], tempDir('elsewhere'));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'small-project', 'summary.json'), 'utf8')).seed).toBe(5);
  });

  it('prints the replay command of a failed replication with the options of the run, so it replays the same model', () => {
    const out = tempDir('replay-hint');
    const shaping = ['--replications', '30', '--seed', '5', '--set', 'pools.annotators.headcount=2', '--plan', 'base'];
    const run = labelsim(['run', FILE, ...shaping, '-w', '0', '--out', out], { LABELSIM_FAIL_ON: 'base:27' });
    expect(run.code, run.stderr).toBe(1);
    const hint = /Reproduce one with: (labelsim replay .*)$/m.exec(run.stderr);
    expect(hint, run.stderr).not.toBeNull();

    const failed = paste(hint![1], tempDir('elsewhere'), { LABELSIM_FAIL_ON: 'base:27' });
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.stderr).toMatch(/Replication 27 of plan "base" \(seed 5\) threw:/);
    // Its neighbour replays to the figures the run recorded for it.
    const neighbour = paste(`${hint![1].replace('--replication 27', '--replication 26')} --json`, tempDir('elsewhere'));
    expect(neighbour.code, neighbour.stderr).toBe(0);
    const row = fs.readFileSync(path.join(out, OVERRIDDEN, 'replication-measures.csv'), 'utf8').split('\n').map((l) => l.split(',')).find((c) => c[3] === 'base' && c[4] === '26' && c[5] === 'completionHours')!;
    expect(Number(row[8])).toBeCloseTo(JSON.parse(neighbour.stdout).completionHours, 6);
  });
});
