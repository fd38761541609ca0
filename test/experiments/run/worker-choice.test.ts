import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadExperiment } from '../../../experiments/load/index.js';
import { automaticWorkers, IN_THREAD_ITEMS, itemsPerReplication } from '../../../experiments/run/worker-choice.js';
import { defaultWorkerCount } from '../../../workers/replication-pool.js';
import { labelsim, tempDir } from '../../support/cli.js';

const SMALL = 'test/experiments/fixtures/small-project.yaml';

describe('the worker threads of a run given no --workers', () => {
  const small = loadExperiment(SMALL).plans.map((p) => p.model);

  it("counts the items a replication handles: a backlog's count, an open stream's arrivals by the horizon", () => {
    expect(itemsPerReplication(small[0])).toBe(1500);
    const mmc = loadExperiment('experiments/validation/mmc.yaml').plans[0].model;
    expect(itemsPerReplication(mmc)).toBeCloseTo(9 * 21000, 6);
  });

  it('runs a small run in this thread, where starting threads would cost more than they save, and a large one on every core', () => {
    // 1,500 items x 3 plans: this thread up to the replications that stay within the limit.
    const most = Math.floor(IN_THREAD_ITEMS / (3 * 1500));
    expect(automaticWorkers(small, most)).toBe(0);
    expect(automaticWorkers(small, most + 1)).toBe(defaultWorkerCount());
    const eightWeek = loadExperiment('experiments/eight-week-video.yaml').plans.map((p) => p.model);
    expect(automaticWorkers(eightWeek, 1)).toBe(defaultWorkerCount());
  });

  it('says how many threads it used, on the console and in run.json: none for the small run, what --workers asked otherwise', () => {
    const out = tempDir('worker-choice');
    const r = labelsim(['run', SMALL, '-r', '3', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Threads: this one: a run of at most 200,000 items in all finishes sooner than worker threads start \(--workers N to use them\)\.$/m);
    const run = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'small-project', 'run.json'), 'utf8')) as { workers: number };
    expect(run(out).workers).toBe(0);
    const two = tempDir('worker-choice-2');
    expect(labelsim(['run', SMALL, '-r', '3', '--workers', '2', '--quiet', '--out', two]).code).toBe(0);
    expect(run(two).workers).toBe(2);
    expect(fs.readFileSync(path.join(two, 'small-project', 'summary.json')).equals(fs.readFileSync(path.join(out, 'small-project', 'summary.json')))).toBe(true);
  });

  it('starts no more threads than the run has replications, and says when it has more threads than cores', () => {
    const out = tempDir('worker-choice-99');
    // 3 plans x 2 replications: 6 threads at most, whatever was asked.
    const r = labelsim(['run', SMALL, '-r', '2', '--workers', '99', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const cores = defaultWorkerCount();
    const over = 6 > cores ? ` More threads than this machine's ${cores} core${cores === 1 ? '' : 's'} add memory, not speed.` : '';
    expect(r.stderr).toContain(`Threads: 6 worker threads (of the 99 asked for: one per replication of the run at most).${over}\n`);
    expect((JSON.parse(fs.readFileSync(path.join(out, 'small-project', 'run.json'), 'utf8')) as { workers: number }).workers).toBe(6);
  });

  it('starts, of its own choice, no more threads than the run has replications: one for one replication of a large plan', () => {
    const out = tempDir('worker-choice-one');
    const r = labelsim(['run', 'experiments/eight-week-video.yaml', '-r', '1', '-p', 'base', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Threads: 1 worker thread\.$/m);
  });
});
