import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { testHooks } from '../../../experiments/run/test-hooks.js';
import { REPO, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const CLI = path.join(REPO, 'dist', 'cli.js');
/** The CLI with exactly this environment added (the support helper would turn the switch on itself). */
const raw = (args: string[], env: Record<string, string>) => spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env } });

describe('the test-only fault hooks', () => {
  it('are ignored without their switch: a stray LABELSIM_FAULT or LABELSIM_FAIL_ON injects nothing', () => {
    expect(testHooks({ LABELSIM_FAIL_ON: 'base:0', LABELSIM_FAULT: 'enospc-after:0' })).toEqual({ failOn: [], faults: { worker: [], records: null, summary: null }, notice: null });
    const out = tempDir('hooks-off');
    const r = raw(['run', FILE, '-r', '2', '--quiet', '--out', out], { LABELSIM_FAIL_ON: 'base:0', LABELSIM_FAULT: 'enospc-after:0' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'small-project', 'summary.json'), 'utf8')).failedReplications).toEqual([]);
  });

  it('act behind LABELSIM_TEST_HOOKS=1, and the run says so in its first line, even with --quiet', () => {
    const out = tempDir('hooks-on');
    const r = raw(['run', FILE, '-r', '2', '--quiet', '--out', out], { LABELSIM_TEST_HOOKS: '1', LABELSIM_FAIL_ON: 'base:0' });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('labelsim: test hooks on (LABELSIM_TEST_HOOKS=1): LABELSIM_FAIL_ON=base:0; failures from them are not real');
    const replay = raw(['replay', FILE, '--plan', 'base', '--replication', '0'], { LABELSIM_TEST_HOOKS: '1', LABELSIM_FAIL_ON: 'base:0' });
    expect(replay.status).toBe(1);
    expect(replay.stderr.split('\n')[0]).toMatch(/^labelsim: test hooks on/);
  });
});
