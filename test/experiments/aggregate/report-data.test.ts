import { describe, expect, it } from 'vitest';
import { buildReportData } from '../../../experiments/aggregate/report-data.js';
import { buildSummary, type Summary } from '../../../experiments/aggregate/summary.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import type { RecordSet } from '../../../experiments/run/record-set.js';
import type { RunManifest } from '../../../experiments/run/run-files.js';
import { renderReport } from '../../../reports/render-report.js';
import { LABOUR_ACTIVITIES } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { rowLayout } from '../../../workers/result-rows.js';
import { visibleText } from '../../reports/html.js';
import { verdictLines } from '../../../experiments/cli/format.js';
import { completionDaysByPlan } from '../../../experiments/aggregate/completion-days.js';

const experiment = loadExperiment('test/experiments/fixtures/small-project.yaml');
const manifest: RunManifest = {
  experiment: experiment.name,
  description: experiment.description,
  configHash: experiment.configHash,
  seed: experiment.seed,
  replications: 3,
  shard: null,
  plans: experiment.plans,
};

/** Three replications of each plan, their residual error set so its mean is 0.0155504: 0.015550 to 6 decimals, as the summary keeps it. */
function records(): RecordSet {
  const rates = [0.0155, 0.0155504, 0.0156008];
  return {
    plans: experiment.plans.map((p) => ({
      name: p.name,
      layout: rowLayout(p.model),
      results: rates.map((rate, k) => ({ ...simulateReplication(p.model, experiment.seed, k), residualErrorRate: rate })),
      rows: [],
      failures: [],
    })),
    records: [],
    skipped: [],
    duplicates: 0,
  };
}

describe('the report data of a run', () => {
  const set = records();
  // As the run writes it: the summary read back from summary.json.
  const summary = JSON.parse(JSON.stringify(buildSummary(manifest, set))) as Summary;
  const data = buildReportData(manifest, summary, set, { labelsimVersion: '0.0.0', runDate: '2027-04-05T00:00:00.000Z', wallSeconds: 1 }, null);

  it('shows one residual error in the Cost and the Quality tables and the verdict line, whether rounded once or from the summary', () => {
    // The summary keeps 0.015550 (6 decimals) of the records' mean 0.0155504; the Quality section reads the records.
    expect(summary.plans[0]!.residualErrorRate).toBe(0.01555);
    expect(data.plans[0]!.quality!.residualError!.mean).toBeCloseTo(0.0155504, 12);
    const html = renderReport(data);
    const section = (id: string) => visibleText(/<section id="([^"]+)"[\s\S]*?<\/section>/g.exec(html.slice(html.indexOf(`<section id="${id}"`)))![0]);
    expect(section('cost')).toMatch(/ base .* 1\.56% /);
    expect(section('quality')).toMatch(/ base 1\.56% /);
    // toFixed read the summary's 0.01555 (a double just below 1.555%) as "1.55%".
    expect(visibleText(html)).not.toContain('1.55%');
    expect(verdictLines(summary, completionDaysByPlan(manifest.plans, set)).find((l) => l.startsWith('base:'))).toContain('residual error 1.56%');
  });

  it('lists the quality lines in the order the cost-by-activity chart stacks them, so the two charts read alike', () => {
    const labour = data.plans[0]!.quality!.costPerAccurate.map((l) => l.activity).filter((a) => (LABOUR_ACTIVITIES as readonly string[]).includes(a));
    expect(labour).toEqual(['rework', 'review', 'adjudication', 'escalation', 'gold', 'penalties']);
  });
});
