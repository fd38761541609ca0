import { SPREADSHEET_NS, XML_HEAD } from './ooxml.js';
import { XmlChunks } from './xml-chunks.js';
import { xmlText } from './xml-text.js';

/** Excel holds at most this many characters in a cell. */
export const CELL_CHARACTERS = 32_767;

/**
 * The workbook's shared string table (ECMA-376 part 1, 18.4): each distinct text once, cells
 * pointing at it by index. The tidy tables repeat the same few names (experiment, plan, measure,
 * unit) on every row, so this keeps the file small and is what every reader expects.
 */
export class SharedStrings {
  private readonly indexOf = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Cells that point into the table, repeats included. */
  private uses = 0;

  index(text: string): number {
    this.uses++;
    let i = this.indexOf.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.indexOf.set(text, i);
      this.texts.push(text);
    }
    return i;
  }

  /** xl/sharedStrings.xml. Text past Excel's cell limit is cut there (the CSV tables keep it whole). */
  xml(): Buffer[] {
    const head = `${XML_HEAD}<sst xmlns="${SPREADSHEET_NS}" count="${this.uses}" uniqueCount="${this.texts.length}">`;
    const xml = new XmlChunks();
    xml.add(head);
    for (const text of this.texts) xml.add(`<si><t xml:space="preserve">${xmlText(text.length > CELL_CHARACTERS ? text.slice(0, CELL_CHARACTERS) : text)}</t></si>`);
    xml.add('</sst>');
    return xml.bytes();
  }
}
