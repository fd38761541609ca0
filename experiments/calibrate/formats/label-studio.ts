import fs from 'node:fs';
import streamArray from 'stream-json/streamers/stream-array.js';
import { checkSeconds, describe, ExportError, idText, type Annotation, type Review } from '../annotation.js';
import { TimestampReader } from '../timestamps.js';
import type { ReadCounts } from './read-counts.js';

/**
 * Label Studio's JSON export: a list of tasks, each with `annotations` (Label Studio's task format,
 * labelstud.io/guide/task_format). Per annotation this reads `completed_by` (a user id, or an
 * object with `id`/`email` in newer versions), `lead_time` (seconds the annotation was open in the
 * editor), `created_at`, `was_cancelled` (skipped), the first result's choice or label (for
 * agreement), and, where Label Studio Enterprise's review workflow wrote them, `reviews[]` with
 * `accepted` and `created_by`. The item type is `data.item_type` when the task data has one.
 *
 * The file is parsed as a stream of tasks (stream-json): a 1 GB export is never held whole, only
 * one task at a time.
 */
export async function* readLabelStudio(file: string, counts: ReadCounts): AsyncGenerator<Annotation> {
  const times = new TimestampReader(file);
  const pipeline = fs.createReadStream(file).pipe(streamArray.withParserAsStream({ streamValues: false }));
  let index = -1;
  try {
    for await (const { value } of pipeline as AsyncIterable<{ key: number; value: unknown }>) {
      index++;
      counts.records++;
      yield* annotationsOf(value, index, file, times, counts);
    }
  } catch (error) {
    if (error instanceof ExportError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const what = /top-level object should be an array/i.test(message) ? 'a JSON list of tasks (a Label Studio JSON export), got something else at the top' : message.split('\n')[0];
    throw new ExportError(file, index < 0 ? '' : `after task element ${index}`, '', 'a Label Studio JSON export (a JSON list of tasks)', what);
  } finally {
    pipeline.destroy();
  }
}

function* annotationsOf(task: unknown, index: number, file: string, times: TimestampReader, counts: ReadCounts): Generator<Annotation> {
  const where = `task element ${index}`;
  if (task === null || typeof task !== 'object' || Array.isArray(task)) throw new ExportError(file, where, '', 'a task: a mapping with id, data and annotations', describe(task));
  const t = task as Record<string, unknown>;
  const taskId = t.id === undefined ? String(index) : idText(t.id, file, where, 'id');
  const record = `task ${taskId} (element ${index})`;
  if (!Array.isArray(t.annotations)) throw new ExportError(file, record, 'annotations', 'a list of annotations (Label Studio JSON export, not JSON-MIN or CSV)', describe(t.annotations));
  if (t.annotations.length === 0) {
    counts.recordsWithoutAnnotations++;
    return;
  }
  const data = (t.data ?? {}) as Record<string, unknown>;
  const itemType = typeof data.item_type === 'string' && data.item_type !== '' ? data.item_type : 'task';
  for (let j = 0; j < t.annotations.length; j++) {
    const a = t.annotations[j] as Record<string, unknown>;
    const at = `${record}, annotations[${j}]${a && a.id !== undefined ? ` (id ${String(a.id)})` : ''}`;
    if (a === null || typeof a !== 'object') throw new ExportError(file, at, '', 'an annotation: a mapping', describe(a));
    const annotator = userOf(a.completed_by, file, at, 'completed_by');
    const seconds = checkSeconds(a.lead_time, file, at, 'lead_time');
    const endMs = times.read(a.created_at, at, 'created_at');
    counts.annotations++;
    yield {
      annotator,
      item: taskId,
      itemType,
      pool: 'annotators',
      seconds,
      endMs,
      cancelled: a.was_cancelled === true,
      label: labelOf(a.result),
      reviews: reviewsOf(a.reviews, file, at),
    };
  }
}

function userOf(value: unknown, file: string, record: string, field: string): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const u = value as Record<string, unknown>;
    if (typeof u.email === 'string' && u.email !== '') return u.email;
    return idText(u.id, file, record, `${field}.id`);
  }
  return idText(value, file, record, field);
}

/** The first result's chosen class (choices, labels, rectanglelabels, ...), as text. */
function labelOf(result: unknown): string | null {
  if (!Array.isArray(result) || result.length === 0) return null;
  const value = (result[0] as Record<string, unknown> | null)?.value as Record<string, unknown> | undefined;
  if (value === undefined || value === null) return null;
  for (const [key, v] of Object.entries(value)) {
    if ((key === 'choices' || key.endsWith('labels')) && Array.isArray(v)) return v.map(String).sort().join('|');
  }
  return null;
}

function reviewsOf(value: unknown, file: string, record: string): Review[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ExportError(file, record, 'reviews', 'a list of reviews', describe(value));
  return value.map((r, k) => {
    const review = (r ?? {}) as Record<string, unknown>;
    if (typeof review.accepted !== 'boolean') throw new ExportError(file, record, `reviews[${k}].accepted`, 'true or false', describe(review.accepted));
    return {
      tier: 'review',
      reviewer: review.created_by === undefined || review.created_by === null ? null : userOf(review.created_by, file, record, `reviews[${k}].created_by`),
      rejected: !review.accepted,
      seconds: null,
    };
  });
}
