import { ExperimentError } from '../load/errors.js';

/**
 * One annotation as every export format is reduced to it: who labelled which item, how long it
 * took by the platform's timer, when, and what review made of it.
 */
export interface Annotation {
  annotator: string;
  item: string;
  itemType: string;
  /** The pool the annotator belongs to, where the export says (the CSV's pool column); else `annotators`. */
  pool: string;
  /** Seconds of handling by the platform's timer (wall-clock; trimmed later, see trim.ts). */
  seconds: number;
  /** Epoch milliseconds of the end of the annotation (when it was submitted): every format requires it. */
  endMs: number;
  /** The annotator skipped or cancelled the item: it took capacity but yields no label. */
  cancelled: boolean;
  /** The label's value where the export carries one simply (a class), for agreement; null otherwise. */
  label: string | null;
  /** Reviews of this annotation in order, one per tier that saw it. */
  reviews: Review[];
}

export interface Review {
  tier: string;
  reviewer: string | null;
  rejected: boolean;
  /** Seconds the review took, when the export says. */
  seconds: number | null;
}

/**
 * A problem with an export, naming the file, the record (its position and its id where it has
 * one) and the field, as ExperimentError does for experiment files, so the command line reports
 * it the same way (exit code 2).
 */
export class ExportError extends ExperimentError {
  constructor(file: string, record: string, field: string, expected: string, got?: string) {
    super(file, record === '' ? field : field === '' ? record : `${record}: ${field}`, expected, got);
    this.name = 'ExportError';
  }
}

/** The largest handling time an export may state: a day. Longer is an error in the export, not a slow annotator. */
export const ABSURD_SECONDS = 24 * 3600;

/** Checks a timer value in seconds: a finite number from 0 to a day. */
export function checkSeconds(value: unknown, file: string, record: string, field: string): number {
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) value = Number(value);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ExportError(file, record, field, 'a number of seconds', describe(value));
  }
  if (value < 0) throw new ExportError(file, record, field, 'a number of seconds >= 0', String(value));
  if (value > ABSURD_SECONDS) {
    throw new ExportError(file, record, field, `at most ${ABSURD_SECONDS} seconds (a day): longer is not one annotation`, String(value));
  }
  return value;
}

/** Text of an id that may be a string or a number (Label Studio user ids are numbers). */
export function idText(value: unknown, file: string, record: string, field: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new ExportError(file, record, field, 'an id (text or a number)', describe(value));
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
