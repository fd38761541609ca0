import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DICTIONARY_SPEC } from '../../../experiments/report/tidy/data-dictionary.js';
import { TIDY_TABLES } from '../../../experiments/report/tidy/tidy-columns.js';
import { SHEET_ROWS, workbookBuffer } from '../../../experiments/report/workbook.js';
import { labelsim, tempDir } from '../../support/cli.js';
import { parseCsv } from './parse-csv.js';
import { readZip } from './xlsx/read-zip.js';

describe('tables.xlsx', () => {
  it('opens with a sheet per table, the header row frozen, and the cells of the CSV tables typed by column', async () => {
    const out = tempDir('workbook');
    const r = labelsim(['run', 'test/experiments/fixtures/small-project.yaml', '-r', '3', '-w', '1', '--quiet', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const folder = path.join(out, 'small-project');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(path.join(folder, 'tables.xlsx')) as never);
    const specs = [...Object.values(TIDY_TABLES), DICTIONARY_SPEC];
    expect(book.worksheets.map((s) => s.name)).toEqual(specs.map((s) => s.name));
    for (const spec of specs) {
      const sheet = book.getWorksheet(spec.name)!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const csv = parseCsv(fs.readFileSync(path.join(folder, `${spec.name}.csv`), 'utf8'));
      expect(sheet.rowCount, spec.name).toBe(csv.length);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(spec.columns.map((c) => c.name));
      for (let i = 2; i <= sheet.rowCount; i++) {
        const row = sheet.getRow(i);
        spec.columns.forEach((c, j) => {
          const cell = row.getCell(j + 1);
          const text = csv[i - 1][j];
          if (text === '') return expect(cell.value, `${spec.name} ${c.name} row ${i}`).toBeNull();
          if (c.type === 'integer' || c.type === 'number') {
            expect(cell.type, `${spec.name} ${c.name}`).toBe(ExcelJS.ValueType.Number);
            expect(cell.value).toBe(Number(text));
          } else if (c.type === 'date') {
            expect(cell.type).toBe(ExcelJS.ValueType.Date);
            expect((cell.value as Date).toISOString().slice(0, 10)).toBe(text);
          } else {
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            expect(cell.value).toBe(text);
          }
        });
      }
    }
  });

  it('keeps text that looks like a formula as text, not a formula', async () => {
    const formula = '=HYPERLINK("https://example.com","x")';
    const buffer = workbookBuffer([{ spec: TIDY_TABLES.failures, rows: [[formula, 'h', 1, '@plan', 0, '-boom']] }]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as never);
    const row = book.worksheets[0].getRow(2);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(1).value).toBe(formula);
    expect(row.getCell(4).value).toBe('@plan');
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.String);
  });

  it('carries any text a file may hold: markup, accents, emoji, and control characters as U+FFFD', async () => {
    const names = ['<b>&"plan"', 'caf\u00e9 \u{1F600}', 'bell\u0007'];
    const buffer = workbookBuffer([{ spec: TIDY_TABLES.failures, rows: names.map((n) => [n, 'h', 1, n, 0, n]) }]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as never);
    const sheet = book.worksheets[0];
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(4).value)).toEqual(['<b>&"plan"', 'caf\u00e9 \u{1F600}', 'bell\uFFFD']);
  });

  it('continues a table too long for one sheet on "<name> (2)", losing no row', () => {
    const rows = Array.from({ length: SHEET_ROWS + 1 }, (_, i) => ['e', 'h', 1, 'p', i, 'boom']);
    const parts = new Map(readZip(workbookBuffer([{ spec: TIDY_TABLES.failures, rows }])).map((e) => [e.name, e.data.toString('utf8')]));
    expect(parts.get('xl/workbook.xml')).toMatch(/<sheet name="failures" sheetId="1" r:id="rId1"\/><sheet name="failures \(2\)" sheetId="2" r:id="rId2"\/>/);
    const rowsOf = (xml: string) => [...xml.matchAll(/<row r="(\d+)">/g)].map((m) => Number(m[1]));
    const first = rowsOf(parts.get('xl/worksheets/sheet1.xml')!);
    const second = parts.get('xl/worksheets/sheet2.xml')!;
    expect([first.length, first[first.length - 1]]).toEqual([SHEET_ROWS, SHEET_ROWS]);
    expect(rowsOf(second)).toEqual([1, 2, 3]);
    // The last data row is the table's last: replication SHEET_ROWS, a number cell.
    expect(second).toContain(`<c r="E3"><v>${SHEET_ROWS}</v></c>`);
  });
});
