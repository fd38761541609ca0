import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelsim, tempDir } from '../../support/cli.js';

/** An in-house team on salary and a plan that moves all annotation to a vendor paid per image. */
const OUTSOURCING = `
name: outsourcing
deadline: 4w
work:
  images: { count: 2000, workflow: [annotate] }
pools:
  inhouse: { headcount: 10, shifts: [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00" }], pay: { salaried: 25/h } }
  vendor: { headcount: 4, shifts: [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00" }], pay: { perItem: 0.5 } }
stages:
  annotate: { kind: annotate, pool: inhouse, handling: 36s }
plans:
  inhouse: {}
  vendor-b: { patch: { stages: { annotate: { pool: vendor } } } }
`;

describe('labelsim check and run with a pool that a plan does not use', () => {
  it('say the pool is left out of that plan and list only the pools that serve it', () => {
    const dir = tempDir('left-out');
    const file = path.join(dir, 'outsourcing.yaml');
    fs.writeFileSync(file, OUTSOURCING);

    const check = labelsim(['check', file]);
    expect(check.code, check.stderr).toBe(0);
    const lines = check.stdout.split('\n');
    expect(lines).toContain('plan "inhouse": pool "vendor" serves no stage and is left out (no cost)');
    expect(lines).toContain('plan "vendor-b": pool "inhouse" serves no stage and is left out (no cost)');
    const capacity = lines.filter((l) => /^ {2}\S+ +\S+ +\d+ h \//.test(l));
    expect(capacity.map((l) => l.trim().split(/\s+/).slice(0, 2))).toEqual([
      ['inhouse', 'inhouse'],
      ['vendor-b', 'vendor'],
    ]);

    const run = labelsim(['run', file, '--replications', '2', '--deterministic', '--json', '--out', path.join(dir, 'out')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('plan "vendor-b": pool "inhouse" serves no stage and is left out (no cost)\n');
    const vendor = JSON.parse(run.stdout).plans.find((p: { name: string }) => p.name === 'vendor-b');
    expect(Object.keys(vendor.pools)).toEqual(['vendor']);
    // 2,000 images at 0.50: no idle salary for the in-house team.
    expect(vendor.cost.mean).toBe(1000);
  });
});

describe('labelsim check as a run would run the file', () => {
  const FILE = 'experiments/eight-week-video.yaml';

  it('checks the capacity with --deterministic (no absences: the brief 156.25%) and with --set, saying so in its first line', () => {
    const deterministic = labelsim(['check', FILE, '--deterministic']);
    expect(deterministic.code, deterministic.stderr).toBe(0);
    expect(deterministic.stdout).toMatch(/^experiments\/eight-week-video\.yaml --deterministic: valid\./);
    expect(deterministic.stdout).toMatch(/^ {2}base +annotators +5000 h \/ +3200 h = 156\.3%/m);
    const more = labelsim(['check', FILE, '--set', 'pools.annotators.headcount=16']);
    expect(more.stdout).toMatch(/^experiments\/eight-week-video\.yaml with --set pools\.annotators\.headcount=16: valid\./);
    expect(more.stdout).toMatch(/^ {2}base +annotators +5000 h \/ +4966 h = 100\.7%/m);
  });

  it('refuses a --set the file cannot take, as run does, with exit code 2', () => {
    const r = labelsim(['check', FILE, '--set', 'pools.anotators.headcount=16']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--set pools.anotators.headcount: expected one of the file\'s pools (did you mean annotators?)');
  });
});
