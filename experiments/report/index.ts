export { reportFinisher } from './finisher.js';
export { rebuildReport, type RebuildOutcome } from './rebuild-report.js';
export { REPORT_FILES, ReportError, TABLE_FILES } from './report-files.js';
export { factsFromRunFile, readReportData, readSensitivity } from './run-facts.js';
export { tidyCsv } from './csv-tables.js';
export { runTables, writeTables } from './tables-files.js';
export { workbookBuffer } from './workbook.js';
export { writeReport, writeRunFiles } from './write-run-files.js';
export { findChromium, pdfPageCount, printReportPdf } from './pdf.js';
