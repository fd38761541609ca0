import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO, startLabelsim, tempDir } from '../../support/cli.js';
import { ensureSlurmInstalled, sleepSync, slurmUnavailableReason, startCluster, type JobInfo, type SlurmCluster } from '../../support/slurm.js';

/**
 * experiments/cluster/slurm-array.sh submitted, as a user would, to a real one-node Slurm
 * cluster (Debian's packages, installed here if missing; test/support/slurm.ts): the array of
 * shards and the merge job it submits give the summary of a single-machine run, byte for byte;
 * a task cancelled part way and requeued resumes its shard; a task that fails cancels the merge.
 * Every job and daemon is stopped at the end, also when a case fails.
 */

const SCRIPT = path.join(REPO, 'experiments', 'cluster', 'slurm-array.sh');
/** Resources that fit the test's node; everything else is the script's own. */
const SMALL = ['--cpus-per-task=1', '--mem=500M'];

const unavailable = slurmUnavailableReason();
if (unavailable !== null) console.warn(`test/experiments/cluster/slurm-array.test.ts skipped: ${unavailable}`);

/**
 * The summary.json a single machine writes for this file, replication count and seed, run
 * while the cluster works (it waits for its scheduler most of the time).
 */
function singleMachineSummary(file: string, name: string, replications: number): Promise<Buffer> {
  const out = tempDir('slurm-reference');
  const child = startLabelsim(['run', file, '--replications', String(replications), '--quiet', '--out', out]);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const summary = new Promise<Buffer>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(fs.readFileSync(path.join(out, name, 'summary.json'))) : reject(new Error(`labelsim run ${file} exited with ${code}: ${stderr}`))));
  });
  summary.catch(() => {}); // awaited by the test; a case that fails before then must not add an unhandled rejection
  return summary;
}

