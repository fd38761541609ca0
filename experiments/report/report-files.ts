/** The files a run folder holds beside its summary, for people, spreadsheets and BI tools. */
export const REPORT_FILES = {
  /** Everything the report shows, as plain data (ReportData); `labelsim report` rebuilds the page from it. */
  data: 'report-data.json',
  /** The self-contained HTML report. */
  html: 'report.html',
  /** The report printed to PDF by headless Chromium (`labelsim report DIR --pdf`). */
  pdf: 'report.pdf',
  /** The tidy tables (tidy/tidy-columns.ts), one CSV each, and their data dictionary. */
  replicationMeasures: 'replication-measures.csv',
  planMeasures: 'plan-measures.csv',
  planDays: 'plan-days.csv',
  failures: 'failures.csv',
  dictionary: 'data-dictionary.csv',
  /** The same tables as one Excel workbook, a sheet each. */
  workbook: 'tables.xlsx',
  /** Optional: a sensitivity study (ReportData['sensitivity']) that the report includes when present. */
  sensitivity: 'sensitivity.json',
  /** Optional: a marginal study (ReportData['marginal']), included in the report when present. */
  marginal: 'marginal.json',
  /** Optional: a portfolio allocation (ReportData['portfolio']), included in the report when present. */
  portfolio: 'portfolio.json',
} as const;

/** The table files, in the order they are written and listed. */
export const TABLE_FILES = [REPORT_FILES.replicationMeasures, REPORT_FILES.planMeasures, REPORT_FILES.planDays, REPORT_FILES.failures, REPORT_FILES.dictionary] as const;

/** A run folder that cannot be reported on, or a malformed file in it: exit code 2 with the message. */
export class ReportError extends Error {}
