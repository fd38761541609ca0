import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../../experiments/run/record-log.js';
import { internalPaths, labelsim, snapshot, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const RUN = ['run', FILE, '--replications', '3', '--workers', '1', '--quiet'];

/** The record line format, version 2: the record's JSON with a checksum of it last (sha256, 16 hex digits). */
function signed(record: Record<string, unknown>): string {
  const { check: _drop, ...fields } = record;
  const body = JSON.stringify(fields);
  return `${body.slice(0, -1)},"check":"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"}`;
}

/** A finished run of 3 replications x 3 plans, moved back into its staging folder, as if it had been interrupted after its last record. */
function interruptedRun(): { out: string; records: string; lines: string[]; reference: Buffer } {
  const out = tempDir('records');
  expect(labelsim([...RUN, '--out', out]).code).toBe(0);
  const reference = fs.readFileSync(path.join(out, 'small-project', 'summary.json'));
  const { staging, records } = internalPaths(out, 'small-project');
  fs.mkdirSync(path.dirname(staging), { recursive: true });
  fs.renameSync(path.join(out, 'small-project'), staging);
  return { out, records, lines: fs.readFileSync(records, 'utf8').trim().split('\n'), reference };
}

describe('the record log', () => {
  it('skips a garbage line in the middle and keeps every good record after it', () => {
    const dir = tempDir('garbage');
    const { records, lines } = interruptedRun();
    const file = path.join(dir, 'replications.jsonl');
    fs.writeFileSync(file, [lines[0], lines[1], '{"plan": garbage', lines[2], lines[3]].join('\n') + '\n');
    expect(readRecords(file).map((r) => r.replication)).toEqual([0, 1, 2, 0]);
    expect(fs.existsSync(records)).toBe(true);
  });
});

describe('records that cannot be trusted', () => {
  it('are skipped, counted and named by line on --resume, never the good ones after them; their replications run again to the summary of a clean run', () => {
    const { out, records, lines, reference } = interruptedRun();
    const first = JSON.parse(lines[0]) as { plan: string; replication: number; row: number[] };
    const edited = lines[4].replace(/,(\d+(\.\d+)?),/, (_m, x: string) => `,${Number(x) + 1},`);
    expect(edited).not.toBe(lines[4]);
    const tampered = [
      lines[0],
      'this is not a record',
      lines[1],
      'null',
      lines[2],
      signed({ ...first, replication: 999, row: [999, ...first.row.slice(1)] }),
      signed({ ...first, replication: 1.5, row: [1.5, ...first.row.slice(1)] }),
      signed({ ...first, replication: -1, row: [-1, ...first.row.slice(1)] }),
      signed({ ...first, row: first.row.slice(0, 10) }),
      lines[3],
      edited,
      ...lines.slice(5),
    ];
    fs.writeFileSync(records, tampered.join('\n') + '\n');

    const resumed = labelsim([...RUN, '--resume', '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const warning = resumed.stderr.split('\n').filter((l) => l.includes('skipped'));
    expect(warning).toHaveLength(1);
    expect(warning[0]).toMatch(/^labelsim: warning: .*replications\.jsonl: skipped 7 line\(s\) that are not records of this run \(.*line 2: not JSON; .*line 4: not a record; .*line 6: replication 999 is not one of this run's 0 to 2; .*line 7: replication 1\.5 is not one of this run's 0 to 2; .*line 8: replication -1 is not one of this run.s 0 to 2; and 2 more\); their replications run again$/);
    expect(fs.readFileSync(path.join(out, 'small-project', 'summary.json')).equals(reference)).toBe(true);
    // The published log holds each replication once, every line a record.
    const published = fs.readFileSync(path.join(out, 'small-project', 'replications.jsonl'), 'utf8').trim().split('\n');
    expect(published).toHaveLength(9);
    expect(readRecords(path.join(out, 'small-project', 'replications.jsonl'))).toHaveLength(9);
  });

  it('are refused, in one line, when the manifest names another record format or layout: resume, merge and report', () => {
    const { out, records } = interruptedRun();
    const manifestFile = path.join(path.dirname(records), 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, recordFormat: 1 }));
    const before = snapshot(out);
    const resumed = labelsim([...RUN, '--resume', '--out', out]);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toMatch(/^labelsim: .*manifest\.json: cannot resume records of format 1 \(this labelsim reads format 2\); run the experiment again with this version\n$/);
    expect(snapshot(out)).toEqual(before);

    // Another layout: a plan's columns are not the ones this version writes.
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, columns: { ...manifest.columns, base: manifest.columns.base.slice(1) } }));
    const other = labelsim([...RUN, '--resume', '--out', out]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/^labelsim: .*cannot resume the records of plan "base" have other columns than this labelsim writes/);

    const shards = [0, 1].map((i) => {
      const dir = tempDir(`old-shard-${i}`);
      expect(labelsim([...RUN, '--shard', `${i}/2`, '--out', dir]).code).toBe(0);
      return path.join(dir, `small-project.shard-${i}-of-2`);
    });
    const shardManifest = path.join(shards[1], 'manifest.json');
    const m = JSON.parse(fs.readFileSync(shardManifest, 'utf8'));
    delete m.recordFormat;
    fs.writeFileSync(shardManifest, JSON.stringify(m));
    const merged = labelsim(['merge', ...shards, '--out', tempDir('merge-old')]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/^labelsim: .*manifest\.json: cannot merge records of format 1 \(this labelsim reads format 2\)/);

    const published = tempDir('report-old');
    expect(labelsim([...RUN, '--out', published]).code).toBe(0);
    const publishedManifest = path.join(published, 'small-project', 'manifest.json');
    fs.writeFileSync(publishedManifest, JSON.stringify({ ...JSON.parse(fs.readFileSync(publishedManifest, 'utf8')), recordFormat: 1 }));
    const reported = labelsim(['report', path.join(published, 'small-project')]);
    expect(reported.code).toBe(2);
    expect(reported.stderr).toMatch(/^labelsim: .*manifest\.json: cannot report on records of format 1/);
  });

  it('with a duplicated line give a report that counts each replication once, as the summary does', () => {
    const out = tempDir('dup-line');
    expect(labelsim([...RUN, '--out', out]).code).toBe(0);
    const folder = path.join(out, 'small-project');
    const file = path.join(folder, 'replications.jsonl');
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    fs.writeFileSync(file, [...lines, lines[0], lines[1], lines[0]].join('\n') + '\n');
    const r = labelsim(['report', folder]);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(fs.readFileSync(path.join(folder, 'report-data.json'), 'utf8'));
    for (const plan of data.plans) {
      expect(plan.completionHours.length + plan.notFinished).toBe(3);
      expect(plan.unitCosts).toHaveLength(3);
    }
    const csv = fs.readFileSync(path.join(folder, 'replication-measures.csv'), 'utf8').trim().split('\n').slice(1);
    expect(new Set(csv.map((l) => l.split(',').slice(3, 5).join(':'))).size).toBe(9);
    expect(csv.filter((l) => l.split(',')[5] === 'completed')).toHaveLength(9);
  });
});
