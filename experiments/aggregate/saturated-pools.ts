import { saturated } from '../../sim/model/capacity.js';
import type { PlanSummary } from './plan-summary.js';

/**
 * The pools of an open-ended plan with no steady state: offered at least their capacity
 * (sim/model/capacity.ts, saturated), their queues grow without bound and their waits depend on
 * the horizon. From the summary's capacity check, where a load of null is work with no hours
 * (an infinite load). The console's verdict and the report's both ask here, so they agree.
 */
export function saturatedPools(capacity: PlanSummary['capacity']): Array<{ pool: string; load: number | null }> {
  return Object.entries(capacity)
    .filter(([, c]) => c.load === null || saturated(c.load))
    .map(([pool, c]) => ({ pool, load: c.load }));
}
