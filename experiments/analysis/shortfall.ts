import { capacityCheck } from '../../sim/model/capacity.js';
import type { ModelConfig } from '../../sim/model/config.js';
import { overloadedPools, overloadWords } from '../../sim/model/feasibility.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';

/**
 * Why a candidate of a search (a headcount, a plan) cannot be its answer whatever its figures
 * say, or null. A residual error or a budget is met vacuously by runs that accept nothing, and by
 * a pool whose queue grows until the horizon: it labels a fraction of what arrives and is paid for
 * that fraction (one server at 9 arrivals an hour "met" a 2% residual error at no cost). So an
 * answer accepts items in every replication and, with open-ended work, offers no pool 100% or
 * more of its capacity (no steady state): the rule `labelsim check` warns by (sim/model/feasibility.ts). Both
 * depend on headcount as the targets do (more people, less load), so the search stays monotone.
 */
export function shortfall(model: ModelConfig, results: readonly ReplicationResult[]): string | null {
  const reasons: string[] = [];
  const n = results.length;
  const empty = results.filter((r) => r.accepted === 0).length;
  if (empty > 0) reasons.push(`no item accepted in ${empty < n ? `${empty} of ${n} replications` : n === 1 ? 'its replication' : `any of its ${n} replications`}`);
  reasons.push(...overloadedPools(model, capacityCheck(model)).map(overloadWords));
  return reasons.length === 0 ? null : reasons.join('; ');
}
