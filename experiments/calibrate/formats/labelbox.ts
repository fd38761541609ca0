import fs from 'node:fs';
import readline from 'node:readline';
import { checkSeconds, describe, ExportError, idText, type Annotation, type Review } from '../annotation.js';
import { TimestampReader } from '../timestamps.js';
import type { ReadCounts } from './read-counts.js';

/**
 * Labelbox's export (export v2 and later, as the SDK's `export()` streams it): NDJSON, one data row
 * per line, its labels under `projects.<project id>.labels[]` (Labelbox's export glossary). Per
 * label this reads `label_details.created_by` (the labeller's email), `label_details.created_at`,
 * `performance_details.seconds_to_create` (the labeller's timer), `seconds_to_review` and
 * `skipped`, the reviews in `label_details.reviews[]` (`review_action` Approve or Reject,
 * `reviewed_by`), and the first classification's answer for agreement (consensus projects put
 * several labels on one data row). The item type is `media_attributes.mime_type` when present.
 *
 * Lines are read one at a time (node:readline); the file is never held whole.
 */
export async function* readLabelbox(file: string, counts: ReadCounts): AsyncGenerator<Annotation> {
  const times = new TimestampReader(file);
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch (error) {
        const first = line.trimStart()[0];
        const hint = first === '[' ? ' (a JSON list: is this a Label Studio export? try --format label-studio)' : '';
        throw new ExportError(file, `line ${lineNo}`, '', `one JSON object per line (Labelbox NDJSON export)${hint}`, (error as Error).message.split('\n')[0]);
      }
      counts.records++;
      yield* labelsOf(row, lineNo, file, times, counts);
    }
  } finally {
    lines.close();
  }
}

function* labelsOf(row: unknown, lineNo: number, file: string, times: TimestampReader, counts: ReadCounts): Generator<Annotation> {
  const line = `line ${lineNo}`;
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new ExportError(file, line, '', 'a data row: a mapping with data_row and projects', describe(row));
  const r = row as Record<string, unknown>;
  const dataRow = r.data_row as Record<string, unknown> | undefined;
  if (dataRow === undefined || dataRow === null || typeof dataRow !== 'object') throw new ExportError(file, line, 'data_row', 'a mapping with the data row id (Labelbox export)', describe(dataRow));
  const item = idText(dataRow.id, file, line, 'data_row.id');
  const record = `line ${lineNo} (data row ${item})`;
  const projects = r.projects as Record<string, unknown> | undefined;
  if (projects === undefined || projects === null || typeof projects !== 'object') throw new ExportError(file, record, 'projects', 'a mapping of project id to { labels } (export with project details)', describe(projects));
  const media = (r.media_attributes ?? {}) as Record<string, unknown>;
  const itemType = typeof media.mime_type === 'string' && media.mime_type !== '' ? media.mime_type : 'data row';
  let seen = 0;
  for (const [projectId, project] of Object.entries(projects)) {
    const labels = (project as Record<string, unknown> | null)?.labels;
    if (!Array.isArray(labels)) throw new ExportError(file, record, `projects.${projectId}.labels`, 'a list of labels', describe(labels));
    for (let j = 0; j < labels.length; j++) {
      const at = `${record}, projects.${projectId}.labels[${j}]`;
      const label = (labels[j] ?? {}) as Record<string, unknown>;
      const details = label.label_details as Record<string, unknown> | undefined;
      const perf = label.performance_details as Record<string, unknown> | undefined;
      if (details === undefined || details === null) throw new ExportError(file, at, 'label_details', 'a mapping (export with label_details: true)', describe(details));
      if (perf === undefined || perf === null) throw new ExportError(file, at, 'performance_details', 'a mapping with seconds_to_create (export with performance_details: true)', describe(perf));
      const annotator = idText(details.created_by, file, at, 'label_details.created_by');
      const seconds = checkSeconds(perf.seconds_to_create, file, at, 'performance_details.seconds_to_create');
      const reviewSeconds = perf.seconds_to_review === undefined || perf.seconds_to_review === null ? null : checkSeconds(perf.seconds_to_review, file, at, 'performance_details.seconds_to_review');
      const endMs = times.read(details.created_at, at, 'label_details.created_at');
      counts.annotations++;
      seen++;
      yield {
        annotator,
        item,
        itemType,
        pool: 'annotators',
        seconds,
        endMs,
        cancelled: perf.skipped === true,
        label: classOf(label.annotations),
        reviews: reviewsOf(details.reviews, reviewSeconds, file, at),
      };
    }
  }
  if (seen === 0) counts.recordsWithoutAnnotations++;
}

function classOf(annotations: unknown): string | null {
  const classifications = (annotations as Record<string, unknown> | undefined)?.classifications;
  if (!Array.isArray(classifications) || classifications.length === 0) return null;
  const c = classifications[0] as Record<string, unknown>;
  const radio = c.radio_answer as Record<string, unknown> | undefined;
  if (radio && typeof radio.value === 'string') return radio.value;
  if (radio && typeof radio.name === 'string') return radio.name;
  return null;
}

function reviewsOf(value: unknown, reviewSeconds: number | null, file: string, record: string): Review[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ExportError(file, record, 'label_details.reviews', 'a list of reviews', describe(value));
  return value.map((r, k) => {
    const review = (r ?? {}) as Record<string, unknown>;
    const action = typeof review.review_action === 'string' ? review.review_action.toLowerCase() : review.review_action;
    if (action !== 'approve' && action !== 'reject') throw new ExportError(file, record, `label_details.reviews[${k}].review_action`, 'Approve or Reject', describe(review.review_action));
    return {
      tier: typeof review.step === 'string' && review.step !== '' ? review.step : 'review',
      reviewer: typeof review.reviewed_by === 'string' ? review.reviewed_by : null,
      rejected: action === 'reject',
      // Labelbox times review per label, not per review: the first review takes it.
      seconds: k === 0 ? reviewSeconds : null,
    };
  });
}
