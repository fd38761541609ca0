import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../experiments/calibrate/annotation.js';
import { calibrate } from '../../../experiments/calibrate/calibrate.js';
import { detectFormat, readExport, type ExportFormat } from '../../../experiments/calibrate/formats/index.js';
import { emptyCounts } from '../../../experiments/calibrate/formats/read-counts.js';
import { OPTIONS } from './options.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

async function read(file: string, format: ExportFormat) {
  const counts = emptyCounts();
  const all: Annotation[] = [];
  for await (const a of readExport(path.join(FIXTURES, file), format, counts)) all.push(a);
  return { counts, all };
}


describe('reading Label Studio JSON exports', () => {
  it('reads every task and annotation, counting the task nobody labelled', async () => {
    const { counts, all } = await read('label-studio-export.json', 'label-studio');
    expect(counts).toEqual({ records: 9, recordsWithoutAnnotations: 1, annotations: 10 });
    expect(all[0]).toEqual({
      annotator: '12',
      item: '101',
      itemType: 'frame',
      pool: 'annotators',
      seconds: 31.482,
      endMs: Date.parse('2026-03-09T09:01:44.728Z'),
      cancelled: false,
      label: 'stop',
      reviews: [{ tier: 'review', reviewer: '3', rejected: false, seconds: null }],
    });
    // completed_by as an object names the person by email; an offset is honoured
    expect(all[1].annotator).toBe('ana@example.com');
    expect(all[2].endMs).toBe(Date.parse('2026-03-09T08:02:30.5Z'));
    expect(all.filter((a) => a.cancelled)).toHaveLength(1);
  });

  it('classifies the rejected and redone task as a first pass and a rework, the two labels of task 101 as consensus', async () => {
    const s = await calibrate({ ...OPTIONS, files: [path.join(FIXTURES, 'label-studio-export.json')] });
    expect(s).toMatchObject({ annotations: 10, items: 8, annotators: 4, cancelled: 1, firstPasses: 8, reworks: 1 });
    // the 2,412 s annotation is trimmed as idle time
    expect(s.trim.total).toBe(1);
    expect(s.handling.n).toBe(7);
    expect(s.agreement).toMatchObject({ items: 1, pairwise: 1 });
    expect(s.review.tiers).toEqual([expect.objectContaining({ name: 'review', reviews: 3, rejected: 1 })]);
  });
});

describe('reading Labelbox NDJSON exports', () => {
  it('reads the labels of every data row under projects.<id>.labels, counting the row without labels', async () => {
    const { counts, all } = await read('labelbox-export.ndjson', 'labelbox');
    expect(counts).toEqual({ records: 4, recordsWithoutAnnotations: 1, annotations: 5 });
    expect(all[0]).toMatchObject({ annotator: 'kim@example.com', item: 'clf9spzxq029m071nehy60a6v', itemType: 'image/jpeg', seconds: 36, label: 'clear', cancelled: false });
    expect(all[0].reviews).toEqual([{ tier: 'review', reviewer: 'lead@example.com', rejected: false, seconds: 4.5 }]);
    expect(all[2].reviews[0].rejected).toBe(true);
    expect(all[4].cancelled).toBe(true);
  });

  it('finds the disagreeing consensus pair and the rework', async () => {
    const s = await calibrate({ ...OPTIONS, files: [path.join(FIXTURES, 'labelbox-export.ndjson')] });
    expect(s).toMatchObject({ annotations: 5, items: 3, cancelled: 1, firstPasses: 3, reworks: 1 });
    expect(s.agreement).toMatchObject({ items: 1, labels: 2, pairwise: 0 });
  });
});

describe('reading the labelsim CSV', () => {
  it('takes seconds from the seconds column or from end - start, and outcomes with their tier', async () => {
    const { counts, all } = await read('annotations.csv', 'csv');
    expect(counts).toEqual({ records: 6, recordsWithoutAnnotations: 0, annotations: 6 });
    expect(all.map((a) => a.seconds)).toEqual([41, 38.5, 52, 20, 300, 4]);
    expect(all[0]).toMatchObject({ annotator: 'ana', pool: 'in-house', itemType: 'image', label: 'car', reviews: [{ tier: 'qa', reviewer: 'rui', rejected: false, seconds: 5 }] });
    expect(all[5].cancelled).toBe(true);
  });

  it('groups by pool and by item type from the columns', async () => {
    const byPool = await calibrate({ ...OPTIONS, by: 'pool', files: [path.join(FIXTURES, 'annotations.csv')] });
    expect(byPool.fragment).toMatch(/in-house:\n\s+headcount: 1/);
    expect(byPool.fragment).toMatch(/vendor:\n\s+headcount: 1/);
    const byType = await calibrate({ ...OPTIONS, by: 'item-type', files: [path.join(FIXTURES, 'annotations.csv')] });
    expect(byType.fragment).toMatch(/work:\n\s+image:\n\s+complexity: 1\n/);
    expect(byType.fragment).toMatch(/document:\n\s+complexity: [\d.]+/);
  });
});

describe('telling formats apart', () => {
  it('knows each sample by its first bytes', () => {
    expect(detectFormat(path.join(FIXTURES, 'label-studio-export.json'))).toBe('label-studio');
    expect(detectFormat(path.join(FIXTURES, 'labelbox-export.ndjson'))).toBe('labelbox');
    expect(detectFormat(path.join(FIXTURES, 'annotations.csv'))).toBe('csv');
  });
});
