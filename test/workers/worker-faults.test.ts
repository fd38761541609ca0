import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalPaths, labelsim, tempDir } from '../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const RUN = ['run', FILE, '--replications', '6'];

function runWith(fault: string, args: string[] = []) {
  const out = tempDir('fault');
  const workers = args.includes('--workers') ? [] : ['--workers', '2'];
  const r = labelsim([...RUN, ...workers, '--out', out, ...args], { LABELSIM_FAULT: fault });
  const folder = path.join(out, 'small-project');
  const summaryFile = path.join(folder, 'summary.json');
  return { ...r, out, folder, summary: fs.existsSync(summaryFile) ? JSON.parse(fs.readFileSync(summaryFile, 'utf8')) : null };
}

/** The summary of a run without faults, for comparison. */
const clean = (() => {
  let summary: any = null;
  return () => {
    if (summary === null) {
      const out = tempDir('clean');
      expect(labelsim([...RUN, '--quiet', '--out', out]).code).toBe(0);
      summary = JSON.parse(fs.readFileSync(path.join(out, 'small-project', 'summary.json'), 'utf8'));
    }
    return summary;
  };
})();

describe('a worker that dies during a batch', () => {
  it('calling process.exit: the pool replaces it, the batch is retried, the replication is recorded as failed with its seed, and the run publishes with exit code 1', () => {
    const r = runWith('exit:base:3');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('1 replication(s) failed; e.g. plan "base" replication 3: worker exited with code 1 while running this replication (retried once)');
    expect(r.summary.failedReplications).toEqual([{ plan: 'base', replication: 3, seed: 11, error: 'worker exited with code 1 while running this replication (retried once)' }]);
    expect(r.summary.plans.map((p: { replications: number }) => p.replications)).toEqual([5, 6, 6]);
    // The other plans ran on replacement workers and came out as in a run without faults (but
    // for their comparison with the baseline, which lacks replication 3).
    const withoutBaseline = (plans: any[]) => plans.slice(1).map(({ vsBaseline, ...rest }) => rest);
    expect(withoutBaseline(r.summary.plans)).toEqual(withoutBaseline(clean().plans));
  });

  it('running out of memory: its heap limit (--max-memory) stops that worker, not the command', () => {
    const r = runWith('oom:plus-one:2', ['--max-memory', '128']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.summary.failedReplications).toEqual([
      {
        plan: 'plus-one',
        replication: 2,
        seed: 11,
        error: 'worker ran out of memory (heap limit of 128 MiB per worker thread; raise it with --max-memory) while running this replication (retried once)',
      },
    ]);
    expect(r.stderr).toMatch(/^1 replication\(s\) failed; e\.g\. plan "plus-one" replication 2: worker ran out of memory/m);
  });

  it('throwing outside a replication: the batch is retried, then its replications run alone, so only the one at fault fails', () => {
    const r = runWith('throw-batch:same-again:4', ['--batch-size', '6']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.summary.failedReplications).toEqual([
      { plan: 'same-again', replication: 4, seed: 11, error: 'forced throw-batch fault at replication 4 (LABELSIM_FAULT) while running this replication (retried once)' },
    ]);
    expect(r.summary.plans[1].replications).toBe(5);
  });

  it('records the same failures whatever the batch size, so the summary stays byte-identical across batchings', () => {
    const one = runWith('exit:base:3', ['--quiet', '--batch-size', '1']);
    const six = runWith('exit:base:3', ['--quiet', '--batch-size', '6', '--workers', '1']);
    expect([one.code, six.code]).toEqual([1, 1]);
    const a = fs.readFileSync(path.join(one.folder, 'summary.json'));
    const b = fs.readFileSync(path.join(six.folder, 'summary.json'));
    expect(b.equals(a)).toBe(true);
  });

  it('once only (a transient fault): the retry succeeds and the summary is that of a run without faults', () => {
    const r = runWith('exit-once:base:3,oom-once:plus-one:1', ['--max-memory', '128', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.summary).toEqual(clean());
  });

  it('in this thread (--workers 0), where dying would take the command with it, fails the replication instead', () => {
    const r = runWith('exit:base:0', ['--workers', '0', '--quiet']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.summary.failedReplications[0]).toMatchObject({ plan: 'base', replication: 0, error: expect.stringMatching(/^forced exit fault at replication 0 \(LABELSIM_FAULT\)/) });
  });

  it('is retried on --resume, like any failed replication', () => {
    const r = runWith('exit:base:3', ['--quiet']);
    expect(r.code).toBe(1);
    // Back into a staging folder, as if interrupted, and resumed without the fault.
    fs.renameSync(r.folder, internalPaths(r.out, 'small-project').staging);
    const resumed = labelsim([...RUN, '--resume', '--quiet', '--out', r.out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(fs.readFileSync(path.join(r.folder, 'summary.json'), 'utf8'));
    expect(summary).toEqual(clean());
  });

  it('refuses a fault hook it does not understand', () => {
    const r = runWith('explode:base:1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^labelsim: LABELSIM_FAULT: expected exit:PLAN:REP, .*got "explode:base:1"\n$/);
  });
});
