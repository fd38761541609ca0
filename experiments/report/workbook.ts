import type { TidyTable } from './tidy/tidy-columns.js';
import { OFFICE_RELS, PACKAGE_RELS, SPREADSHEET_NS, XML_HEAD } from './xlsx/ooxml.js';
import { SharedStrings } from './xlsx/shared-strings.js';
import { STYLES_XML } from './xlsx/styles-xml.js';
import { worksheetXml } from './xlsx/worksheet-xml.js';
import { xmlText } from './xlsx/xml-text.js';
import { zipArchive } from './xlsx/zip-archive.js';

/** Excel's most rows on one sheet, the header included. */
export const SHEET_ROWS = 1_048_576;

/** Excel refuses sheet names over 31 characters and these characters. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);

const CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/**
 * The tables as one Excel workbook: a sheet per table, its header row frozen and bold, cells
 * typed by their column (numbers as numbers, dates as dates, text as text). Text is written as
 * a shared string, never as a formula, so a plan named "=HYPERLINK(...)" stays text. A table too
 * long for one sheet continues on "<name> (2)", ... so no row is lost.
 *
 * Written here, as the few parts of an Office Open XML package (ECMA-376) that a workbook of
 * plain typed cells needs, rather than by a spreadsheet library: exceljs took 0.3 s to load and
 * 0.6 s to write the 64,000 cells of a ten-replication run, most of a small run's time; this
 * takes a few hundredths. The parts carry no date and the zip a fixed one, so the same tables
 * give the same bytes.
 */
export function workbookBuffer(tables: TidyTable[]): Buffer {
  const strings = new SharedStrings();
  const sheets: Array<{ name: string; xml: Buffer[] }> = [];
  for (const table of tables) {
    const perSheet = SHEET_ROWS - 1;
    const count = Math.max(1, Math.ceil(table.rows.length / perSheet));
    const header = table.spec.columns.map((c) => c.name);
    const types = table.spec.columns.map((c) => c.type);
    for (let s = 0; s < count; s++) {
      const name = sheetName(s === 0 ? table.spec.name : `${table.spec.name} (${s + 1})`);
      sheets.push({ name, xml: worksheetXml(header, types, table.rows.slice(s * perSheet, (s + 1) * perSheet), strings) });
    }
  }
  const text = (name: string, xml: string) => ({ name, data: Buffer.from(xml, 'utf8') });
  return zipArchive([
    text('[Content_Types].xml', contentTypes(sheets.length)),
    text('_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`),
    text('docProps/core.xml', `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>labelsim</dc:creator></cp:coreProperties>`),
    text('xl/workbook.xml', workbookXml(sheets.map((s) => s.name))),
    text('xl/_rels/workbook.xml.rels', workbookRels(sheets.length)),
    text('xl/styles.xml', STYLES_XML),
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.concat(s.xml) })),
    { name: 'xl/sharedStrings.xml', data: Buffer.concat(strings.xml()) },
  ]);
}

function contentTypes(sheets: number): string {
  const sheet = Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CONTENT}.worksheet+xml"/>`).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT}.sheet.main+xml"/>${sheet}` +
    `<Override PartName="/xl/styles.xml" ContentType="${CONTENT}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT}.sharedStrings+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
  );
}

function workbookXml(names: string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML_HEAD}<workbook xmlns="${SPREADSHEET_NS}" xmlns:r="${OFFICE_RELS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(sheets: number): string {
  const rel = (id: number, type: string, target: string) => `<Relationship Id="rId${id}" Type="${OFFICE_RELS}/${type}" Target="${target}"/>`;
  const each = Array.from({ length: sheets }, (_, i) => rel(i + 1, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('');
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS}">${each}${rel(sheets + 1, 'styles', 'styles.xml')}${rel(sheets + 2, 'sharedStrings', 'sharedStrings.xml')}</Relationships>`;
}
