import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityNames } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import type { ReplicationResult } from '../../../sim/model/replication-result.js';
import { operation } from './operations.js';
import { RunRecord } from './run-record.js';

/*
 * The model checked against what it did, not against its own sums: a test recorder sees every
 * task, label, review and acceptance of a replication, and these checks recompute from that
 * record (and the config's prices) what the model reports. Each fails on the bug it names.
 */

function recorded(config: ModelConfig, replication = 0): { r: ReplicationResult; record: RunRecord } {
  const record = new RunRecord();
  const r = simulateReplication(config, 17, replication, { recorder: record });
  return { r, record };
}

const itemsOf = (config: ModelConfig) => config.work.reduce((n, w) => n + (w.count ?? 0), 0);

function expectEachItemAcceptedOnce(config: ModelConfig, r: ReplicationResult, record: RunRecord): void {
  for (const [serial, times] of record.acceptances) expect(times, `item ${serial} accepted ${times} times`).toBe(1);
  expect(record.acceptances.size).toBe(r.accepted);
  if (r.completed) expect(record.acceptances.size).toBe(itemsOf(config));
  expect(record.accurate).toBe(r.accurate);
}

function expectTaskHoursAreBusyHours(r: ReplicationResult, record: RunRecord): void {
  for (const [person, busy] of record.busyByPerson) {
    const tasks = record.hoursByPerson.get(person) ?? 0;
    // A finished project has no task in hand; one cut by the horizon may have some half done.
    if (r.completed) expect(Math.abs(busy - tasks), `person ${person}: busy ${busy} h, tasks ${tasks} h`).toBeLessThanOrEqual(1e-6 * Math.max(1, tasks));
    else expect(busy).toBeLessThanOrEqual(tasks + 1e-6 * Math.max(1, tasks));
  }
}

function expectCostsToTheCent(config: ModelConfig, r: ReplicationResult, record: RunRecord): void {
  const end = r.completed ? r.completionHours : config.horizonHours;
  const expected = record.costs(config, end);
  activityNames(config).forEach((name, a) => {
    // The ledger keeps each activity to the cent; the recomputation is exact, so they differ by at most half a cent.
    expect(Math.abs(r.costByActivity[a] - expected.get(name)!), `${name}: ledger ${r.costByActivity[a]}, recomputed ${expected.get(name)}`).toBeLessThanOrEqual(0.005 + 1e-9 * Math.abs(expected.get(name)!));
  });
}

function expectErrorsFoundWereMade(r: ReplicationResult, record: RunRecord): void {
  for (const [serial, found] of record.errorsFound) expect(found, `item ${serial}`).toBeLessThanOrEqual(record.wrongLabels.get(serial) ?? 0);
  let found = 0;
  let made = 0;
  for (const n of record.errorsFound.values()) found += n;
  for (const n of record.wrongLabels.values()) made += n;
  expect(r.errorsFound).toBe(found);
  expect(r.errorsMade).toBe(made);
}

/** Runs `check` on 120 random small operations, each with its record. */
function forEachOperation(check: (config: ModelConfig, r: ReplicationResult, record: RunRecord) => void): void {
  fc.assert(
    fc.property(operation, (config) => {
      const { r, record } = recorded(config);
      check(config, r, record);
    }),
    { numRuns: 120 },
  );
}

describe('for any small operation, checked against what it did', () => {
  it('accepts every item exactly once, and all of them when it finishes', () => forEachOperation(expectEachItemAcceptedOnce));

  it('keeps each person busy for exactly the hours of the tasks they did', () => forEachOperation((_config, r, record) => expectTaskHoursAreBusyHours(r, record)));

  it('bills, activity by activity and to the cent, what the recorded tasks cost at the config prices', () => forEachOperation(expectCostsToTheCent));

  it('never finds more errors in an item than were made in it', () => forEachOperation((_config, r, record) => expectErrorsFoundWereMade(r, record)));

  it('reaches consensus, adjudication, escalation, rework, gold, audits behind another tier, pre-label retrains and every pay model', () => {
    // The checks above are only as good as the operations they see: this one counts what they saw.
    const seen = new Map<string, number>();
    const saw = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
    forEachOperation((config, _r, record) => {
      for (const activity of ['adjudication', 'escalation', 'rework'] as const) if (record.tasksByActivity.has(activity)) saw(activity);
      if (record.goldHours > 0) saw('gold');
      const labels = config.stages[0].kind === 'annotate' ? config.stages[0].labels : 1;
      if (labels > 1 && record.labels > 0) saw('consensus');
      const tiers = config.work[0].workflow.length - 1;
      const auditIndex = config.stages.findIndex((s) => s.kind === 'review' && s.action === 'audit');
      if (tiers === 2 && auditIndex >= 0 && (record.reviewsByStage.get(auditIndex) ?? 0) > 0 && (record.rejectionsByStage.get(auditIndex) ?? 0) > 0) saw('audit with rejections, two tiers');
      if (record.retrains > 0) saw('retrain');
      for (const p of config.pools) saw(`pay ${p.pay.kind}`);
    });
    for (const what of ['adjudication', 'escalation', 'rework', 'gold', 'consensus', 'audit with rejections, two tiers', 'retrain', 'pay salaried', 'pay hourly', 'pay per-item', 'pay per-accepted']) {
      // At least 5 of the 120 operations each: enough that a bug on that path shows in the checks above.
      expect(seen.get(what) ?? 0, what).toBeGreaterThanOrEqual(5);
    }
  });
});
