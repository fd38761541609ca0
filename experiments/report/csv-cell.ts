/**
 * First characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a
 * formula: =, +, -, @, a tab and a carriage return (OWASP, "CSV Injection"), and the full-width
 * forms of the first four, which Apple Numbers reads as them (as csv-stringify's escape_formulas
 * notes).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A string cell of a CSV table, as csv-stringify's cast writes it: text that begins like a
 * formula (a plan named "=HYPERLINK(...)" would otherwise run, and can send data away, when the
 * file is opened) gets a single quote in front, so the spreadsheet shows it as text, and is always
 * quoted, as OWASP advises. Only strings come here: a negative number stays a number.
 */
export function csvCell(text: string): string | { value: string; quoted: true } {
  return FORMULA_START.test(text) ? { value: `'${text}`, quoted: true } : text;
}
