/**
 * Which servers may serve a job, for pools whose jobs are not all alike to every server (the
 * copies of one consensus item must go to different people, say). The pool asks whenever it
 * chooses a server for a job; a job whose only free servers are excluded stays in the queue, in
 * its place, and later jobs may pass it. Exclusions may only grow while a job waits (the pool
 * does not look again at a queued job until a server comes free).
 *
 * Jobs of a backlog block are new, made by `PoolClient.createJob` for the server that takes them:
 * they exclude no server.
 */
export interface Eligibility {
  /** True when `server` must not serve `job`. */
  excludes(job: number, server: number): boolean;
}
