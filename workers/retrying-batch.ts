import type { BatchResult, BatchTask } from './replication-batch.js';
import type { ReplicationRunner } from './replication-pool.js';

export interface RetryOptions {
  /** The workers' heap limit in MiB, to name it when one runs out of memory. */
  maxMemoryMb?: number;
}

/**
 * Runs a batch so that a worker fault costs only the replications it strikes. A replication that
 * throws is recorded by the worker itself (runBatch); this handles the batch failing as a whole:
 * the worker calls process.exit, runs out of memory, or throws outside a replication. Piscina
 * replaces the dead worker; the batch runs again once; if it fails again, each of its
 * replications runs alone (again with one retry), so the replications recorded as failed are the
 * ones at fault, the same whatever the batch size or number of threads. Never rejects.
 */
export async function runBatchWithRetry(runner: ReplicationRunner, task: BatchTask, options: RetryOptions = {}): Promise<BatchResult> {
  let attempt = 0;
  const once = async (t: BatchTask): Promise<BatchResult | BatchFault> => {
    try {
      return await runner.run({ ...t, attempt: attempt++ });
    } catch (err) {
      return new BatchFault(err);
    }
  };
  const twice = async (t: BatchTask): Promise<BatchResult | BatchFault> => {
    const first = await once(t);
    return first instanceof BatchFault ? once(t) : first;
  };

  const whole = await twice(task);
  if (!(whole instanceof BatchFault)) return whole;
  if (task.replications.length === 1) return failedBatch(task.replications, whole.error, options);
  const parts: BatchResult[] = [];
  for (const k of task.replications) {
    // One at a time: the pool's queue is bounded, and the fault may be the memory one replication takes.
    const alone = await twice({ ...task, replications: [k] });
    parts.push(alone instanceof BatchFault ? failedBatch([k], alone.error, options) : alone);
  }
  return concat(parts);
}

class BatchFault {
  constructor(readonly error: unknown) {}
}

/** What went wrong with a worker, in words: "worker exited with code 1", "worker ran out of memory (...)". */
export function describeWorkerFault(err: unknown, options: RetryOptions = {}): string {
  const e = err as { code?: string; message?: string } | null;
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const limit = options.maxMemoryMb === undefined ? '' : ` of ${options.maxMemoryMb} MiB`;
    return `worker ran out of memory (heap limit${limit} per worker thread; raise it with --max-memory)`;
  }
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const exit = /^worker exited with code: ?(-?\d+)/.exec(message);
  if (exit !== null) return `worker exited with code ${exit[1]}`;
  return message.split('\n')[0];
}

function failedBatch(replications: number[], err: unknown, options: RetryOptions): BatchResult {
  const message = `${describeWorkerFault(err, options)} while running this replication (retried once)`;
  const stack = err instanceof Error && err.stack !== undefined ? err.stack : message;
  return { rows: new Float64Array(0), done: [], failed: replications.map((replication) => ({ replication, message, stack })) };
}

function concat(parts: BatchResult[]): BatchResult {
  const rows = new Float64Array(parts.reduce((n, p) => n + p.rows.length, 0));
  let at = 0;
  for (const p of parts) {
    rows.set(p.rows, at);
    at += p.rows.length;
  }
  return { rows, done: parts.flatMap((p) => p.done), failed: parts.flatMap((p) => p.failed) };
}
