import { ExportError } from './annotation.js';

/**
 * Timestamps of an export, read as instants. A timestamp must carry its UTC offset (`Z` or
 * `+02:00`): a local time without one could be any of 26 hours, and an export that mixes the two
 * (some records written by a server in UTC, some typed in by hand in local time) would shift
 * person-days and learning curves silently. Both are errors naming the record.
 */
export class TimestampReader {
  /** The first record that had an offset, to name in the mixed-zone error. */
  private firstWithOffset: string | null = null;

  constructor(private readonly file: string) {}

  read(value: unknown, record: string, field: string): number {
    if (typeof value !== 'string') throw new ExportError(this.file, record, field, 'an ISO 8601 timestamp like 2026-03-09T14:05:00Z', value === undefined ? 'nothing (the field is missing)' : JSON.stringify(value));
    const m = ISO.exec(value.trim());
    if (m === null) throw new ExportError(this.file, record, field, 'an ISO 8601 timestamp like 2026-03-09T14:05:00Z', JSON.stringify(value.slice(0, 60)));
    if (m[2] === undefined) {
      const mixed = this.firstWithOffset === null ? '' : ` (the export mixes time zones: ${this.firstWithOffset} has one)`;
      throw new ExportError(this.file, record, field, `a timestamp with its UTC offset, like ${m[1]}Z or ${m[1]}+02:00${mixed}`, JSON.stringify(value));
    }
    this.firstWithOffset ??= record;
    const ms = Date.parse(m[1].replace(' ', 'T') + (m[2].toUpperCase() === 'Z' ? 'Z' : normaliseOffset(m[2])));
    if (!Number.isFinite(ms)) throw new ExportError(this.file, record, field, 'a valid date and time', JSON.stringify(value));
    return ms;
  }
}

// Date and time (seconds and fractions optional), then an optional offset: Z, +02:00, +0200 or +02.
const ISO = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function normaliseOffset(offset: string): string {
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.length > 2 ? digits.slice(2, 4) : '00'}`;
}
