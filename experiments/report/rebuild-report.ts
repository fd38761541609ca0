import fs from 'node:fs';
import path from 'node:path';
import type { ReportData } from '../../reports/report-data.js';
import type { Summary } from '../aggregate/summary.js';
import { readRecordLines } from '../run/record-log.js';
import { layoutMismatch, recordSet, skippedLine } from '../run/record-set.js';
import { RUN_FILES, type RunManifest } from '../run/run-files.js';
import { REPORT_FILES, ReportError, TABLE_FILES } from './report-files.js';
import { factsFromRunFile, readMarginal, readPortfolio, readReportData, readSensitivity } from './run-facts.js';
import { writeReport, writeRunFiles } from './write-run-files.js';

export interface RebuildOutcome {
  /** The files written, by name. */
  written: string[];
  data: ReportData;
  /** Lines of the record log that were skipped (not records of this run), or null. */
  notice: string | null;
}

/**
 * `labelsim report DIR`: rebuilds a run folder's report from its saved files, without simulating.
 * With the records (replications.jsonl), manifest and summary, everything is rebuilt: report data,
 * report.html, the tidy tables and the workbook. With only report-data.json, the page is redrawn
 * from it (the tables are read from the records, so they are left as they are).
 * The run's facts (version, date, wall time) are kept from the earlier report data, or read from
 * run.json; a sensitivity.json in the folder is included, so a study done later joins the report.
 */
export async function rebuildReport(dir: string): Promise<RebuildOutcome> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ReportError(`${dir}: expected a run folder (out/<experiment>)`);
  const file = (name: string) => path.join(dir, name);
  const previous = readReportData(dir);
  const sensitivity = readSensitivity(dir) ?? previous?.sensitivity ?? null;
  const marginal = readMarginal(dir) ?? previous?.marginal ?? null;
  const portfolio = readPortfolio(dir) ?? previous?.portfolio ?? null;
  const hasRecords = fs.existsSync(file(RUN_FILES.records)) && fs.existsSync(file(RUN_FILES.manifest)) && fs.existsSync(file(RUN_FILES.summary));

  if (hasRecords) {
    const manifest = readJsonFile<RunManifest>(file(RUN_FILES.manifest));
    if (manifest === null || typeof manifest !== 'object' || !Array.isArray(manifest.plans)) throw new ReportError(`${file(RUN_FILES.manifest)}: expected the manifest written by labelsim run`);
    const mismatch = layoutMismatch(manifest);
    if (mismatch !== null) throw new ReportError(`${file(RUN_FILES.manifest)}: cannot report on ${mismatch}`);
    const summary = readJsonFile<Summary>(file(RUN_FILES.summary));
    const records = recordSet(manifest, [{ source: file(RUN_FILES.records), lines: readRecordLines(file(RUN_FILES.records)), shard: manifest.shard }]);
    if (records.records.length === 0) throw new ReportError(`${file(RUN_FILES.records)}: holds no replication records`);
    const facts =
      previous === null
        ? factsFromRunFile(dir)
        : { labelsimVersion: previous.header.labelsimVersion, runDate: previous.header.runDate, wallSeconds: previous.header.wallSeconds };
    const data = await writeRunFiles(dir, summary, records, manifest, facts, sensitivity, marginal, portfolio);
    return { written: [REPORT_FILES.data, REPORT_FILES.html, ...TABLE_FILES, REPORT_FILES.workbook], data, notice: skippedLine(records) };
  }
  if (previous === null) {
    throw new ReportError(
      `${dir}: nothing to report on; expected ${RUN_FILES.manifest}, ${RUN_FILES.summary} and ${RUN_FILES.records}, or ${REPORT_FILES.data}, as written by labelsim run`,
    );
  }
  const data: ReportData = { ...previous, sensitivity, ...(marginal === null ? {} : { marginal }), ...(portfolio === null ? {} : { portfolio }) };
  writeReport(dir, data);
  return { written: [REPORT_FILES.data, REPORT_FILES.html], data, notice: null };
}

function readJsonFile<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new ReportError(`${file}: expected valid JSON as written by labelsim run (${err instanceof Error ? err.message.slice(0, 200) : String(err)})`);
  }
}
