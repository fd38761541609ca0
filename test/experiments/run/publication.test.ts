import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalPaths, labelsim, snapshot, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const RUN = ['run', FILE, '--replications', '2', '--workers', '1', '--quiet'];
const PLANS = ['base', 'same-again', 'plus-one'];

describe('publishing a run folder', () => {
  it('keeps the earlier result, and says so, when every replication of a rerun fails', () => {
    const out = tempDir('all-fail');
    expect(labelsim([...RUN, '--out', out]).code).toBe(0);
    const before = snapshot(path.join(out, 'small-project'));
    const everything = PLANS.flatMap((p) => [0, 1].map((k) => `${p}:${k}`)).join(',');
    const r = labelsim([...RUN, '--out', out], { LABELSIM_FAIL_ON: everything });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^labelsim: every one of the 6 replication\(s\) failed, so nothing was published and any earlier result is kept; the failures are recorded in /m);
    expect(snapshot(path.join(out, 'small-project'))).toEqual(before);
    // The failures wait in the staging folder: --resume tries them again.
    const resumed = labelsim([...RUN, '--resume', '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
  });

  it('never publishes a temporary file left by a write that a kill cut short', () => {
    const out = tempDir('stray-tmp');
    const stopped = labelsim([...RUN, '--batch-size', '1', '--out', out], { LABELSIM_FAULT: 'enospc-after:3' });
    expect(stopped.code).toBe(4);
    const { staging } = internalPaths(out, 'small-project');
    // What a kill during the atomic write of report.html leaves behind.
    fs.writeFileSync(path.join(staging, '.report.html.4242.tmp'), '<html>half a rep');
    fs.writeFileSync(path.join(staging, '.summary.json.77.tmp'), '{');
    const resumed = labelsim([...RUN, '--resume', '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const published = fs.readdirSync(path.join(out, 'small-project'));
    expect(published.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(published).toContain('report.html');
  });
});
