import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelsim, snapshot, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const SMALL = ['-r', '2', '-w', '1'];

/** A folder holding one plain file, `a-file`, to give as an output folder that cannot be made. */
function fileInTheWay(): { dir: string; file: string } {
  const dir = tempDir('in-the-way');
  const file = path.join(dir, 'a-file');
  fs.writeFileSync(file, 'not a folder');
  return { dir, file };
}

describe('a study (sensitivity, marginal) saved beside a run', () => {
  for (const command of ['sensitivity', 'marginal']) {
    it(`${command}: refuses an output folder that cannot be made in one line with exit code 4, before simulating, writing nothing`, () => {
      const { dir, file } = fileInTheWay();
      const r = labelsim([command, FILE, ...SMALL, '--out', file]);
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toMatch(/^labelsim: cannot write .*a-file\/\.labelsim: a part of the path is a file, not a folder \(ENOTDIR\); choose another --out and run again; nothing was written\n$/);
      expect(snapshot(dir)).toEqual({ 'a-file': Buffer.from('not a folder').toString('base64') });
    });
  }

  it('says when no run is there yet, so no report shows the study', () => {
    const out = tempDir('study-alone');
    const r = labelsim(['sensitivity', FILE, ...SMALL, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`labelsim: warning: no run of this experiment in ${path.join(out, 'small-project')} yet, so no report shows sensitivity.json: run \`labelsim run ${FILE}\` and then this command again`);
  });

  it('says when the run there was made from another version of the plan, and is quiet when it is the same', () => {
    const out = tempDir('study-stale');
    expect(labelsim(['run', FILE, ...SMALL, '--quiet', '--out', out]).code).toBe(0);
    const same = labelsim(['marginal', FILE, ...SMALL, '--out', out]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).not.toContain('warning');
    const changed = path.join(out, 'small-project.yaml');
    fs.writeFileSync(changed, fs.readFileSync(FILE, 'utf8').replace('headcount: 3', 'headcount: 6'));
    const r = labelsim(['marginal', changed, ...SMALL, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('labelsim: warning: the run in ');
    expect(r.stderr).toContain(`was made from another version of plan "base" than the file's now: its report shows this study beside that run's figures; run \`labelsim run ${changed}\` and then this command again`);
  });
});

describe('pages and calibrations written where no folder is', () => {
  it('compare --html into a folder that does not exist: one line naming the file, exit code 4', () => {
    const out = tempDir('compare-nowhere');
    expect(labelsim(['run', FILE, ...SMALL, '--quiet', '--out', out]).code).toBe(0);
    const run = path.join(out, 'small-project');
    const page = path.join(tempDir('nowhere'), 'missing', 'c.html');
    const r = labelsim(['compare', run, run, '--html', page]);
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toBe(`labelsim: cannot write ${page}: its folder does not exist (ENOENT); create the folder or choose another path and run again; nothing was written\n`);
  });

  it('calibrate --out a file: one line, exit code 4, writing nothing', () => {
    const { dir, file } = fileInTheWay();
    const r = labelsim(['calibrate', 'experiments/pilot/pilot-export.csv', '--out', file]);
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toMatch(/^labelsim: cannot write .*a-file: a file is in the way \(EEXIST\); remove it or choose another --out and run again; nothing was written\n$/);
    expect(snapshot(dir)).toEqual({ 'a-file': Buffer.from('not a folder').toString('base64') });
  });
});
