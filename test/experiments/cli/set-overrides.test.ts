import { describe, expect, it } from 'vitest';
import { labelsim, snapshot, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';

describe('--set path=value', () => {
  it('refuses a value that is not YAML with one line naming the override, exit code 2, nothing written', () => {
    const out = tempDir('set-yaml');
    for (const command of [['run', FILE, '-r', '1', '--out', out], ['solve', FILE, '--target', 'on-time=0.5', '-r', '1'], ['sensitivity', FILE, '-r', '1', '--out', out]]) {
      const r = labelsim([...command, '--set', 'pools.annotators.headcount=[1, 2']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^labelsim: --set pools\.annotators\.headcount: expected a YAML value after '=', like 16, 5% or \[a, b\]; .+\n$/);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect(snapshot(out)).toEqual({});
  });
});
