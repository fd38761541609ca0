/** The files a run folder holds beside its summary, for people and spreadsheets. */
export const REPORT_FILES = {
  /** Everything the report shows, as plain data (ReportData); `labelsim report` rebuilds the page from it. */
  data: 'report-data.json',
  /** The self-contained HTML report. */
  html: 'report.html',
  /** One row per plan: the figures of summary.json, with dotted column names. */
  summaryCsv: 'summary.csv',
  /** One row per plan x replication: every per-replication figure. */
  replicationsCsv: 'replications.csv',
  /** Optional: a sensitivity study (ReportData['sensitivity']) that the report includes when present. */
  sensitivity: 'sensitivity.json',
} as const;

/** A run folder that cannot be reported on, or a malformed file in it: exit code 2 with the message. */
export class ReportError extends Error {}
