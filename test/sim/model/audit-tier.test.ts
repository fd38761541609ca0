import { describe, expect, it } from 'vitest';
import { Activity } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import { total } from '../../../sim/model/cost-ledger.js';
import { annotate, pool, review, smallCase, work } from './model-fixtures.js';

const N = 1000;
const ERROR_RATE = 0.1;
const FEE = 0.5;
const PENALTY = 2;
const AUDIT_HOURS = 0.004;

/** A vendor paid per label with a penalty per error found, checked by a full audit that catches every error. */
function audited(action: 'audit' | 'rework'): ModelConfig {
  return smallCase({
    work: [work(N, ['annotate', 'audit'])],
    pools: [
      pool('vendor', 3, { errorRate: ERROR_RATE, pay: { kind: 'per-item', perItem: FEE, penaltyPerError: PENALTY } }),
      pool('qa', 1, { pay: { kind: 'hourly', perHour: 30 } }),
    ],
    stages: [annotate('vendor', 0.01), review('qa', AUDIT_HOURS, { name: 'audit', action })],
  });
}

describe('an audit tier', () => {
  const r = simulateReplication(audited('audit'), 1, 0);

  it('finds every error, 10% of 1,000 labels, and sends nothing back', () => {
    expect(r.errorsMade).toBe(N * ERROR_RATE);
    expect(r.errorsFound).toBe(N * ERROR_RATE);
    expect(r.reworks).toBe(0);
    expect(r.served[0]).toBe(N);
    expect(r.served[1]).toBe(N);
  });

  it('delivers the errors it found: accurate 900, residual error rate 10%', () => {
    expect(r.accepted).toBe(N);
    expect(r.accurate).toBe(N - N * ERROR_RATE);
    expect(r.residualErrorRate).toBeCloseTo(ERROR_RATE, 12);
  });

  it('charges the vendor’s penalties as a negative cost: 100 errors x -$2', () => {
    expect(r.costByActivity[Activity.penalties]).toBeCloseTo(-N * ERROR_RATE * PENALTY, 9); // -$200
    expect(r.costByActivity[Activity.annotation]).toBeCloseTo(N * FEE, 9); // 1,000 labels x $0.50
    expect(r.costByActivity[Activity.review]).toBeCloseTo(N * AUDIT_HOURS * 30, 9); // $120
    // Total: $500 - $200 + $120 = $420.
    expect(r.cost).toBeCloseTo(N * FEE - N * ERROR_RATE * PENALTY + N * AUDIT_HOURS * 30, 9);
    expect(r.cost).toBeCloseTo(total(r.costByActivity), 9);
  });
});

describe('the same tier as a rework tier', () => {
  it('sends the errors back, so the vendor is paid per rework label too and still penalised per error found', () => {
    const r = simulateReplication(audited('rework'), 1, 0);
    // Every wrong label comes back: 1,000 x 0.1 / 0.9 = 111.1 reworks, to within one.
    expect(Math.abs(r.reworks - (N * ERROR_RATE) / (1 - ERROR_RATE))).toBeLessThanOrEqual(1);
    expect(r.accurate).toBe(N);
    expect(r.costByActivity[Activity.rework]).toBeCloseTo(r.reworks * FEE, 9);
    expect(r.costByActivity[Activity.penalties]).toBeCloseTo(-r.errorsFound * PENALTY, 9);
    expect(r.errorsFound).toBe(r.reworks);
  });
});

describe('a wrong label met by two tiers', () => {
  /** The vendor of `audited`, checked by two full tiers that catch every error: `first`, then `second`. */
  function twoTiers(first: 'audit' | 'rework', second: 'audit' | 'rework'): ModelConfig {
    return smallCase({
      work: [work(N, ['annotate', 'audit', 'recheck'])],
      pools: [
        pool('vendor', 3, { errorRate: ERROR_RATE, pay: { kind: 'per-item', perItem: FEE, penaltyPerError: PENALTY } }),
        pool('qa', 1, { pay: { kind: 'hourly', perHour: 30 } }),
      ],
      stages: [
        annotate('vendor', 0.01),
        review('qa', AUDIT_HOURS, { name: 'audit', action: first }),
        review('qa', AUDIT_HOURS, { name: 'recheck', action: second }),
      ],
    });
  }

  it('is found once, not once per audit: two audits find 100 errors of 100 (100%) and charge 100 penalties', () => {
    const r = simulateReplication(twoTiers('audit', 'audit'), 1, 0);
    expect(r.errorsMade).toBe(N * ERROR_RATE);
    expect(r.errorsFound).toBe(N * ERROR_RATE);
    expect(r.costByActivity[Activity.penalties]).toBeCloseTo(-N * ERROR_RATE * PENALTY, 9);
  });

  it('is found again only after it is redone: an audit then a rework tier find each wrong label made exactly once', () => {
    const r = simulateReplication(twoTiers('audit', 'rework'), 1, 0);
    // The audit finds the 100 first-pass errors; the rework tier sends them back without finding
    // them again, and finds each rework label that comes back wrong once.
    expect(r.reworks).toBeGreaterThan(N * ERROR_RATE);
    expect(r.errorsFound).toBe(r.errorsMade);
    expect(r.errorsFound).toBe(r.reworks);
    expect(r.costByActivity[Activity.penalties]).toBeCloseTo(-r.errorsMade * PENALTY, 9);
  });
});
