import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outputFolder } from '../../../experiments/run/output-folder.js';

describe('the output folder of an experiment', () => {
  it('lies inside the output root, with its staging, lock and previous folders, whatever the name; or the name is refused', () => {
    const root = path.resolve('/tmp/labelsim-root/out');
    const inside = (p: string) => path.dirname(p) === root;
    const name = fc.oneof(
      fc.string(),
      fc.constantFrom('..', '.', '../../etc', 'a/../..', '/etc/passwd', 'x/..', '..\\..', '.x', 'x.', '%2e%2e', '\u0000', 'C:\\Windows'),
      fc.array(fc.constantFrom('..', '.', '/', 'a', '\\', 'etc'), { maxLength: 8 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(name, (n) => {
        let folder;
        try {
          folder = outputFolder(root, n);
        } catch (error) {
          expect(String(error)).toMatch(/would write outside/);
          return;
        }
        for (const p of [folder.final, folder.staging, folder.lock, folder.previous]) expect(inside(p), `${JSON.stringify(n)} -> ${p}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
