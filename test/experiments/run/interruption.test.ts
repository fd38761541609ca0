import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalPaths, labelsim, startLabelsim, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';

function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      if (predicate()) return resolve();
      if (Date.now() - t0 > timeoutMs) return reject(new Error('timed out waiting'));
      setTimeout(tick, 20);
    };
    tick();
  });
}

describe('overnight runs that lose nothing', () => {
  it('resumes a killed run (SIGKILL) to the same summary as an uninterrupted run', async () => {
    const reference = tempDir('ref');
    expect(labelsim(['run', FILE, '--replications', '24', '--quiet', '--out', reference]).code).toBe(0);

    const out = tempDir('killed');
    const records = internalPaths(out, 'small-project').records;
    const child = startLabelsim(['run', FILE, '--replications', '24', '--quiet', '--workers', '1', '--batch-size', '1', '--out', out]);
    await waitFor(() => fs.existsSync(records) && fs.readFileSync(records, 'utf8').split('\n').length > 6, 60_000);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const kept = fs.readFileSync(records, 'utf8').trim().split('\n').length;
    expect(kept).toBeGreaterThan(4);
    expect(kept).toBeLessThan(72);
    expect(fs.existsSync(path.join(out, 'small-project'))).toBe(false); // nothing published by a killed run

    // A plain rerun refuses to throw the records away; --resume continues them.
    const refused = labelsim(['run', FILE, '--replications', '24', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/interrupted run .* --resume/);
    const resumed = labelsim(['run', FILE, '--replications', '24', '--resume', '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/Resuming: \d+ of 72 replications already recorded/);
    const a = fs.readFileSync(path.join(reference, 'small-project', 'summary.json'));
    const b = fs.readFileSync(path.join(out, 'small-project', 'summary.json'));
    expect(b.equals(a)).toBe(true);
  });

  it('drops a torn last record on resume, keeping every complete one', () => {
    const out = tempDir('torn');
    const staging = internalPaths(out, 'small-project').staging;
    // A finished run's records, moved back into a staging folder with half a line appended.
    expect(labelsim(['run', FILE, '--replications', '3', '--quiet', '--out', out]).code).toBe(0);
    fs.renameSync(path.join(out, 'small-project'), staging);
    const file = path.join(staging, 'replications.jsonl');
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    fs.writeFileSync(file, lines.slice(0, 5).join('\n') + '\n' + lines[5].slice(0, 40));
    const resumed = labelsim(['run', FILE, '--replications', '3', '--resume', '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/Resuming: 5 of 9/);
    const after = fs.readFileSync(path.join(out, 'small-project', 'replications.jsonl'), 'utf8').trim().split('\n');
    expect(after).toHaveLength(9);
    after.forEach((l) => expect(() => JSON.parse(l)).not.toThrow());
  });
});

describe('a replication that throws', () => {
  it('is recorded with its plan, replication and seed while the others go on, and replays with a stack trace', () => {
    const out = tempDir('fail');
    const r = labelsim(['run', FILE, '--replications', '5', '--out', out], { LABELSIM_FAIL_ON: 'plus-one:3' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 replication\(s\) failed; e\.g\. plan "plus-one" replication 3/);
    const summary = JSON.parse(fs.readFileSync(path.join(out, 'small-project', 'summary.json'), 'utf8'));
    expect(summary.failedReplications).toEqual([{ plan: 'plus-one', replication: 3, seed: 11, error: 'forced failure of replication 3 (LABELSIM_FAIL_ON)' }]);
    expect(summary.plans.map((p: { replications: number }) => p.replications)).toEqual([5, 5, 4]);

    const replay = labelsim(['replay', FILE, '--plan', 'plus-one', '--replication', '3'], { LABELSIM_FAIL_ON: 'plus-one:3' });
    expect(replay.code).toBe(1);
    expect(replay.stderr).toMatch(/Replication 3 of plan "plus-one" \(seed 11\) threw:\nError: forced failure/);
    expect(replay.stderr).toMatch(/\n\s+at runReplication \(/);

    const ok = labelsim(['replay', FILE, '--plan', 'plus-one', '--replication', '2', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).replication).toBe(2);
  });
});

describe('concurrent runs on one output folder', () => {
  it('makes the second run refuse, naming the lock, and clears a stale lock left by a killed run', async () => {
    const out = tempDir('lock');
    const child = startLabelsim(['run', FILE, '--replications', '2000', '--quiet', '--workers', '1', '--out', out]);
    const lock = internalPaths(out, 'small-project').lock;
    await waitFor(() => fs.existsSync(lock), 30_000);
    const second = labelsim(['run', FILE, '--replications', '2000', '--out', out]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/small-project.lock: another labelsim run \(pid \d+/);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(fs.existsSync(lock)).toBe(true); // a killed run leaves its lock behind...
    const after = labelsim(['run', FILE, '--replications', '2', '--quiet', '--out', out]);
    // ...which the next run finds stale and takes over (it then stops at the killed run's staging folder).
    expect(after.stderr).not.toMatch(/another labelsim run/);
    expect(after.stderr).toMatch(/interrupted run/);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it.each([
    ['cut off mid-way', '{"pid": 12'],
    ['empty', ''],
    ['not a lock at all', '\u0000\u0000\u0000'],
  ])('takes over a half-written lock (%s) as stale, runs, and leaves no lock behind', (_what, content) => {
    const out = tempDir('torn-lock');
    const lock = internalPaths(out, 'small-project').lock;
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, content);
    const r = labelsim(['run', FILE, '--replications', '2', '--quiet', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(out, 'small-project', 'summary.json'))).toBe(true);
    expect(fs.readdirSync(out)).toEqual(['.labelsim', 'small-project']);
    expect(fs.readdirSync(path.dirname(lock))).toEqual([]); // no lock, no takeover guard, no temp file
  });

  it('refuses a lock held by a live process on this host, naming it, and leaves it alone', () => {
    const out = tempDir('live-lock');
    const lock = internalPaths(out, 'small-project').lock;
    const owner = JSON.stringify({ pid: process.pid, host: os.hostname(), started: '2027-01-04T00:00:00.000Z' });
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, owner);
    const r = labelsim(['run', FILE, '--replications', '2', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `labelsim: ${lock}: another labelsim run (pid ${process.pid} on ${os.hostname()}, started 2027-01-04T00:00:00.000Z) is writing this output folder; wait for it or choose another --out\n`,
    );
    expect(fs.readFileSync(lock, 'utf8')).toBe(owner);
    expect(fs.readdirSync(path.dirname(lock))).toEqual(['lock']);
  });
});
