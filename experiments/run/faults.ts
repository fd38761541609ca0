import { UsageError } from '../usage-error.js';

/**
 * Fault injection for the robustness tests, from the environment variable LABELSIM_FAULT: a
 * comma-separated list of
 *
 *   exit:PLAN:REP          the worker running replication REP of PLAN calls process.exit(1)
 *   oom:PLAN:REP           ... allocates until its heap limit (--max-memory) stops it
 *   throw-batch:PLAN:REP   ... throws out of the whole batch (outside the per-replication try)
 *   <kind>-once:PLAN:REP   the same, on the batch's first attempt only (a transient fault)
 *   enospc-after:N         appending records fails with ENOSPC after N appends (half the batch
 *                          written first, as a full disk does); also eacces-, erofs-, eio-after:N
 *   enospc-summary         writing the summary fails with ENOSPC (also eacces-, erofs-, eio-)
 *
 * Nothing here runs unless LABELSIM_TEST_HOOKS=1 turns the hooks on (test-hooks.ts), and a run
 * with them on says so; LABELSIM_FAIL_ON (a replication that throws inside runReplication) is
 * the older hook behind the same switch.
 */
export type WorkerFaultKind = 'exit' | 'oom' | 'throw-batch';

export interface WorkerFault {
  kind: WorkerFaultKind;
  plan: string;
  replication: number;
  /** Only on the first attempt of the batch: the retry succeeds. */
  once: boolean;
}

export interface FaultPlan {
  worker: WorkerFault[];
  /** Appends to the record log that succeed before the next one fails with `code`. */
  records: { code: DiskFaultCode; after: number } | null;
  /** Writing summary.json fails with this code. */
  summary: DiskFaultCode | null;
}

export type DiskFaultCode = 'ENOSPC' | 'EACCES' | 'EROFS' | 'EIO';

export const NO_FAULTS: FaultPlan = { worker: [], records: null, summary: null };

const DISK = '(enospc|eacces|erofs|eio)';

export function parseFaults(text: string | undefined): FaultPlan {
  const plan: FaultPlan = { worker: [], records: null, summary: null };
  for (const entry of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    let m = /^(exit|oom|throw-batch)(-once)?:(.+):(\d+)$/.exec(entry);
    if (m !== null) {
      plan.worker.push({ kind: m[1] as WorkerFaultKind, once: m[2] !== undefined, plan: m[3], replication: Number(m[4]) });
      continue;
    }
    m = new RegExp(`^${DISK}-after:(\\d+)$`).exec(entry);
    if (m !== null) {
      plan.records = { code: m[1].toUpperCase() as DiskFaultCode, after: Number(m[2]) };
      continue;
    }
    m = new RegExp(`^${DISK}-summary$`).exec(entry);
    if (m !== null) {
      plan.summary = m[1].toUpperCase() as DiskFaultCode;
      continue;
    }
    throw new UsageError(
      `LABELSIM_FAULT: expected exit:PLAN:REP, oom:PLAN:REP, throw-batch:PLAN:REP (each optionally -once), enospc-after:N or enospc-summary, got "${entry}"`,
    );
  }
  return plan;
}

/** The worker faults of one plan, as a batch task carries them. */
export function workerFaultsOf(plan: string, faults: FaultPlan): Array<Omit<WorkerFault, 'plan'>> {
  return faults.worker.filter((f) => f.plan === plan).map(({ kind, replication, once }) => ({ kind, replication, once }));
}

/** An error shaped like the one Node's fs throws, for injected disk faults. */
export function diskFault(code: DiskFaultCode, syscall: string, file: string): NodeJS.ErrnoException {
  const text: Record<DiskFaultCode, string> = {
    ENOSPC: 'no space left on device',
    EACCES: 'permission denied',
    EROFS: 'read-only file system',
    EIO: 'i/o error',
  };
  const err = new Error(`${code}: ${text[code]}, ${syscall} '${file}' (injected by LABELSIM_FAULT)`) as NodeJS.ErrnoException;
  err.code = code;
  err.syscall = syscall;
  err.path = file;
  return err;
}
