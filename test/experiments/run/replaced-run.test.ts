import { describe, expect, it } from 'vitest';
import { labelsim, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';

describe('a run that takes the place of a larger one in its folder', () => {
  it('says so, even with --quiet, naming the plans and replications the earlier run had; a rerun that covers it says nothing', () => {
    const out = tempDir('replaced');
    expect(labelsim(['run', FILE, '-r', '3', '-w', '0', '--quiet', '--out', out]).code).toBe(0);
    const same = labelsim(['run', FILE, '-r', '3', '-w', '0', '--quiet', '--out', out]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toBe('');
    const quick = labelsim(['run', FILE, '-r', '2', '-p', 'base', '-w', '0', '--quiet', '--out', out]);
    expect(quick.code, quick.stderr).toBe(0);
    expect(quick.stderr).toMatch(
      /^labelsim: note: this run replaced the earlier one in \S+small-project, which had plans base, same-again, plus-one \(3 replications each; this one: base\); give a quick look its own --out to keep a full run\n$/,
    );
    const fewer = labelsim(['run', FILE, '-r', '1', '-p', 'base', '-w', '0', '--quiet', '--out', out]);
    expect(fewer.stderr).toContain('which had plan base (2 replications each; this one: base)');
  });
});