describe.skipIf(unavailable !== null)('experiments/cluster/slurm-array.sh on a real one-node Slurm cluster', () => {
  let cluster: SlurmCluster | undefined;

  beforeAll(async () => {
    ensureSlurmInstalled();
    cluster = await startCluster();
  }, 360_000);
  afterEach(() => cluster?.cancelAll());
  afterAll(() => {
    cluster?.stop();
  });

  /** A folder outside the repository to submit from, with the experiment given relative to it. */
  function submitFolder(): { cwd: string; experiment: (file: string) => string } {
    const cwd = tempDir('slurm-submit');
    return { cwd, experiment: (file) => path.relative(cwd, path.join(REPO, file)) };
  }

  function sbatch(cwd: string, args: string[], env: Record<string, string> = {}): string {
    const r = cluster!.run('sbatch', ['--parsable', ...args], { cwd, env });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.trim().split(';')[0];
  }

  function logs(cwd: string): string {
    return fs
      .readdirSync(cwd)
      .filter((f) => f.endsWith('.log'))
      .map((f) => `--- ${f}:\n${fs.readFileSync(path.join(cwd, f), 'utf8').slice(-4000)}`)
      .join('\n');
  }

  function waitForEmptyQueue(cwd: string, timeoutMs = 90_000): void {
    try {
      cluster!.waitForEmptyQueue(timeoutMs);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${logs(cwd)}`);
    }
  }

  const tasksOf = (array: string) => cluster!.jobs().filter((j) => j.arrayJobId === array && j.name === 'labelsim');
  const mergesOf = (array: string) => cluster!.jobs().filter((j) => j.name === `labelsim-merge-${array}`);
  /** "task or job id:state:reason:exit code" of each job, tasks by index and other jobs in the order they were submitted. */
  const states = (jobs: JobInfo[]) =>
    jobs
      .map((j) => ({ key: Number(j.arrayTaskId ?? j.id), text: `${j.arrayTaskId ?? j.id}:${j.state}:${j.reason}:${j.exitCode}` }))
      .sort((a, b) => a.key - b.key)
      .map((j) => j.text);

  it('runs the array of shards and its merge job, submitted from another folder, to the summary.json of a single-machine run', async () => {
    const { cwd, experiment } = submitFolder();
    const file = 'experiments/vendor-comparison.yaml';
    const reference = singleMachineSummary(file, 'vendor-comparison', 8);
    const array = sbatch(cwd, ['--array=0-3', ...SMALL, SCRIPT, experiment(file), '--replications', '8']);
    waitForEmptyQueue(cwd);

    expect(states(tasksOf(array)), logs(cwd)).toEqual(['0:COMPLETED:None:0:0', '1:COMPLETED:None:0:0', '2:COMPLETED:None:0:0', '3:COMPLETED:None:0:0']);
    expect(states(mergesOf(array)), logs(cwd)).toEqual([expect.stringMatching(/^\d+:COMPLETED:None:0:0$/)]);
    // Four shards, because the array has four tasks: the count comes from Slurm, not the script.
    expect(fs.readdirSync(path.join(cwd, 'results')).filter((n) => !n.startsWith('.')).sort()).toEqual([0, 1, 2, 3].map((i) => `vendor-comparison.shard-${i}-of-4`));
    const merged = fs.readFileSync(path.join(cwd, 'out', 'vendor-comparison', 'summary.json'));
    expect(merged.equals(await reference)).toBe(true);
    expect(fs.existsSync(path.join(cwd, 'out', 'vendor-comparison', 'report.html'))).toBe(true);
    expect(fs.readFileSync(path.join(cwd, `labelsim-${array}_merge.log`), 'utf8')).toMatch(/^Merged 4 shard folder\(s\), 96 records, into out\/vendor-comparison$/m);
  }, 120_000);

  it('resumes a task cancelled part way once it is requeued: the shard continues from its records, the merge job is submitted again, and the summary is still identical', async () => {
    const { cwd, experiment } = submitFolder();
    const file = 'experiments/eight-week-video.yaml';
    const reference = singleMachineSummary(file, 'eight-week-video', 6);
    // 2 shards of 4 plans x 3 replications, one record per batch: shard 1 is caught part way.
    const array = sbatch(cwd, ['--array=0-1', ...SMALL, SCRIPT, experiment(file), '--replications', '6', '--batch-size', '1']);
    const records = path.join(cwd, 'results', '.labelsim', 'eight-week-video.shard-1-of-2', 'incomplete', 'replications.jsonl');
    const count = () => (fs.existsSync(records) ? fs.readFileSync(records, 'utf8').split('\n').filter(Boolean).length : 0);
    const t0 = Date.now();
    while (count() < 2) {
      if (Date.now() - t0 > 60_000) throw new Error(`shard 1 wrote no records within 60 s\n${logs(cwd)}`);
      sleepSync(50);
    }
    const r = cluster!.run('scancel', [`${array}_1`]);
    expect(r.code, r.stderr).toBe(0);
    const firstMerge = () => mergesOf(array)[0];
    const waitFor = (what: string, done: () => boolean) => {
      const t = Date.now();
      while (!done()) {
        if (Date.now() - t > 30_000) throw new Error(`${what} did not happen within 30 s: ${JSON.stringify(cluster!.jobs())}\n${logs(cwd)}`);
        sleepSync(100);
      }
    };
    // The merge job that depended on the cancelled task is cancelled with it, visibly.
    waitFor('the merge job being cancelled', () => firstMerge()?.state === 'CANCELLED');
    expect(firstMerge().reason).toBe('DependencyNeverSatisfied');
    waitFor('task 1 ending', () => tasksOf(array).find((j) => j.arrayTaskId === '1')?.state === 'CANCELLED');
    const kept = count();
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(12);

    const q = cluster!.run('scontrol', ['requeue', `${array}_1`]);
    expect(q.code, q.stderr).toBe(0);
    waitForEmptyQueue(cwd);

    expect(states(tasksOf(array)), logs(cwd)).toEqual(['0:COMPLETED:None:0:0', '1:COMPLETED:None:0:0']);
    expect(tasksOf(array).find((j) => j.arrayTaskId === '1')!.restarts).toBe(1);
    const merges = mergesOf(array);
    expect(states(merges)).toEqual([expect.stringMatching(/:CANCELLED:DependencyNeverSatisfied:/), expect.stringMatching(/:COMPLETED:None:0:0$/)]);
    const log = fs.readFileSync(path.join(cwd, `labelsim-${array}_1.log`), 'utf8');
    // The requeued run read the records of the cancelled one and ran only the rest.
    const resumed = /^Resuming: (\d+) of 12 replications already recorded\.$/m.exec(log);
    expect(resumed, log).not.toBeNull();
    expect(Number(resumed![1])).toBeGreaterThanOrEqual(kept);
    expect(Number(resumed![1])).toBeLessThan(12);
    expect(log).toMatch(/^Task 1 of array \d+ on .*, run 1: shard 1\/2 /m);
    expect(log).toMatch(/^Submitted merge job \d+ /m);
    const merged = fs.readFileSync(path.join(cwd, 'out', 'eight-week-video', 'summary.json'));
    expect(merged.equals(await reference)).toBe(true);
  }, 150_000);

  it('cancels the merge job when a task fails, instead of leaving it waiting, and merges nothing', () => {
    const { cwd, experiment } = submitFolder();
    // Replication 1 of plan vendor-b throws (a test hook, exported to the jobs by sbatch): it belongs to shard 1 of 2.
    const hooks = { LABELSIM_TEST_HOOKS: '1', LABELSIM_FAIL_ON: 'vendor-b:1' };
    const array = sbatch(cwd, ['--array=0-1', ...SMALL, SCRIPT, experiment('experiments/vendor-comparison.yaml'), '--replications', '4'], hooks);
    waitForEmptyQueue(cwd);

    expect(states(tasksOf(array)), logs(cwd)).toEqual(['0:COMPLETED:None:0:0', '1:FAILED:NonZeroExitCode:1:0']);
    expect(states(mergesOf(array))).toEqual([expect.stringMatching(/^\d+:CANCELLED:DependencyNeverSatisfied:/)]);
    expect(fs.readFileSync(path.join(cwd, `labelsim-${array}_1.log`), 'utf8')).toMatch(/replication\(s\) failed; e\.g\. plan "vendor-b" replication 1/);
    expect(fs.existsSync(path.join(cwd, 'out'))).toBe(false);
    expect(fs.existsSync(path.join(cwd, `labelsim-${array}_merge.log`))).toBe(false);
  }, 120_000);

  it('refuses an array not numbered from 0 (one shard submitted again), saying how to rerun a shard, and submits no merge job', () => {
    const { cwd, experiment } = submitFolder();
    const array = sbatch(cwd, ['--array=1', ...SMALL, SCRIPT, experiment('experiments/vendor-comparison.yaml')]);
    waitForEmptyQueue(cwd);
    expect(states(tasksOf(array))).toEqual(['1:FAILED:NonZeroExitCode:2:0']);
    expect(mergesOf(array)).toEqual([]);
    expect(fs.readFileSync(path.join(cwd, `labelsim-${array}_1.log`), 'utf8')).toMatch(
      /^slurm-array\.sh: the array must number its tasks from 0 to n-1, one per shard \(e\.g\. --array=0-7 for 8 shards\), got 1-1; to run one shard again, requeue its task: scontrol requeue <array>_<i>$/m,
    );
    expect(fs.existsSync(path.join(cwd, 'results'))).toBe(false);
  }, 60_000);

  it('stops every job and daemon it started: no Slurm or munge process is left', () => {
    expect(cluster!.stop()).toEqual([]);
  });
});
