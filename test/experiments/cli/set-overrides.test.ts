import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultName } from '../../../experiments/run/overrides.js';
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

  it('names a misspelt entry in the path as the typo, instead of making a new entry the file lacks', () => {
    const out = tempDir('set-typo');
    const r = labelsim(['run', FILE, '-r', '1', '--out', out, '--set', 'pools.annotatrs.headcount=4']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe(`labelsim: ${FILE}: --set pools.annotatrs.headcount: expected one of the file's pools (did you mean annotators?), got "annotatrs", which the file lacks\n`);
    expect(snapshot(out)).toEqual({});
  });
});

describe('an invalid value given by --set', () => {
  const refused = (...sets: string[]) => {
    const out = tempDir('set-blame');
    const r = labelsim(['run', FILE, '-r', '1', '--out', out, ...sets.flatMap((s) => ['--set', s])]);
    expect(r.code, r.stderr).toBe(2);
    expect(snapshot(out)).toEqual({});
    return r.stderr;
  };

  it('is blamed on the --set, not on the file, which does not hold it', () => {
    expect(refused('pools.annotators.headcont=4')).toBe(`labelsim: ${FILE}: --set pools.annotators.headcont: expected a known field (did you mean headcount?), got unknown field "headcont"\n`);
    expect(refused('pools.annotators.headcount=-1', 'stages.review.sample=20%')).toBe(`labelsim: ${FILE}: --set pools.annotators.headcount: expected a headcount: an integer >= 0, got -1\n`);
  });

  it('names the --set and the field inside its value that is wrong', () => {
    expect(refused('pools.annotators.learning={initialFactor: 0.5}')).toBe(
      `labelsim: ${FILE}: --set pools.annotators.learning (at pools.annotators.learning.initialFactor): expected a factor >= 1, got 0.5\n`,
    );
  });

  it('leaves an error of the file itself on the file, whatever is set beside it', () => {
    const dir = tempDir('set-file-error');
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, fs.readFileSync(FILE, 'utf8').replace('speedCv: 0.2', 'speedCv: -1'));
    const r = labelsim(['run', file, '-r', '1', '--out', dir, '--set', 'pools.annotators.headcount=4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`labelsim: ${file}: pools.annotators.speedCv: expected a coefficient of variation: a number >= 0, got -1\n`);
  });
});

describe('a run with --set overrides', () => {
  it('says so in its first line, records them in the manifest and the report header, and writes a folder of its own, leaving the file\'s result as it is', () => {
    const out = tempDir('set-folder');
    const plain = labelsim(['run', FILE, '-r', '2', '-w', '1', '--quiet', '--out', out]);
    expect(plain.code, plain.stderr).toBe(0);
    const before = snapshot(path.join(out, 'small-project'));

    const r = labelsim(['run', FILE, '-r', '2', '-w', '1', '--out', out, '--set', 'pools.annotators.headcount=5', '--set', 'stages.review.sample=<b>30%']);
    expect(r.code).toBe(2); // a share that is no share: refused before anything is written
    expect(snapshot(path.join(out, 'small-project'))).toEqual(before);

    const ok = labelsim(['run', FILE, '-r', '2', '-w', '1', '--out', out, '--set', 'pools.annotators.headcount=5', '--set', 'description=<b>bold</b>']);
    expect(ok.code, ok.stderr).toBe(0);
    const name = resultName('small-project', [{ path: 'pools.annotators.headcount', value: 5 }, { path: 'description', value: '<b>bold</b>' }]);
    expect(name).toMatch(/^small-project\.set-[0-9a-f]{8}$/);
    const first = ok.stderr.split('\n')[0];
    expect(first).toContain('with --set pools.annotators.headcount=5, description="<b>bold</b>"');
    expect(first).toContain(`(writes ${path.join(out, name)}, leaving ${path.join(out, 'small-project')} as it is)`);
    expect(snapshot(path.join(out, 'small-project'))).toEqual(before);

    const manifest = JSON.parse(fs.readFileSync(path.join(out, name, 'manifest.json'), 'utf8'));
    expect(manifest.overrides).toEqual([{ path: 'pools.annotators.headcount', value: 5 }, { path: 'description', value: '<b>bold</b>' }]);
    const html = fs.readFileSync(path.join(out, name, 'report.html'), 'utf8');
    expect(html).toContain('<dt>Overrides (--set)</dt><dd><code>pools.annotators.headcount=5</code> <code>description=&quot;&lt;b&gt;bold&lt;/b&gt;&quot;</code></dd>');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'small-project', 'manifest.json'), 'utf8')).overrides).toBeUndefined();
  });

  it('merges its shards into its own folder', () => {
    const out = tempDir('set-shards');
    const set = ['--set', 'pools.annotators.headcount=5'];
    for (const shard of ['0/2', '1/2']) expect(labelsim(['run', FILE, '-r', '2', '-w', '1', '--quiet', '--shard', shard, '--out', out, ...set]).code).toBe(0);
    const name = resultName('small-project', [{ path: 'pools.annotators.headcount', value: 5 }]);
    const merged = tempDir('set-merged');
    const r = labelsim(['merge', path.join(out, `${name}.shard-0-of-2`), path.join(out, `${name}.shard-1-of-2`), '--out', merged]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(merged).filter((f) => !f.startsWith('.'))).toEqual([name]);
  });
});
