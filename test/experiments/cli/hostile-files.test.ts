import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, labelsim, snapshot, tempDir } from '../../support/cli.js';

const valid = fs.readFileSync('experiments/validation/mmc.yaml', 'utf8');

/** A YAML "billion laughs": nine levels of nine aliases each would expand to 9^9 strings. */
function aliasBomb(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= 8; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\nname: bomb\n`;
}

const cases: Array<[string, string, string | Buffer, RegExp]> = [
  ['a YAML alias bomb', 'bomb.yaml', aliasBomb(), /bomb\.yaml: expected YAML with at most 100 alias expansions, got more \(an alias bomb\?\)$/],
  ['a YAML document nested 100,000 deep', 'deep.yaml', `name: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, /deep\.yaml: expected valid YAML, got line 1, column \d+: nested too deeply$/],
  ['a JSON document nested 100,000 deep', 'deep.json', `{"name": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, /deep\.json: name(\[0\])+: expected mappings and lists nested at most 64 deep, got deeper nesting$/],
  ['mappings nested 200 deep', 'deep-map.yaml', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n', /deep-map\.yaml: k0\.k1\..*: expected mappings and lists nested at most 64 deep/],
  ['an enormous number', 'huge-number.yaml', valid.replace('headcount: 10', 'headcount: 1e400'), /pools\.servers\.headcount: expected a headcount: an integer >= 0, got Infinity$/],
  ['an enormous count', 'huge-count.yaml', valid.replace('    arrival: { poisson: 9/h }', '    count: 1e300\n    arrival: { poisson: 9/h }'), /work\.jobs\.count: expected an item count: an integer >= 1, or null for open-ended arrivals, got 1e\+300$/],
  ['a count beyond the model\'s item serials', 'many-items.yaml', valid.replace('    arrival: { poisson: 9/h }', '    count: 10000000000\n    arrival: { poisson: 9/h }'), /work\.jobs\.count: expected an item count of at most 2,147,483,648 \(item serials are 32-bit\), got 10000000000$/],
  ['an enormous horizon', 'huge-horizon.yaml', valid.replace('horizon: 21000h', 'horizon: 1e300w'), /horizon: expected a horizon of at most 5200w \(100 years\), got "1e300w"$/],
  ['an enormous replication count', 'huge-reps.yaml', valid.replace('replications: 20', 'replications: 99999999999999999999999'), /replications: expected a number of replications: an integer from 1 to 1000000, got 1e\+23$/],
  ['NaN written as YAML', 'nan.yaml', valid.replace('headcount: 10', 'headcount: .nan'), /pools\.servers\.headcount: expected a headcount: an integer >= 0, got NaN$/],
  ['NaN written as a string', 'nan-string.yaml', valid.replace('headcount: 10', 'headcount: "NaN"'), /pools\.servers\.headcount: expected a headcount: an integer >= 0, got "NaN"$/],
  ['Infinity written in a rate', 'inf-rate.yaml', valid.replace('poisson: 9/h', 'poisson: Infinity/h'), /work\.jobs\.arrival\.poisson: expected a rate > 0 .*, got "Infinity\/h"$/],
  ['Infinity written as YAML', 'inf.yaml', valid.replace('seed: 7', 'seed: .inf'), /seed: expected a seed: an integer from 0 to 4294967295, got Infinity$/],
  ['an experiment named ../../etc', 'escape.yaml', valid.replace('name: mmc', 'name: ../../etc'), /escape\.yaml: name: expected a name of letters, digits.*, got "\.\.\/\.\.\/etc"$/],
  ['an experiment named ../../etc in JSON', 'escape.json', JSON.stringify({ name: '../../etc', work: {}, pools: {}, stages: {} }), /escape\.json: name: expected a name .*, got "\.\.\/\.\.\/etc"$/],
  ['a file in Latin-1', 'latin1.yaml', Buffer.from(valid.replace('name: mmc', 'name: mmc\ndescription: caf\u00e9'), 'latin1'), /latin1\.yaml: expected UTF-8 text, got bytes that are not UTF-8 on line 5 \(save the file as UTF-8\)$/],
  ['a file in UTF-16', 'utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')]), /utf16\.yaml: expected UTF-8 text, got bytes that are not UTF-8 on line 1/],
  ['money amounts of 1e308, whose sum is Infinity', 'huge-money.yaml', `${valid}costs: { fixed: { a: 1e308, b: 1e308 } }\n`, /huge-money\.yaml: costs\.fixed\.a: expected an amount of money: a number from 0 to 1e12, got 1e\+308$/],
  ['a JSON key given twice', 'twice.json', '{"name": "mmc", "seed": 1, "seed": 2}', /twice\.json: seed: expected each key once in a mapping, got a second "seed" on line 1, column 28$/],
  ['a second YAML document', 'two.yaml', `${valid}---\nname: other\n`, /two\.yaml: expected one YAML document \(one experiment per file\), got a second document from line \d+ \(after a "---" line\)$/],
  ['a file larger than 5 MB', 'large.yaml', valid + `# ${'x'.repeat(6 * 1024 * 1024)}\n`, /large\.yaml: expected a file of at most 5 MB, got 6\.0 MB$/],
];

