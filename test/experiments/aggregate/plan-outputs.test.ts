import { describe, expect, it } from 'vitest';
import { PlanOutputs } from '../../../experiments/aggregate/plan-outputs.js';
import { summarizePlan } from '../../../experiments/aggregate/plan-summary.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import { OUTPUTS } from '../../../sim/model/replication-outputs.js';
import { rowLayout } from '../../../workers/result-rows.js';

const model = loadExperiment('test/experiments/fixtures/small-project.yaml').plans[0].model;
const layout = rowLayout(model);
const results = [0, 1, 2].map((k) => simulateReplication(model, 11, k));
/** A model with classes and consensus: the only kind whose agreement dimension has elements. */
const classesModel = loadExperiment('test/experiments/fixtures/consensus-classes.yaml').plans[0].model;
const classesLayout = rowLayout(classesModel);
const classesResults = [0, 1, 2].map((k) => simulateReplication(classesModel, 11, k));

describe('a plan read output by output', () => {
  it('gives every aggregated output laid out nowhere under its own name, shaped by its declaration', () => {
    const rest = new PlanOutputs(results, layout, model.deadlineHours).rest();
    // A vector along nothing (no wait thresholds, no deliveries in this file) has no figure.
    const aggregated = OUTPUTS.filter((o) => o.aggregate.kind !== 'none' && o.aggregate.kind !== 'band' && (o.per === 'scalar' || layout.labels[o.per].length > 0));
    expect(Object.keys(rest)).toEqual(aggregated.map((o) => o.name));
    for (const o of aggregated) {
      const figure = rest[o.name] as Record<string, unknown>;
      // Histograms pool into one figure per stage (or one for the plan), not one per bin.
      if (o.aggregate.kind === 'pooled-quantiles') {
        const one = (o.aggregate.of === 'stage' ? Object.values(figure)[0] : figure) as Record<string, unknown>;
        if (o.aggregate.of === 'stage') expect(Object.keys(figure), o.name).toEqual(layout.stages);
        expect(Object.keys(one), o.name).toEqual([...Object.keys(o.aggregate.quantiles), 'count']);
        continue;
      }
      if (o.per !== 'scalar') expect(Object.keys(figure), o.name).toEqual(layout.labels[o.per]);
      const one = (o.per === 'scalar' ? figure : Object.values(figure)[0]) as Record<string, unknown> | number | null;
      if (o.aggregate.kind === 'mean') {
        const keys = ['mean', ...Object.keys(o.aggregate.quantiles ?? {}), ...(o.aggregate.interval === true ? ['ci'] : [])];
        expect(Object.keys(one as object), o.name).toEqual(keys);
      }
      if (o.aggregate.kind === 'time-to-finish') expect(Object.keys(one as object), o.name).toContain('notFinished');
    }
  });

  it('leaves nothing over once the summary has laid out its figures: summary.json keeps its layout', () => {
    const summary = summarizePlan(
      { name: 'base', description: '', layout, results, failed: 0, capacity: capacityCheck(model), deadlineHours: model.deadlineHours, types: model.work.map((w) => ({ name: w.name, count: w.count, equivalentUnits: w.equivalentUnits })), finishLine: true, trainsModel: false },
      results,
    );
    expect(Object.keys(summary)).toEqual([
      'name', 'description', 'replications', 'failed', 'completionHours', 'onTime', 'acceptedByDeadline', 'accepted', 'accurate', 'unitCost', 'cost',
      'residualErrorRate', 'errorsCaughtShare', 'reworks', 'work', 'stages', 'pools', 'capacity', 'vsBaseline', 'timeInSystemHours', 'deadlineHours',
      // Laid out nowhere, so under their own names after the rest (added for labelsim explain).
      'costByPoolActivity', 'hoursByPoolActivity', 'tasksByPoolActivity', 'accurateByType',
    ]);
  });

  it('lays out agreement as a section of its own, per consensus stage, only in a model with classes', () => {
    const summary = summarizePlan(
      { name: 'base', description: '', layout: classesLayout, results: classesResults, failed: 0, capacity: capacityCheck(classesModel), deadlineHours: classesModel.deadlineHours, types: classesModel.work.map((w) => ({ name: w.name, count: w.count, equivalentUnits: w.equivalentUnits })), finishLine: true, trainsModel: false },
      classesResults,
    ) as Record<string, unknown>;
    expect(Object.keys(summary)).toContain('agreement');
    const annotate = (summary.agreement as Record<string, Record<string, { mean: number }>>).annotate!;
    expect(Object.keys(annotate)).toEqual(['percentAgreement', 'cohensKappa', 'fleissKappa', 'krippendorffAlpha']);
    expect(annotate.fleissKappa!.mean).toBeGreaterThan(0.3);
    expect(annotate.fleissKappa!.mean).toBeLessThan(0.55);
    // Then each consensus pool's agreement, and each class's accepted items and residual error.
    expect(Object.keys(summary).filter((k) => ['agreement', 'poolAgreement', 'classes'].includes(k))).toEqual(['agreement', 'poolAgreement', 'classes']);
    const classes = summary.classes as Record<string, { accepted: number; residualErrorRate: { mean: number } }>;
    const accepted = Object.values(classes).reduce((s, c) => s + c.accepted, 0);
    expect(accepted).toBeCloseTo((summary.accepted as { mean: number }).mean, 6);
  });

  it('rounds money to the cent and everything else to 6 decimals, by unit', () => {
    const f = new PlanOutputs(results.map((r) => ({ ...r, cost: 1234.56789, unitCost: 1.23456789 })), layout, model.deadlineHours);
    expect(f.mean('cost').mean).toBe(1234.57);
    expect(f.mean('unitCost').mean).toBe(1.234568);
  });
});
