import fs from 'node:fs';
import path from 'node:path';
import type { Marginal, PortfolioAllocation, ReportData, Sensitivity } from '../../reports/report-data.js';
import type { RunFacts } from '../aggregate/report-data.js';
import { RUN_FILES } from '../run/run-files.js';
import { REPORT_FILES, ReportError } from './report-files.js';

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ReportError(`${file}: expected valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * When and how a run ran, from its run.json (written before the report, so the wall time is
 * known): version, finish time, wall seconds. Time-dependent facts live there and in the report,
 * never in summary.json. Missing figures fall back to `fallback`.
 */
export function factsFromRunFile(dir: string, fallback: Partial<RunFacts> = {}): RunFacts {
  const file = path.join(dir, RUN_FILES.run);
  const run = fs.existsSync(file) ? (readJson(file) as { labelsim?: unknown; finishedAt?: unknown; wallSeconds?: unknown }) : {};
  return {
    labelsimVersion: typeof run.labelsim === 'string' ? run.labelsim : (fallback.labelsimVersion ?? 'unknown'),
    runDate: typeof run.finishedAt === 'string' ? run.finishedAt : (fallback.runDate ?? ''),
    wallSeconds: typeof run.wallSeconds === 'number' ? run.wallSeconds : (fallback.wallSeconds ?? 0),
  };
}

/** The saved report data of a run folder, or null when there is none. */
export function readReportData(dir: string): ReportData | null {
  const file = path.join(dir, REPORT_FILES.data);
  if (!fs.existsSync(file)) return null;
  const data = readJson(file) as ReportData;
  if (data === null || typeof data !== 'object' || !Array.isArray(data.plans) || typeof data.header !== 'object') {
    throw new ReportError(`${file}: expected the report data written by labelsim run (header, plans, sensitivity)`);
  }
  return data;
}

/** A sensitivity study saved in the folder (sensitivity.json), checked for the fields the report reads; null when absent. */
export function readSensitivity(dir: string): Sensitivity | null {
  const file = path.join(dir, REPORT_FILES.sensitivity);
  if (!fs.existsSync(file)) return null;
  const s = readJson(file) as Partial<Sensitivity> | null;
  const ok =
    s !== null &&
    typeof s === 'object' &&
    typeof s.plan === 'string' &&
    typeof s.change === 'number' &&
    typeof s.replications === 'number' &&
    typeof s.base === 'object' &&
    s.base !== null &&
    Array.isArray(s.parameters) &&
    s.parameters.every((p) => p !== null && typeof p === 'object' && typeof p.parameter === 'string' && typeof p.low === 'object' && typeof p.high === 'object');
  if (!ok) throw new ReportError(`${file}: expected a sensitivity study: { plan, change, replications, base: { p85, unitCost }, parameters: [{ parameter, label, low, high }] }`);
  return s as Sensitivity;
}

/** A marginal study saved in the folder (marginal.json), checked for the fields the report reads; null when absent. */
export function readMarginal(dir: string): Marginal | null {
  const file = path.join(dir, REPORT_FILES.marginal);
  if (!fs.existsSync(file)) return null;
  const m = readJson(file) as Partial<Marginal> | null;
  const ok =
    m !== null &&
    typeof m === 'object' &&
    typeof m.plan === 'string' &&
    typeof m.replications === 'number' &&
    typeof m.currency === 'string' &&
    typeof m.base === 'object' &&
    m.base !== null &&
    Array.isArray(m.levers) &&
    m.levers.every((l) => l !== null && typeof l === 'object' && typeof l.lever === 'string' && typeof l.label === 'string');
  if (!ok) throw new ReportError(`${file}: expected a marginal study: { plan, replications, currency, base, levers: [{ lever, label, onTime, p85Hours, cost, ... }] }`);
  return m as Marginal;
}

/** A portfolio allocation saved in the folder (portfolio.json), checked for the fields the report reads; null when absent. */
export function readPortfolio(dir: string): PortfolioAllocation | null {
  const file = path.join(dir, REPORT_FILES.portfolio);
  if (!fs.existsSync(file)) return null;
  const s = readJson(file) as Partial<PortfolioAllocation> | null;
  const product = (p: unknown) => p !== null && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string' && typeof (p as { cost?: unknown }).cost === 'number';
  const shift = s?.shift;
  const ok =
    s !== null &&
    typeof s === 'object' &&
    typeof s.plan === 'string' &&
    typeof s.replications === 'number' &&
    typeof s.currency === 'string' &&
    typeof s.totalCost === 'number' &&
    Array.isArray(s.products) &&
    s.products.every(product) &&
    (shift === null ||
      (typeof shift === 'object' &&
        typeof shift.from === 'string' &&
        typeof shift.to === 'string' &&
        Array.isArray(shift.products) &&
        shift.products.length === s.products.length &&
        shift.products.every(product) &&
        Array.isArray(shift.onTimeChange)));
  if (!ok) throw new ReportError(`${file}: expected a portfolio allocation: { plan, replications, currency, totalCost, products: [{ name, cost, ... }], shift: null or { from, to, products, onTimeChange } }`);
  return s as PortfolioAllocation;
}
