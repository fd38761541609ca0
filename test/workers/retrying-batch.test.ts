import { describe, expect, it } from 'vitest';
import type { BatchResult, BatchTask } from '../../workers/replication-batch.js';
import type { ReplicationRunner } from '../../workers/replication-pool.js';
import { describeWorkerFault, runBatchWithRetry } from '../../workers/retrying-batch.js';

/**
 * A runner without threads: replication k yields a row [k]; `dies(replications, attempt)` says
 * whether the worker dies running that batch (the call rejects, as Piscina's does).
 */
function fakeRunner(dies: (replications: number[], attempt: number) => Error | null) {
  const calls: Array<{ replications: number[]; attempt: number }> = [];
  const runner: ReplicationRunner = {
    workers: 1,
    async run(task: BatchTask): Promise<BatchResult> {
      calls.push({ replications: task.replications, attempt: task.attempt ?? 0 });
      const error = dies(task.replications, task.attempt ?? 0);
      if (error !== null) throw error;
      return { rows: Float64Array.from(task.replications), done: [...task.replications], failed: [] };
    },
    close: async () => {},
  };
  return { runner, calls };
}

const task = (replications: number[]): BatchTask => ({ model: {} as BatchTask['model'], seed: 1, replications });
const exited = () => new Error('worker exited with code: 1');

describe('a batch whose worker dies', () => {
  it('is run again once, and a transient fault costs nothing', async () => {
    const { runner, calls } = fakeRunner((_reps, attempt) => (attempt === 0 ? exited() : null));
    const r = await runBatchWithRetry(runner, task([0, 1, 2]));
    expect(r.done).toEqual([0, 1, 2]);
    expect(Array.from(r.rows)).toEqual([0, 1, 2]);
    expect(r.failed).toEqual([]);
    expect(calls.map((c) => c.attempt)).toEqual([0, 1]);
  });

  it('fails again, then runs its replications alone, so only the one at fault is recorded as failed', async () => {
    const { runner, calls } = fakeRunner((reps) => (reps.includes(1) ? exited() : null));
    const r = await runBatchWithRetry(runner, task([0, 1, 2]));
    expect(r.done).toEqual([0, 2]);
    expect(Array.from(r.rows)).toEqual([0, 2]);
    expect(r.failed).toEqual([{ replication: 1, message: 'worker exited with code 1 while running this replication (retried once)', stack: expect.any(String) }]);
    // Twice as a batch, then each alone (the faulty one twice).
    expect(calls.map((c) => c.replications)).toEqual([[0, 1, 2], [0, 1, 2], [0], [1], [1], [2]]);
  });

  it('records a batch of one as failed after one retry', async () => {
    const { runner, calls } = fakeRunner(() => Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }));
    const r = await runBatchWithRetry(runner, task([7]), { maxMemoryMb: 256 });
    expect(r.done).toEqual([]);
    expect(r.failed[0].message).toBe('worker ran out of memory (heap limit of 256 MiB per worker thread; raise it with --max-memory) while running this replication (retried once)');
    expect(calls).toHaveLength(2);
  });
});

describe('describeWorkerFault', () => {
  it('says what happened to the worker in words', () => {
    expect(describeWorkerFault(new Error('worker exited with code: 137'))).toBe('worker exited with code 137');
    expect(describeWorkerFault(Object.assign(new Error('x'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }))).toBe(
      'worker ran out of memory (heap limit per worker thread; raise it with --max-memory)',
    );
    expect(describeWorkerFault(new Error('boom\n  at somewhere'))).toBe('boom');
    expect(describeWorkerFault('a string')).toBe('a string');
  });
});
