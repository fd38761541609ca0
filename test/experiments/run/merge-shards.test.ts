import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalPaths, labelsim, snapshot, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const RUN = ['run', FILE, '--replications', '4', '--workers', '1', '--quiet'];

function shards(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const dir = tempDir(`shard-${i}`);
    const r = labelsim([...RUN, '--shard', `${i}/${count}`, '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    return path.join(dir, `small-project.shard-${i}-of-${count}`);
  });
}

describe('labelsim merge', () => {
  it('refuses an output root that holds an interrupted run, naming it and the command that resumes it, and keeps its records', () => {
    const out = tempDir('merge-into-interrupted');
    // A run stopped by a full disk after two batches: its records wait in the staging folder.
    const stopped = labelsim([...RUN, '--batch-size', '1', '--out', out], { LABELSIM_FAULT: 'enospc-after:2' });
    expect(stopped.code).toBe(4);
    const { staging } = internalPaths(out, 'small-project');
    const before = snapshot(staging);
    expect(Object.keys(before)).toContain('replications.jsonl');

    const r = labelsim(['merge', ...shards(3), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^labelsim: .*: an interrupted run of "small-project" is here \(2 records\) and merging would replace it; finish it with: labelsim run .*small-project\.yaml .*--resume/);
    expect(r.stderr).toContain(`--out ${out}`);
    expect(snapshot(staging)).toEqual(before);
    expect(fs.existsSync(path.join(out, 'small-project'))).toBe(false);
  });

  it('counts each replication once in the summary, the report data and the CSV when a shard is given twice, or a whole run beside its shards', () => {
    const whole = tempDir('whole');
    expect(labelsim([...RUN, '--out', whole]).code).toBe(0);
    const reference = fs.readFileSync(path.join(whole, 'small-project', 'summary.json'));
    const parts = shards(2);
    for (const dirs of [[...parts, parts[0]], [path.join(whole, 'small-project'), ...parts]]) {
      const out = tempDir('merged-twice');
      const r = labelsim(['merge', ...dirs, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const folder = path.join(out, 'small-project');
      expect(fs.readFileSync(path.join(folder, 'summary.json')).equals(reference)).toBe(true);
      const data = JSON.parse(fs.readFileSync(path.join(folder, 'report-data.json'), 'utf8'));
      for (const plan of data.plans) {
        expect(plan.completionHours.length + plan.notFinished).toBe(4);
        expect(plan.unitCosts).toHaveLength(4);
      }
      const measures = fs.readFileSync(path.join(folder, 'replication-measures.csv'), 'utf8').trim().split('\n').slice(1);
      expect(measures.filter((l) => l.split(',')[5] === 'completed')).toHaveLength(3 * 4);
      expect(fs.readFileSync(path.join(folder, 'replications.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3 * 4);
    }
  });

  it('refuses a shard whose manifest is garbage with one line naming it, exit code 2', () => {
    const parts = shards(2);
    for (const garbage of ['{not json', 'null', '[]', '{"experiment": 5}']) {
      fs.writeFileSync(path.join(parts[1], 'manifest.json'), garbage);
      const r = labelsim(['merge', ...parts, '--out', tempDir('merge-garbage')]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^labelsim: ${parts[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/manifest\\.json: .*expected the manifest written by labelsim run --shard i/n.*\\n$`));
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });
});
