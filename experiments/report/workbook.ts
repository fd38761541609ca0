import type { TidyTable } from './tidy/tidy-columns.js';

/** Excel's most rows on one sheet, the header included. */
export const SHEET_ROWS = 1_048_576;

/** Excel refuses sheet names over 31 characters and these characters. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);

/**
 * The tables as one Excel workbook: a sheet per table, its header row frozen and bold, cells
 * typed by their column (numbers as numbers, dates as dates, text as text). Text is written as
 * a string value, never as a formula, so a plan named "=HYPERLINK(...)" stays text. A table too
 * long for one sheet continues on "<name> (2)", ... so no row is lost.
 */
export async function workbookBuffer(tables: TidyTable[], created: Date | null = null): Promise<Buffer> {
  // Loaded when a workbook is written: exceljs and its zip libraries take a quarter of a second
  // to import, which every other command (check, a --json run's start) need not pay.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'labelsim';
  // A fixed date for the properties (the zip entries still carry the time of writing).
  const when = created ?? new Date(0);
  book.created = when;
  book.modified = when;
  for (const table of tables) {
    const perSheet = SHEET_ROWS - 1;
    const sheets = Math.max(1, Math.ceil(table.rows.length / perSheet));
    for (let s = 0; s < sheets; s++) {
      const sheet = book.addWorksheet(sheetName(s === 0 ? table.spec.name : `${table.spec.name} (${s + 1})`), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = table.spec.columns.map((c) => ({ header: c.name, key: c.name, width: Math.max(10, c.name.length + 2), ...(c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
      sheet.getRow(1).font = { bold: true };
      const types = table.spec.columns.map((c) => c.type);
      for (const row of table.rows.slice(s * perSheet, (s + 1) * perSheet)) {
        sheet.addRow(row.map((cell, i) => (cell === null || cell === '' ? null : types[i] === 'date' ? isoDate(String(cell)) : types[i] === 'text' ? String(cell) : cell)));
      }
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** An ISO date as the Date Excel shows as that day (midnight UTC: Excel dates have no zone). */
function isoDate(text: string): Date {
  return new Date(`${text}T00:00:00Z`);
}
