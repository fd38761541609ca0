import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { labelsim, REPO } from '../../support/cli.js';

const COMMANDS = ['run', 'solve', 'sensitivity', 'check', 'replay', 'merge', 'report', 'schema', 'init'];

describe('help, version and misspellings (issue 17, item 9)', () => {
  it('prints the help on stdout for -h, --help and a bare labelsim, exit code 0', () => {
    const help = labelsim(['--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    for (const c of COMMANDS) expect(help.stdout).toContain(`labelsim ${c}`);
    expect(labelsim(['-h']).stdout).toBe(help.stdout);
    const bare = labelsim([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toBe(help.stdout);
  });

  it('prints the version for -V and --version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    for (const flag of ['-V', '--version']) {
      const r = labelsim([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });

  it('suggests the command meant by a misspelt one, in one line with exit code 2', () => {
    const r = labelsim(['rnu', 'experiments/eight-week-video.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^labelsim: unknown command "rnu": expected one of run, .*; did you mean run\?\n$/);
    expect(labelsim(['frobnicate']).stderr).toMatch(/^labelsim: unknown command "frobnicate": expected one of run, check, .*init, calibrate\n$/);
  });

  it('suggests the option meant by a misspelt one, from the options of that command', () => {
    const r = labelsim(['run', 'experiments/eight-week-video.yaml', '--replicatons', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('labelsim: unknown option --replicatons; did you mean --replications? (labelsim run --help lists the options)\n');
    expect(labelsim(['check', 'x.yaml', '--max-memroy', '5']).stderr).toBe('labelsim: unknown option --max-memroy; did you mean --max-memory? (labelsim check --help lists the options)\n');
    expect(labelsim(['check', 'a.yaml', 'b.yaml']).stderr).toBe('labelsim: unexpected argument "b.yaml" (labelsim check --help shows what the command takes)\n');
  });

  it('names a misspelt required option as the typo it is, not as a missing one', () => {
    const r = labelsim(['solve', 'experiments/eight-week-video.yaml', '--taget', 'on-time=0.9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('labelsim: unknown option --taget; did you mean --target? (labelsim solve --help lists the options)\n');
    // With nothing misspelt, the missing option is named as such.
    expect(labelsim(['solve', 'experiments/eight-week-video.yaml']).stderr).toMatch(/Missing required argument: target/);
  });

  it.each(COMMANDS)('%s --help has examples and describes every option and positional', (command) => {
    const r = labelsim([command, '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\nExamples:\n {2}labelsim /);
    // An option line of yargs: the names, then the description, then its [type]; one without a description has only the type.
    const lines = r.stdout.split('\n');
    const sections = lines.slice(lines.findIndex((l) => /^(Positionals|Options):/.test(l)), lines.indexOf('Examples:'));
    for (const line of sections.filter((l) => /^ {2}(-|\w)/.test(l))) {
      expect(line, `${command}: ${line}`).not.toMatch(/^ {2}(-\w, )?[-\w]+( +)\[\w+\]/);
      expect(line, `${command}: ${line}`).not.toMatch(/^\s+--?[\w-]+(, --[\w-]+)?\s+\[(boolean|string|array)\]/);
    }
  });

  it('shows merge\'s shard folders without "[required] [default: []]"', () => {
    const r = labelsim(['merge', '--help']);
    expect(r.stdout).toMatch(/dirs +shard folders/);
    expect(r.stdout).not.toContain('[default: []]');
    expect(labelsim(['merge']).code).toBe(2);
  });
});
