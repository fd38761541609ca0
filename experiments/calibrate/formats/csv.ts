import fs from 'node:fs';
import { parse } from 'csv-parse';
import { checkSeconds, ExportError, type Annotation, type Review } from '../annotation.js';
import { TimestampReader } from '../timestamps.js';
import type { ReadCounts } from './read-counts.js';

/**
 * The plain CSV for every other platform, one annotation per line, with a header line:
 *
 * | column | required | meaning |
 * |---|---|---|
 * | annotator | yes | who labelled it |
 * | pool | no | the annotator's pool, for `--by pool` (default `annotators`) |
 * | item | yes | the item's id (several lines of one item: consensus, or rework after a rejection) |
 * | item_type | no | the work type (default `item`) |
 * | start | with end | ISO 8601 with offset: when work began |
 * | end | yes | ISO 8601 with offset: when the label was submitted |
 * | seconds | or start | the platform's timer; else end - start |
 * | outcome | no | accepted, rejected or cancelled (skipped); empty = not reviewed |
 * | tier | no | the review tier that gave the outcome (default `review`) |
 * | reviewer | no | who reviewed |
 * | review_seconds | no | how long the review took |
 * | label | no | the class given, for agreement between labellers of one item |
 *
 * Parsed as a stream by csv-parse: lines are read as they come.
 */
export const CSV_COLUMNS = ['annotator', 'pool', 'item', 'item_type', 'start', 'end', 'seconds', 'outcome', 'tier', 'reviewer', 'review_seconds', 'label'] as const;

export async function* readCsv(file: string, counts: ReadCounts): AsyncGenerator<Annotation> {
  const times = new TimestampReader(file);
  const parser = fs.createReadStream(file).pipe(parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: false, info: true }));
  let header: string[] | null = null;
  let line = 1;
  try {
    for await (const { record: cells, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // The line a record ends on (a quoted field may span several).
      line = info.lines;
      if (header === null) {
        header = checkHeader(cells, file);
        continue;
      }
      counts.records++;
      const row: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) row[header[i]] = cells[i] ?? '';
      yield annotationOf(row, `line ${line}`, file, times);
      counts.annotations++;
    }
  } catch (error) {
    if (error instanceof ExportError) throw error;
    throw new ExportError(file, `line ${line + 1}`, '', 'CSV with the same number of columns on every line', (error as Error).message.split('\n')[0]);
  } finally {
    parser.destroy();
  }
  if (header === null) throw new ExportError(file, '', '', `a CSV header line naming columns (${CSV_COLUMNS.join(', ')})`, 'an empty file');
}

function checkHeader(cells: string[], file: string): string[] {
  const names = cells.map((c) => c.toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new ExportError(file, 'line 1 (header)', unknown[0], `a column of the labelsim CSV (${CSV_COLUMNS.join(', ')})`, JSON.stringify(unknown[0].slice(0, 60)));
  for (const required of ['annotator', 'item', 'end']) {
    if (!names.includes(required)) throw new ExportError(file, 'line 1 (header)', required, `a column named ${required} (columns: ${CSV_COLUMNS.join(', ')})`, `columns ${names.join(', ')}`);
  }
  if (!names.includes('seconds') && !names.includes('start')) throw new ExportError(file, 'line 1 (header)', 'seconds', 'a seconds column, or a start column beside end', `columns ${names.join(', ')}`);
  return names;
}

function annotationOf(row: Record<string, string>, record: string, file: string, times: TimestampReader): Annotation {
  for (const required of ['annotator', 'item', 'end']) {
    if ((row[required] ?? '') === '') throw new ExportError(file, record, required, `a value (the ${required} column is required)`, 'an empty cell');
  }
  const endMs = times.read(row.end, record, 'end');
  let seconds: number;
  if ((row.seconds ?? '') !== '') seconds = checkSeconds(row.seconds, file, record, 'seconds');
  else {
    if ((row.start ?? '') === '') throw new ExportError(file, record, 'seconds', 'seconds, or a start time', 'both empty');
    const startMs = times.read(row.start, record, 'start');
    if (startMs > endMs) throw new ExportError(file, record, 'start', `a time before end (${row.end})`, row.start);
    seconds = checkSeconds((endMs - startMs) / 1000, file, record, 'end - start');
  }
  const outcome = (row.outcome ?? '').toLowerCase();
  if (outcome !== '' && outcome !== 'accepted' && outcome !== 'rejected' && outcome !== 'cancelled') {
    throw new ExportError(file, record, 'outcome', 'accepted, rejected, cancelled or empty', JSON.stringify(row.outcome.slice(0, 60)));
  }
  const reviews: Review[] = [];
  if (outcome === 'accepted' || outcome === 'rejected') {
    reviews.push({
      tier: row.tier || 'review',
      reviewer: row.reviewer || null,
      rejected: outcome === 'rejected',
      seconds: (row.review_seconds ?? '') === '' ? null : checkSeconds(row.review_seconds, file, record, 'review_seconds'),
    });
  }
  return {
    annotator: row.annotator,
    item: row.item,
    itemType: row.item_type || 'item',
    pool: row.pool || 'annotators',
    seconds,
    endMs,
    cancelled: outcome === 'cancelled',
    label: row.label || null,
    reviews,
  };
}
