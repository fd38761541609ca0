import path from 'node:path';
import type { ReportData, Sensitivity } from '../../reports/report-data.js';
import { renderReport } from '../../reports/render-report.js';
import { buildReportData, type RunFacts } from '../aggregate/report-data.js';
import type { Summary } from '../aggregate/summary.js';
import { writeFileAtomic } from '../run/atomic-file.js';
import type { RecordSet } from '../run/record-set.js';
import type { RunManifest } from '../run/run-files.js';
import { replicationsCsv, summaryCsv } from './csv-tables.js';
import { REPORT_FILES } from './report-files.js';

/** Writes report-data.json and report.html for a ReportData into `dir`, each atomically. */
export function writeReport(dir: string, data: ReportData): void {
  writeFileAtomic(path.join(dir, REPORT_FILES.data), JSON.stringify(data, null, 2) + '\n');
  writeFileAtomic(path.join(dir, REPORT_FILES.html), renderReport(data));
}

/**
 * The files a finished run adds beside its summary: report-data.json, report.html, summary.csv
 * and replications.csv. The summary is taken as it reads back from summary.json, so a report
 * rebuilt later from the saved files (labelsim report) is the same bytes.
 */
export function writeRunFiles(
  staging: string,
  summary: Summary,
  records: RecordSet,
  manifest: RunManifest,
  facts: RunFacts,
  sensitivity: Sensitivity | null,
): ReportData {
  const saved = JSON.parse(JSON.stringify(summary)) as Summary;
  const data = buildReportData(manifest, saved, records, facts, sensitivity);
  writeReport(staging, data);
  writeFileAtomic(path.join(staging, REPORT_FILES.summaryCsv), summaryCsv(saved));
  writeFileAtomic(path.join(staging, REPORT_FILES.replicationsCsv), replicationsCsv(manifest, records));
  return data;
}
