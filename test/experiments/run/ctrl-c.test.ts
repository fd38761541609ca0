import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalPaths, interruptRun, labelsim, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';

describe('Ctrl-C during a run', () => {
  it('stops cleanly with exit code 130, keeps the records, and --resume completes to the uninterrupted summary', async () => {
    const reference = tempDir('ref');
    expect(labelsim(['run', FILE, '--replications', '30', '--quiet', '--out', reference]).code).toBe(0);

    const out = tempDir('sigint');
    const records = internalPaths(out, 'small-project').records;
    const { code, stderr } = await interruptRun(['run', FILE, '--replications', '30', '--workers', '1', '--batch-size', '1', '--out', out], records);
    expect(code).toBe(130);
    expect(stderr).toMatch(/Interrupted: finishing the batches in flight/);
    expect(stderr).toMatch(/Stopped\. Records so far are kept in .*; continue with: labelsim run .* --resume/);
    const kept = fs.readFileSync(records, 'utf8').trim().split('\n');
    kept.forEach((line) => expect(() => JSON.parse(line)).not.toThrow());
    expect(fs.existsSync(path.join(out, 'small-project'))).toBe(false);

    const resumed = labelsim(['run', FILE, '--replications', '30', '--resume', '--quiet', '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const a = fs.readFileSync(path.join(reference, 'small-project', 'summary.json'));
    const b = fs.readFileSync(path.join(out, 'small-project', 'summary.json'));
    expect(b.equals(a)).toBe(true);
  });

  it('stops cleanly in this thread too (--workers 0, a small run\'s default): the signal gets through between batches', async () => {
    const out = tempDir('sigint-in-thread');
    const records = internalPaths(out, 'small-project').records;
    const { code, stderr } = await interruptRun(['run', FILE, '--replications', '1000', '--workers', '0', '--batch-size', '1', '--out', out], records);
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/Interrupted: finishing the batches in flight/);
    const kept = fs.readFileSync(records, 'utf8').trim().split('\n').length;
    expect(kept).toBeGreaterThan(5);
    expect(kept).toBeLessThan(3000);
    expect(fs.existsSync(path.join(out, 'small-project'))).toBe(false);
  });
});

