import { isMainThread } from 'node:worker_threads';
import { simulateReplication } from '../sim/model/annotation-model.js';
import type { ModelConfig } from '../sim/model/config.js';
import type { ReplicationResult } from '../sim/model/replication-result.js';
import { encodeRow, rowLayout } from './result-rows.js';

/** A batch of replications of one plan: plain data, the same whichever thread runs it. */
export interface BatchTask {
  model: ModelConfig;
  seed: number;
  replications: number[];
  /** Fault injection for tests of failure handling: these replications throw. */
  failOn?: number[];
  /** Fault injection for tests of worker faults (LABELSIM_FAULT): the worker dies or the batch throws at these replications. */
  faults?: BatchFault[];
  /** 0 for a batch's first run, counting up on retries (a fault marked `once` strikes only at 0). */
  attempt?: number;
}

export interface BatchFault {
  kind: 'exit' | 'oom' | 'throw-batch';
  replication: number;
  once: boolean;
}

export interface BatchFailure {
  replication: number;
  message: string;
  stack: string;
}

export interface BatchResult {
  /** One row per successful replication, in the order of `done`. */
  rows: Float64Array;
  done: number[];
  failed: BatchFailure[];
}

/** One replication of a batch's plan, exactly as a worker runs it; throws what the model throws. */
export function runReplication(task: BatchTask, replication: number): ReplicationResult {
  if (task.failOn?.includes(replication)) throw new Error(`forced failure of replication ${replication} (LABELSIM_FAIL_ON)`);
  return simulateReplication(task.model, task.seed, replication);
}

/**
 * Runs a batch and packs the results into one Float64Array. A replication that throws is
 * reported with its message and stack and the batch goes on: one bad random world must not cost
 * the others.
 */
export function runBatch(task: BatchTask): BatchResult {
  const layout = rowLayout(task.model);
  const rows = new Float64Array(layout.width * task.replications.length);
  const done: number[] = [];
  const failed: BatchFailure[] = [];
  for (const k of task.replications) {
    if (task.faults !== undefined) injectFault(task, k);
    try {
      const result = runReplication(task, k);
      encodeRow(result, layout, rows, done.length * layout.width);
      done.push(k);
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      failed.push({ replication: k, message: e.message, stack: e.stack ?? e.message });
    }
  }
  return { rows: rows.slice(0, done.length * layout.width), done, failed };
}

/**
 * The test hook of LABELSIM_FAULT: outside the per-replication try, so the whole batch fails as
 * it would if the worker died. In this thread (--workers 0) exit and oom would take the command
 * with them, so they throw instead.
 */
function injectFault(task: BatchTask, replication: number): void {
  for (const f of task.faults!) {
    if (f.replication !== replication || (f.once && (task.attempt ?? 0) > 0)) continue;
    if (f.kind === 'throw-batch' || isMainThread) {
      throw new Error(`forced ${f.kind} fault at replication ${replication} (LABELSIM_FAULT)`);
    }
    if (f.kind === 'exit') process.exit(1);
    // Allocate until the worker's heap limit (resourceLimits) terminates it.
    const hog: number[][] = [];
    for (;;) hog.push(new Array<number>(1 << 20).fill(hog.length + 0.5));
  }
}
