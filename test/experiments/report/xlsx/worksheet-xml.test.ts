import { describe, expect, it } from 'vitest';
import { SharedStrings } from '../../../../experiments/report/xlsx/shared-strings.js';
import { columnLetters, worksheetXml } from '../../../../experiments/report/xlsx/worksheet-xml.js';

const sheet = (types: Parameters<typeof worksheetXml>[1], row: Array<string | number | null>) => {
  const strings = new SharedStrings();
  return { xml: Buffer.concat(worksheetXml(types.map((_, i) => `c${i}`), types, [row], strings)).toString('utf8'), strings };
};

describe('a worksheet', () => {
  it('names columns as Excel does: A-Z, then AA, AZ, BA, ZZ, AAA', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it("writes an ISO date as Excel's day number (1900 system: 2027-04-05 is day 46482) with the date format", () => {
    expect(sheet(['date'], ['2027-04-05']).xml).toContain('<c r="A2" s="2"><v>46482</v></c>');
    expect(sheet(['date'], ['1900-03-01']).xml).toContain('<v>61</v>');
  });

  it('leaves an empty figure empty, writes a number as a number, and anything a number column cannot read as text', () => {
    const { xml } = sheet(['number', 'integer', 'number', 'number'], [null, 3, '', 'n/a']);
    expect(xml).toMatch(/<row r="2"><c r="B2"><v>3<\/v><\/c><c r="D2" t="s"><v>\d+<\/v><\/c><\/row>/);
  });

  it('sends every text cell through the shared strings, each distinct text once', () => {
    const { strings } = sheet(['text', 'text', 'text'], ['=1+1', '=1+1', 'plan']);
    expect(Buffer.concat(strings.xml()).toString('utf8')).toMatch(/count="6" uniqueCount="5"/);
  });
});
