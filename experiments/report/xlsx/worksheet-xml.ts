import type { ColumnType } from '../tidy/tidy-columns.js';
import type { SharedStrings } from './shared-strings.js';
import { SPREADSHEET_NS, XML_HEAD } from './ooxml.js';
import { STYLE } from './styles-xml.js';
import { XmlChunks } from './xml-chunks.js';

/** A cell as the tidy tables hold it: empty (null or ''), a number, or text. */
export type Cell = string | number | null;

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in its 1900 date system (counting its phantom 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Column letters of the 1st, 2nd, ... column: A ... Z, AA, ... */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * One worksheet (ECMA-376 part 1, 18.3): the header row in bold and frozen, each column as wide
 * as its name, and each cell typed by its column: numbers as numbers, an ISO date as Excel's day
 * number shown yyyy-mm-dd, everything else as text through the shared strings, so text that
 * starts with "=" is never read as a formula. Returned as byte chunks (xml-chunks.ts).
 */
export function worksheetXml(header: readonly string[], types: readonly ColumnType[], rows: readonly (readonly Cell[])[], strings: SharedStrings): Buffer[] {
  const letters = header.map((_, i) => columnLetters(i));
  const last = `${letters[letters.length - 1] ?? 'A'}${rows.length + 1}`;
  const cols = header.map((name, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(10, name.length + 2)}" customWidth="1"/>`).join('');
  const head =
    `${XML_HEAD}<worksheet xmlns="${SPREADSHEET_NS}">` +
    `<dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>` +
    `<row r="1">${header.map((name, i) => `<c r="${letters[i]}1" s="${STYLE.header}" t="s"><v>${strings.index(name)}</v></c>`).join('')}</row>`;
  const xml = new XmlChunks();
  xml.add(head);
  for (let r = 0; r < rows.length; r++) {
    const n = r + 2;
    const row = rows[r];
    let cells = `<row r="${n}">`;
    for (let i = 0; i < types.length; i++) cells += cellXml(row[i], types[i], `${letters[i]}${n}`, strings);
    xml.add(cells + '</row>');
  }
  xml.add('</sheetData></worksheet>');
  return xml.bytes();
}

function cellXml(cell: Cell | undefined, type: ColumnType, ref: string, strings: SharedStrings): string {
  if (cell === null || cell === undefined || cell === '') return '';
  if (type === 'date') {
    const day = excelDay(String(cell));
    if (day !== null) return `<c r="${ref}" s="${STYLE.date}"><v>${day}</v></c>`;
  } else if (type !== 'text') {
    const value = typeof cell === 'number' ? cell : Number(cell);
    if (Number.isFinite(value)) return `<c r="${ref}"><v>${value}</v></c>`;
  }
  return `<c r="${ref}" t="s"><v>${strings.index(String(cell))}</v></c>`;
}

/** Excel's day number of an ISO date (yyyy-mm-dd), or null for text that is not one. */
function excelDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? (ms - EXCEL_EPOCH_MS) / MS_PER_DAY : null;
}
