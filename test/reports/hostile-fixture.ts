import type { ReportData, ReportPlan } from '../../reports/report-data.js';
import { plan, reportData, SENSITIVITY } from './report-fixture.js';

/** Free text an experiment file could carry that Plotly would read as markup: a live link, bold, a line break, a hover template field. */
export const LINK = '<a href="https://example.com">x</a>';
export const BOLD = '<b>bold</b>';

export const HOSTILE = {
  experiment: `${LINK} project`,
  plans: [`${LINK} base`, `${BOLD} fast & %{y} co`, `stuck<br>${LINK}`],
  pools: [`${LINK} pool`, `${BOLD} manila`],
  stage: `${LINK} stage`,
  activity: `${LINK} cost`,
  work: `${LINK} frames`,
  sensitivityLabel: `${LINK} annotators`,
  sweepParameter: `${BOLD} sample`,
  sweepValues: [`${LINK} low`, `${BOLD} high`],
} as const;

/**
 * The report fixture with every name an experiment file sets (plans, pools, stages, cost lines,
 * work types, sensitivity labels, swept parameters and values, the experiment's name) replaced by
 * markup, so every chart has some to show: two swept plans keep the comparison labelled (five plans).
 */
export function hostileReportData(): ReportData {
  const base = reportData();
  const [p0, p1, p2] = HOSTILE.plans;
  const [poolA, poolB] = HOSTILE.pools;
  const rename = (name: string, i: number): ReportPlan => ({
    ...base.plans[i],
    name,
    description: `${BOLD} ${name}`,
    pools: base.plans[i].pools.map((p, k) => ({ ...p, name: k === 0 ? poolA : poolB })),
    stages: [{ name: HOSTILE.stage, waitMean: 623, waitP95: 1261 }],
    cost: { ...base.plans[i].cost, byActivity: { annotation: 120_000, [HOSTILE.activity]: 20_000 } },
    work: base.plans[i].work.map((w) => ({ ...w, name: HOSTILE.work })),
    quality: {
      residualError: { mean: 0.02, low: 0.018, high: 0.022 },
      errorsMadePer1000: 50,
      reviewTiers: [{ stage: HOSTILE.stage, foundPer1000: 30 }],
      costPerAccurate: [{ activity: HOSTILE.activity, stated: true, amount: 0.04 }],
      qualityCostPerAccurate: 0.04,
      vsBaseline: null,
      classes: [{ name: `${HOSTILE.work}/${BOLD}`, accepted: 100, residualError: { mean: 0.02, low: 0.01, high: 0.03 } }],
      agreement: {
        stages: [{ name: HOSTILE.stage, percent: null, cohensKappa: null, fleissKappa: { mean: 0.7, low: 0.6, high: 0.8 }, krippendorffAlpha: null }],
        pools: [{ name: poolA, percent: null, kappa: { mean: 0.7, low: 0.6, high: 0.8 } }],
      },
    },
  });
  const plans: ReportPlan[] = [rename(p0, 0), rename(p1, 1), rename(p2, 2)];
  HOSTILE.sweepValues.forEach((value, i) => {
    plans.push(
      plan(`${p0}/${value}`, {
        sweep: { plan: p0, values: [{ parameter: HOSTILE.sweepParameter, value }] },
        cost: { mean: 150_000 + i * 1000, atDeadline: null, byActivity: { annotation: 150_000 } },
        errorsCaughtShare: 0.1 + i * 0.1,
        onTime: { probability: 0.5 + i * 0.2, low: 0.3, high: 0.8 },
        unitCost: { mean: 1 + i * 0.05, p50: null, p95: null },
      }),
    );
  });
  return {
    ...base,
    header: { ...base.header, experiment: HOSTILE.experiment, description: `${LINK} description` },
    plans,
    sensitivity: { ...SENSITIVITY, plan: p0, parameters: SENSITIVITY.parameters.map((p, i) => (i === 0 ? { ...p, label: HOSTILE.sensitivityLabel } : p)) },
  };
}
