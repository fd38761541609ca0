/** The declaration every part of the package starts with. */
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** SpreadsheetML's namespace: workbook, worksheets, shared strings, styles. */
export const SPREADSHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** Relationships of the package (its .rels parts) and of the office document (r:id). */
export const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
