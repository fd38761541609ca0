import path from 'node:path';
import { writeFileAtomic } from '../run/atomic-file.js';
import type { RecordSet } from '../run/record-set.js';
import type { RunManifest } from '../run/run-files.js';
import { tidyCsv } from './csv-tables.js';
import { REPORT_FILES } from './report-files.js';
import { dataDictionary } from './tidy/data-dictionary.js';
import { tidyTables } from './tidy/tidy-tables.js';
import type { TidyTable } from './tidy/tidy-columns.js';

/** The tidy tables of a run and its dictionary, by the file each is written to. */
export function runTables(manifest: RunManifest, records: RecordSet): Array<{ file: string; table: TidyTable }> {
  const t = tidyTables(manifest, records);
  return [
    { file: REPORT_FILES.replicationMeasures, table: t.replicationMeasures },
    { file: REPORT_FILES.planMeasures, table: t.planMeasures },
    { file: REPORT_FILES.planDays, table: t.planDays },
    { file: REPORT_FILES.failures, table: t.failures },
    { file: REPORT_FILES.dictionary, table: dataDictionary() },
  ];
}

/** Writes each table as CSV into `dir`, atomically. */
export function writeTables(dir: string, tables: Array<{ file: string; table: TidyTable }>): void {
  for (const { file, table } of tables) writeFileAtomic(path.join(dir, file), tidyCsv(table));
}
