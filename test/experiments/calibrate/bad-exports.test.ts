import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../experiments/calibrate/calibrate.js';
import { labelsim, tempDir } from '../../support/cli.js';
import { OPTIONS } from './options.js';

const dir = tempDir('bad-exports');
function file(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}
const run = (f: string, format?: 'label-studio' | 'labelbox' | 'csv') => calibrate({ ...OPTIONS, files: [f], format });

const lsTask = (annotation: Record<string, unknown>) =>
  JSON.stringify([{ id: 7, data: {}, annotations: [{ id: 70, completed_by: 1, created_at: '2026-03-09T09:00:00Z', lead_time: 30, ...annotation }] }]);
const lbRow = (label: Record<string, unknown>) =>
  JSON.stringify({ data_row: { id: 'dr1' }, projects: { p1: { labels: [{ label_details: { created_by: 'a@x', created_at: '2026-03-09T09:00:00Z' }, performance_details: { seconds_to_create: 30 }, ...label }] } } }) + '\n';
const CSV_HEAD = 'annotator,item,end,seconds\n';

describe('bad exports are refused with the record and the field named', () => {
  it('a format that does not match the file', async () => {
    const f = file('tasks.json', lsTask({}));
    await expect(run(f, 'labelbox')).rejects.toThrow(/tasks\.json: expected a labelbox export \(--format labelbox\), got a file that begins as a JSON list \(a Label Studio export\): try --format label-studio/);
    await expect(run(file('notes.csv', CSV_HEAD + 'a,1,2026-03-09T09:00:00Z,3\n'), 'label-studio')).rejects.toThrow(/try --format csv/);
  });

  it('a JSON list that is not Label Studio tasks, and JSON that is cut off', async () => {
    await expect(run(file('rows.json', '[{"id": 1, "data": {}}]'))).rejects.toThrow(/rows\.json: task 1 \(element 0\): annotations: expected a list of annotations/);
    await expect(run(file('cut.json', lsTask({}).slice(0, 60)))).rejects.toThrow(/cut\.json: .*expected a Label Studio JSON export/);
  });

  it('missing fields', async () => {
    await expect(run(file('no-lead.json', lsTask({ lead_time: undefined })))).rejects.toThrow(/task 7 \(element 0\), annotations\[0\] \(id 70\): lead_time: expected a number of seconds, got nothing \(the field is missing\)/);
    await expect(run(file('no-perf.ndjson', lbRow({ performance_details: undefined })))).rejects.toThrow(/line 1 \(data row dr1\), projects\.p1\.labels\[0\]: performance_details: expected a mapping with seconds_to_create/);
    await expect(run(file('no-annotator.csv', 'item,end,seconds\n1,2026-03-09T09:00:00Z,3\n'))).rejects.toThrow(/line 1 \(header\): annotator: expected a column named annotator/);
    await expect(run(file('empty-cell.csv', CSV_HEAD + 'a,1,2026-03-09T09:00:00Z,3\n,2,2026-03-09T09:00:00Z,3\n'))).rejects.toThrow(/line 3: annotator: expected a value/);
  });

  it('negative and absurd times', async () => {
    await expect(run(file('negative.json', lsTask({ lead_time: -3.5 })))).rejects.toThrow(/lead_time: expected a number of seconds >= 0, got -3.5/);
    await expect(run(file('absurd.ndjson', lbRow({ performance_details: { seconds_to_create: 900000 } })))).rejects.toThrow(/performance_details\.seconds_to_create: expected at most 86400 seconds \(a day\): longer is not one annotation, got 900000/);
    await expect(run(file('backwards.csv', 'annotator,item,start,end\na,1,2026-03-09T10:00:00Z,2026-03-09T09:00:00Z\n'))).rejects.toThrow(/line 2: start: expected a time before end/);
  });

  it('mixed time zones: a local time without its offset after times with one', async () => {
    const f = file('zones.csv', CSV_HEAD + 'a,1,2026-03-09T09:00:00+01:00,3\na,2,2026-03-09T09:05:00,3\n');
    await expect(run(f)).rejects.toThrow(/zones\.csv: line 3: end: expected a timestamp with its UTC offset, like 2026-03-09T09:05:00Z or 2026-03-09T09:05:00\+02:00 \(the export mixes time zones: line 2 has one\), got "2026-03-09T09:05:00"/);
  });

  it('an export with nothing to fit: every annotation cancelled', async () => {
    const f = file('skipped.csv', 'annotator,item,end,seconds,outcome\na,1,2026-03-09T09:00:00Z,3,cancelled\na,2,2026-03-09T09:01:00Z,4,cancelled\n');
    await expect(run(f)).rejects.toThrow(/skipped\.csv: expected at least 2 first passes with a handling time to fit, got 0 after 2 cancelled, 0 rework and 0 trimmed of 2 annotations/);
  });

  it('the command line says it on one line and exits with code 2, writing nothing', () => {
    const out = path.join(dir, 'out');
    const r = labelsim(['calibrate', file('neg.json', lsTask({ lead_time: -1 })), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^labelsim: .*neg\.json: task 7 \(element 0\), annotations\[0\] \(id 70\): lead_time: expected a number of seconds >= 0, got -1/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
