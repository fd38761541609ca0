import { stringify } from 'csv-stringify/sync';
import { csvCell } from './csv-cell.js';
import type { TidyTable } from './tidy/tidy-columns.js';

/**
 * A tidy table as CSV (RFC 4180, UTF-8, a header row): numbers as JavaScript writes them (a dot
 * for decimals, no thousands separators), a missing figure as an empty cell, dates as ISO text.
 * Every string cell, header included, goes through csvCell: a name that begins like a formula is
 * written as text.
 */
export function tidyCsv(table: TidyTable): string {
  return stringify([table.spec.columns.map((c) => c.name), ...table.rows], { cast: { number: (x) => String(x), string: csvCell } });
}
