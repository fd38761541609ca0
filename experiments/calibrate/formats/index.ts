import fs from 'node:fs';
import { ExportError, type Annotation } from '../annotation.js';
import { readCsv } from './csv.js';
import { readLabelbox } from './labelbox.js';
import { readLabelStudio } from './label-studio.js';
import type { ReadCounts } from './read-counts.js';

export type ExportFormat = 'label-studio' | 'labelbox' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['label-studio', 'labelbox', 'csv'];

const READERS: Record<ExportFormat, (file: string, counts: ReadCounts) => AsyncGenerator<Annotation>> = {
  'label-studio': readLabelStudio,
  labelbox: readLabelbox,
  csv: readCsv,
};

/**
 * The format of an export from its first bytes: a JSON list is Label Studio's, a JSON object per
 * line Labelbox's, anything else the CSV. A format given with --format must agree with them.
 */
export function detectFormat(file: string, given?: ExportFormat): ExportFormat {
  const head = firstBytes(file);
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  const found: ExportFormat = first === '[' ? 'label-studio' : first === '{' ? 'labelbox' : 'csv';
  if (head.trim() === '') throw new ExportError(file, '', '', 'an export with records', 'an empty file');
  if (given !== undefined && given !== found) {
    const looks = { 'label-studio': 'a JSON list (a Label Studio export)', labelbox: 'JSON objects, one per line (a Labelbox export)', csv: 'neither JSON list nor JSON lines (CSV?)' }[found];
    throw new ExportError(file, '', '', `a ${given} export (--format ${given})`, `a file that begins as ${looks}: try --format ${found}`);
  }
  return found;
}

export function readExport(file: string, format: ExportFormat, counts: ReadCounts): AsyncGenerator<Annotation> {
  return READERS[format](file, counts);
}

function firstBytes(file: string): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExportError(file, '', '', 'an existing, readable export file', code === 'ENOENT' ? 'file not found' : String(code));
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new ExportError(file, '', '', 'a regular file', 'something else (a folder or a device)');
    const buffer = Buffer.alloc(4096);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
