export { reportFinisher } from './finisher.js';
export { rebuildReport, type RebuildOutcome } from './rebuild-report.js';
export { REPORT_FILES, ReportError } from './report-files.js';
export { factsFromRunFile, readReportData, readSensitivity } from './run-facts.js';
export { replicationsCsv, summaryCsv, flatten } from './csv-tables.js';
export { writeReport, writeRunFiles } from './write-run-files.js';
