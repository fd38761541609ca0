import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../../support/cli.js';

const CLI = path.join(REPO, 'dist', 'cli.js');

/** The command line run in another folder, as a user starting a project would. */
function inFolder(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('labelsim init (issue 17, item 12)', () => {
  it('writes a commented starter experiment that passes check and runs, with a team, a review tier, a deadline and two plans', () => {
    const dir = tempDir('init');
    const r = inFolder(dir, ['init', 'my-project']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Wrote my-project.yaml: experiment "my-project", two plans (base, one-more-annotator).\nNext: labelsim check my-project.yaml, then labelsim run my-project.yaml\n');
    const text = fs.readFileSync(path.join(dir, 'my-project.yaml'), 'utf8');
    expect(text).toMatch(/^name: my-project +#/m);
    expect(text).toMatch(/^deadline: \S+ +#/m);
    expect(text).toMatch(/^ {4}kind: review$/m);
    // Commented: nearly half the lines that set a field say why (the rest are plain structure).
    const fields = text.split('\n').filter((l) => /^\s*[a-zA-Z]+:/.test(l));
    expect(fields.filter((l) => l.includes('#')).length / fields.length).toBeGreaterThan(0.4);

    const check = inFolder(dir, ['check', 'my-project.yaml', '--json']);
    expect(check.code, check.stderr).toBe(0);
    const c = JSON.parse(check.stdout);
    expect(c.plans.map((p: { name: string }) => p.name)).toEqual(['base', 'one-more-annotator']);
    expect(c.deadlineHours).toBe(4 * 168);
    expect(c.plans[0].capacity.map((p: { pool: string }) => p.pool)).toEqual(['annotators', 'reviewers']);
    expect(c.plans.flatMap((p: { warnings: string[] }) => p.warnings)).toEqual([]);

    const run = inFolder(dir, ['run', 'my-project.yaml', '-r', '4', '-w', '0', '--json', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).plans).toHaveLength(2);
  });

  it('never overwrites a file, and refuses a name the file format does not allow', () => {
    const dir = tempDir('init-exists');
    fs.writeFileSync(path.join(dir, 'mine.yaml'), 'a day of work\n');
    const r = inFolder(dir, ['init', 'mine']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('labelsim: mine.yaml: expected a file that does not exist yet (labelsim init never overwrites), got an existing file\n');
    expect(fs.readFileSync(path.join(dir, 'mine.yaml'), 'utf8')).toBe('a day of work\n');
    // A name given with its extension is the file name.
    expect(inFolder(dir, ['init', 'other.yml']).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'other.yml'), 'utf8')).toMatch(/^name: other /m);

    const bad = inFolder(dir, ['init', '.hidden']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^labelsim: init: expected a name of letters, digits, .*, got "\.hidden"\n$/);
    expect(inFolder(dir, ['init', 'no/such/folder/x']).stderr).toMatch(/^labelsim: no\/such\/folder\/x\.yaml: expected a file in an existing folder/);
    expect(fs.readdirSync(dir).sort()).toEqual(['mine.yaml', 'other.yml']);
  });
});
