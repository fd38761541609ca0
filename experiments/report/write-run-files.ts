import path from 'node:path';
import type { Marginal, PortfolioAllocation, ReportData, Sensitivity } from '../../reports/report-data.js';
import { renderReport } from '../../reports/render-report.js';
import { buildReportData, type RunFacts } from '../aggregate/report-data.js';
import type { Summary } from '../aggregate/summary.js';
import { writeFileAtomic } from '../run/atomic-file.js';
import type { RecordSet } from '../run/record-set.js';
import type { RunManifest } from '../run/run-files.js';
import { REPORT_FILES } from './report-files.js';
import { runTables, writeTables } from './tables-files.js';
import { workbookBuffer } from './workbook.js';

/** Writes report-data.json and report.html for a ReportData into `dir`, each atomically. */
export function writeReport(dir: string, data: ReportData): void {
  writeFileAtomic(path.join(dir, REPORT_FILES.data), JSON.stringify(data, null, 2) + '\n');
  writeFileAtomic(path.join(dir, REPORT_FILES.html), renderReport(data));
}

/**
 * The files a finished run adds beside its summary: report-data.json, report.html, the tidy
 * tables as CSV with their data dictionary, and the same tables as a workbook. The summary is
 * taken as it reads back from summary.json, so a report rebuilt later from the saved files
 * (labelsim report) is the same bytes.
 */
export async function writeRunFiles(
  staging: string,
  summary: Summary,
  records: RecordSet,
  manifest: RunManifest,
  facts: RunFacts,
  sensitivity: Sensitivity | null,
  marginal: Marginal | null = null,
  portfolio: PortfolioAllocation | null = null,
): Promise<ReportData> {
  const saved = JSON.parse(JSON.stringify(summary)) as Summary;
  const data = buildReportData(manifest, saved, records, facts, sensitivity);
  // Only when there is one: a report without a marginal study keeps its bytes.
  if (marginal !== null) data.marginal = marginal;
  if (portfolio !== null) data.portfolio = portfolio;
  writeReport(staging, data);
  const tables = runTables(manifest, records);
  writeTables(staging, tables);
  writeFileAtomic(path.join(staging, REPORT_FILES.workbook), workbookBuffer(tables.map((t) => t.table)));
  return data;
}
