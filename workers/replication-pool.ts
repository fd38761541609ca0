import os from 'node:os';
import { Piscina } from 'piscina';
import { runBatch, type BatchResult, type BatchTask } from './replication-batch.js';

/** Runs batches of replications: on Piscina worker threads, or in this thread when `workers` is 0. */
export interface ReplicationRunner {
  readonly workers: number;
  run(task: BatchTask): Promise<BatchResult>;
  close(): Promise<void>;
}

export interface RunnerOptions {
  /**
   * Heap limit of each worker thread (V8 old generation), in MiB: a runaway replication ends its
   * worker with ERR_WORKER_OUT_OF_MEMORY, which Piscina replaces, instead of the whole process.
   */
  maxMemoryMb?: number;
}

const YOUNG_GENERATION_MB = Number(process.env.LABELSIM_YOUNG_GENERATION_MB ?? 8);

export function defaultWorkerCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export function createReplicationRunner(workers: number, options: RunnerOptions = {}): ReplicationRunner {
  if (workers === 0) {
    return {
      workers: 0,
      // Each batch waits a turn of the event loop, so a Ctrl-C and the progress bar get through between batches.
      run: (task) =>
        new Promise((resolve, reject) =>
          setImmediate(() => {
            try {
              resolve(runBatch(task));
            } catch (err) {
              reject(err);
            }
          }),
        ),
      close: async () => {},
    };
  }
  const pool = new Piscina({
    filename: new URL('./replication-worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // A batch queued behind busy threads waits here, not in memory of the caller.
    maxQueue: 'auto',
    idleTimeout: 60_000,
    resourceLimits: {
      // V8 grows a busy thread's young generation towards 32 MiB or more; a replication's garbage
      // is short-lived and small, so 8 MiB keeps peak memory flat in the number of replications.
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      ...(options.maxMemoryMb === undefined ? {} : { maxOldGenerationSizeMb: options.maxMemoryMb }),
    },
  });
  // A worker that dies between tasks is replaced by Piscina; the error has no task to go to, and an
  // 'error' event nobody listens to would end the process.
  pool.on('error', () => {});
  return {
    workers,
    run: (task) => pool.run(task) as Promise<BatchResult>,
    close: () => pool.destroy(),
  };
}