describe('hostile experiment files', () => {
  // An earlier result that must survive, copied beside each hostile file.
  let earlier = '';
  beforeAll(() => {
    earlier = path.join(tempDir('earlier'), 'out');
    expect(labelsim(['run', 'experiments/validation/mmc.yaml', '--replications', '1', '--quiet', '--out', earlier]).code).toBe(0);
  });

  it.each(cases)('%s gives one line of error, exit code 2, and touches nothing on disk', (_what, name, content, message) => {
    const dir = tempDir('hostile');
    const out = path.join(dir, 'work', 'out');
    fs.cpSync(earlier, out, { recursive: true });
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    const before = snapshot(dir);

    const r = labelsim(['run', file, '--out', out]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`labelsim: ${file}: `)).toBe(true);
    expect(lines[0]).toMatch(message);
    expect(r.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
    expect(fs.existsSync(path.resolve(out, '../../etc'))).toBe(false);

    // `check` says the same. (Where the YAML parser runs out of stack depends on how deep the
    // command's own calls are: the column of "nested too deeply" may differ by one.)
    const check = labelsim(['check', file]);
    expect(check.code).toBe(2);
    const stackColumn = (text: string) => text.replace(/column \d+: nested too deeply/, 'column N: nested too deeply');
    expect(stackColumn(check.stderr)).toBe(stackColumn(r.stderr));
  });
});

/** Runs the real command line, killed after `seconds` so that a hang or a runaway read fails the test instead of the machine. */
function labelsimWithin(seconds: number, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: seconds * 1000,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('experiment files that are not regular files', () => {
  const special: Array<[string, string, (file: string) => void, RegExp]> = [
    ['a symlink to /dev/zero', 'zero.yaml', (file) => fs.symlinkSync('/dev/zero', file), /zero\.yaml: expected a regular file, got a character device$/],
    ['a FIFO', 'fifo.yaml', (file) => execFileSync('mkfifo', [file]), /fifo\.yaml: expected a regular file, got a FIFO \(named pipe\)$/],
  ];

  it.each(special)('%s is refused quickly with one line and exit code 2', (_what, name, make, message) => {
    const dir = tempDir('special');
    const file = path.join(dir, name);
    make(file);
    for (const args of [['check', file], ['run', file, '--out', path.join(dir, 'out')]]) {
      const r = labelsimWithin(20, args);
      const command = args[0];
      expect(r.signal, `${command} was killed after 20 s`).toBeNull();
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('hostile names and sizes in the error line', () => {
  it('a file name with terminal escapes is echoed escaped, and a 3 MB unknown key is cut short', () => {
    const dir = tempDir('escapes');
    const file = path.join(dir, 'red\u001b[31m\u009b2J.json');
    fs.writeFileSync(file, `{"name": "x", "${'k'.repeat(3 * 1024 * 1024)}": 1}`);
    for (const args of [['check', file], ['run', file, '--out', path.join(dir, 'out')]]) {
      const r = labelsim(args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0].length).toBeLessThan(1500);
      expect(lines[0].startsWith(`labelsim: ${dir}/red\\u001b[31m\\u009b2J.json: kkkk`)).toBe(true);
      expect(lines[0]).toMatch(/got unknown field "k+ \.\.\. k+"$/);
    }
  });
});
