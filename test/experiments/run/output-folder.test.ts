import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outputFolder } from '../../../experiments/run/output-folder.js';
import { labelsim, snapshot, tempDir } from '../../support/cli.js';

const root = path.resolve('/tmp/labelsim-root/out');
const folderOf = (n: string) => {
  try {
    return outputFolder(root, n);
  } catch (error) {
    expect(String(error)).toMatch(/would write outside/);
    return null;
  }
};
const names = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/),
  fc.constantFrom('..', '.', '../../etc', 'a/../..', '/etc/passwd', 'x/..', '..\\..', '.x', 'x.', '%2e%2e', '\u0000', 'C:\\Windows', 'small', '.small.incomplete', '.small.lock', '.small.previous', 'small.lock', 'small.incomplete', '.labelsim'),
  fc.array(fc.constantFrom('..', '.', '/', 'a', '\\', 'etc', '.lock', '.incomplete', '.previous', 'small'), { maxLength: 8 }).map((parts) => parts.join('')),
);

describe('the output folder of an experiment', () => {
  it('lies inside the output root, with its staging, lock and previous folders, whatever the name; or the name is refused', () => {
    const inside = (p: string) => {
      const r = path.relative(root, p);
      return r !== '' && !path.isAbsolute(r) && !r.split(path.sep).includes('..');
    };
    fc.assert(
      fc.property(names, (n) => {
        const folder = folderOf(n);
        if (folder === null) return;
        for (const p of [folder.final, folder.staging, folder.lock, folder.previous]) expect(inside(p), `${JSON.stringify(n)} -> ${p}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("never shares a path with another experiment's folder, staging folder, lock or previous result", () => {
    fc.assert(
      fc.property(names, names, (a, b) => {
        fc.pre(a !== b);
        const fa = folderOf(a);
        const fb = folderOf(b);
        if (fa === null || fb === null) return;
        const own = (f: NonNullable<typeof fa>) => [f.final, f.staging, f.lock, f.previous];
        for (const p of own(fa)) for (const q of own(fb)) expect(p === q || p.startsWith(q + path.sep) || q.startsWith(p + path.sep), `${a}: ${p} vs ${b}: ${q}`).toBe(false);
      }),
      { numRuns: 3000 },
    );
    // The collisions found by hand: each pair resolves to separate places.
    for (const [a, b] of [['small', '.small.incomplete'], ['x', '.x.lock'], ['x', '.x.previous']]) {
      const fa = folderOf(a);
      const fb = folderOf(b);
      if (fa !== null && fb !== null) expect([fb.final, fb.staging, fb.lock, fb.previous]).not.toContain(fa.staging);
    }
  });

  it("refuses an experiment named like labelsim's own folders (beginning with '.'), naming the field, and writes nothing", () => {
    const out = tempDir('dot-name');
    fs.mkdirSync(path.join(out, 'files'));
    const before = snapshot(out);
    for (const name of ['.small-project.incomplete', '.x.lock', '.x.previous', '.labelsim']) {
      const file = path.join(out, 'files', 'dot.yaml');
      const text = fs.readFileSync('test/experiments/fixtures/small-project.yaml', 'utf8').replace(/^name: .*$/m, `name: "${name}"`);
      fs.writeFileSync(file, text);
      const r = labelsim(['run', file, '--replications', '1', '--quiet', '--out', out]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^labelsim: .*dot\.yaml: name: expected a name .*does not begin with '\.'/);
      fs.rmSync(file);
    }
    expect(snapshot(out)).toEqual(before);
  });
});
