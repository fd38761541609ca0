import { activityNames, LABOUR_ACTIVITIES, OVERHEAD_ACTIVITIES, TRAINING_ACTIVITIES } from '../../sim/model/activities.js';
import type { ModelConfig } from '../../sim/model/config.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { Interval, QualityReport } from '../../reports/report-data.js';
import type { RowLayout } from '../../workers/result-rows.js';
import { meanInterval } from './statistics.js';

/** Labour activities that are quality work: checking labels, fixing them, settling disagreements, gold items, and penalties charged for errors found. */
// In the order of LABOUR_ACTIVITIES, as the cost-by-activity chart stacks them, so the two stacked charts read alike.
const QUALITY_LABOUR = LABOUR_ACTIVITIES.filter((a) => ['rework', 'review', 'adjudication', 'escalation', 'gold', 'penalties'].includes(a));

/**
 * What a plan's quality costs and buys, replication by replication: the residual error with its
 * interval, the wrong labels made and those each review tier found per 1,000 accepted items, the
 * cost per accurate item of each quality activity (and of the costs the file states, which are
 * the guideline, gold-set and audit work teams forget), residual error by true class, agreement
 * per consensus stage and pool, and against the baseline plan (paired by replication, common
 * random numbers) how much residual error the plan removes and what it adds per accurate item.
 */
export function qualityReport(rs: ReplicationResult[], baseline: ReplicationResult[] | null, layout: RowLayout, model: ModelConfig): QualityReport {
  const names = activityNames(model);
  const stated = names.filter((a) => !(LABOUR_ACTIVITIES as readonly string[]).includes(a) && !(OVERHEAD_ACTIVITIES as readonly string[]).includes(a) && !(TRAINING_ACTIVITIES as readonly string[]).includes(a));
  const per1000 = (pick: (r: ReplicationResult) => number) => meanOf(rs.map((r) => (r.accepted > 0 ? (1000 * pick(r)) / r.accepted : NaN)));
  const perAccurate = (activity: number) => meanOf(rs.map((r) => (r.accurate > 0 ? r.costByActivity[activity]! / r.accurate : NaN)));
  const lines = [...QUALITY_LABOUR, ...stated].map((activity) => ({ activity, stated: stated.includes(activity), amount: perAccurate(names.indexOf(activity)) }));
  const reviewStages = model.stages.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === 'review');
  return {
    residualError: shareInterval(rs.map((r) => r.residualErrorRate)),
    errorsMadePer1000: per1000((r) => r.errorsMade),
    reviewTiers: reviewStages.map(({ s, i }) => ({ stage: s.name, foundPer1000: per1000((r) => r.errorsFoundByStage[i] ?? 0) })),
    costPerAccurate: lines,
    qualityCostPerAccurate: meanOf(rs.map((r) => (r.accurate > 0 ? lines.reduce((sum, l) => sum + r.costByActivity[names.indexOf(l.activity)]!, 0) / r.accurate : NaN))),
    vsBaseline:
      baseline === null
        ? null
        : {
            residualError: paired(rs, baseline, (r) => r.residualErrorRate),
            unitCost: paired(rs, baseline, (r) => r.unitCost),
          },
    ...(layout.labels.workClass.length === 0
      ? {}
      : {
          classes: layout.labels.workClass.map((name, c) => ({
            name,
            accepted: meanOf(rs.map((r) => r.acceptedByClass[c]!)),
            residualError: shareInterval(rs.map((r) => r.residualErrorByClass[c]!)),
          })),
        }),
    ...(layout.labels.consensusStage.length === 0
      ? {}
      : {
          agreement: {
            stages: layout.labels.consensusStage.map((name, i) => ({
              name,
              percent: shareInterval(rs.map((r) => r.percentAgreement[i]!)),
              cohensKappa: toInterval(rs.map((r) => r.cohensKappa[i]!)),
              fleissKappa: toInterval(rs.map((r) => r.fleissKappa[i]!)),
              krippendorffAlpha: toInterval(rs.map((r) => r.krippendorffAlpha[i]!)),
            })),
            pools: layout.labels.consensusPool.map((name, i) => ({
              name,
              percent: shareInterval(rs.map((r) => r.poolAgreement[i]!)),
              kappa: toInterval(rs.map((r) => r.poolKappa[i]!)),
            })),
          },
        }),
    ...(layout.labels.goldStage.length === 0 ? {} : { gold: layout.labels.goldStage.map((stage, i) => goldOf(rs, stage, i)) }),
  };
}

/** A gold-audited stage's figures: means per replication, and the rule's shares pooled over every replication's people. */
function goldOf(rs: ReplicationResult[], stage: string, i: number): NonNullable<QualityReport['gold']>[number] {
  const sum = (pick: (r: ReplicationResult) => number) => rs.reduce((s, r) => s + pick(r), 0);
  const share = (num: (r: ReplicationResult) => number, den: (r: ReplicationResult) => number) => (sum(den) === 0 ? null : sum(num) / sum(den));
  return {
    stage,
    goldItems: meanOf(rs.map((r) => r.goldItems[i]!)),
    costPerAccurate: meanOf(rs.map((r) => (r.accurate > 0 ? r.goldCost[i]! / r.accurate : NaN))),
    flags: meanOf(rs.map((r) => r.goldFlags[i]!)),
    removed: meanOf(rs.map((r) => r.goldRemoved[i]!)),
    retrainHours: meanOf(rs.map((r) => r.goldRetrainHours[i]!)),
    caughtShare: share((r) => r.goldBadFlagged[i]!, (r) => r.goldBadPeople[i]!),
    falseFlagShare: share((r) => r.goldFalseFlags[i]!, (r) => r.goldGoodPeople[i]!),
    timeToFlag: toInterval(rs.map((r) => r.goldTimeToFlag[i]!)),
  };
}

/** The mean of the paired differences plan - baseline, replication by replication (same index, same random numbers), with its t interval. */
function paired(rs: ReplicationResult[], baseline: ReplicationResult[], value: (r: ReplicationResult) => number): Interval | null {
  const byIndex = new Map(baseline.map((b) => [b.replication, b]));
  const diffs: number[] = [];
  for (const r of rs) {
    const b = byIndex.get(r.replication);
    if (b !== undefined) diffs.push(value(r) - value(b));
  }
  return toInterval(diffs);
}

function toInterval(values: number[]): Interval | null {
  const ci = meanInterval(values);
  return ci === null ? null : { mean: ci.mean, low: ci.low, high: ci.high };
}

/** A share's t interval kept within 0 and 1 (near 0 with few errors, the t interval would reach below it). */
function shareInterval(values: number[]): Interval | null {
  const ci = toInterval(values);
  return ci === null ? null : { mean: ci.mean, low: Math.max(0, ci.low!), high: Math.min(1, ci.high!) };
}

function meanOf(values: number[]): number | null {
  return meanInterval(values)?.mean ?? null;
}
