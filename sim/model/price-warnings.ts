import type { ModelConfig } from './config.js';

/**
 * What `check` and `run` say about a dated price change (costs.priceChanges) that a plan cannot
 * feel: the price is zero or never charged in it (retraining without pre-labels or a model that
 * trains, engineering or synthetic data without training). Not an error: the change may be meant
 * for another plan of the file.
 */
export function priceWarnings(config: ModelConfig): string[] {
  const changes = config.costs.priceChanges ?? [];
  if (changes.length === 0) return [];
  const t = config.training ?? null;
  const why: Record<string, string | null> = {
    platform: config.costs.platformPerSeatMonth > 0 ? null : 'costs.platformPerSeatMonth is 0',
    management: config.costs.managementPerWeek > 0 ? null : 'costs.managementPerWeek is 0',
    retraining: (config.preLabels !== null && config.preLabels.retrainCost > 0) || (t !== null && t.retrain.compute > 0) ? null : 'nothing is retrained at a price (no preLabels retrainCost or training retrain.compute)',
    engineering: t !== null && t.retrain.engineerHours > 0 && t.retrain.engineerPerHour > 0 ? null : 'no engineer hours are paid (training.retrain.engineerHours and engineerRate)',
    synthetic: t !== null && t.synthetic !== null && t.synthetic.costPerExample > 0 ? null : 'no synthetic examples are bought (training.synthetic.costPerExample)',
  };
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of changes) {
    const reason = why[c.activity];
    if (reason === null || reason === undefined || seen.has(c.activity)) continue;
    seen.add(c.activity);
    out.push(`costs.priceChanges changes the ${c.activity} price, but ${reason}: the change does nothing in this plan`);
  }
  return out;
}
