import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepPoint } from '../../../experiments/aggregate/report-data.js';
import type { ReportData } from '../../../reports/report-data.js';
import { labelsim, tempDir } from '../../support/cli.js';

describe('a run with a sweep', () => {
  let out: string;
  let data: ReportData;
  let html: string;
  beforeAll(() => {
    out = tempDir('sweep-report');
    const r = labelsim(['run', 'experiments/vendor-comparison.yaml', '--replications', '3', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const folder = path.join(out, 'vendor-comparison');
    data = JSON.parse(fs.readFileSync(path.join(folder, 'report-data.json'), 'utf8')) as ReportData;
    html = fs.readFileSync(path.join(folder, 'report.html'), 'utf8');
  });
  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it('keeps in the report data where each generated plan sits in the sweep, and its share of errors caught', () => {
    expect(data.plans.map((p) => p.sweep ?? null).slice(0, 4)).toEqual([
      null,
      null,
      { plan: 'vendor-a', values: [{ parameter: 'stages.qa.sample', value: '1%' }] },
      { plan: 'vendor-a', values: [{ parameter: 'stages.qa.sample', value: '2%' }] },
    ]);
    expect(data.plans.at(-1)!.sweep).toEqual({ plan: 'vendor-b', values: [{ parameter: 'stages.qa.sample', value: '20%' }] });
    for (const p of data.plans) expect(p.errorsCaughtShare).toBeGreaterThan(0);
    // Reviewing a larger sample catches more of the errors, and costs more.
    const a = data.plans.filter((p) => p.sweep?.plan === 'vendor-a');
    expect(a.at(-1)!.errorsCaughtShare!).toBeGreaterThan(a[0].errorsCaughtShare!);
    expect(a.at(-1)!.cost.mean!).toBeGreaterThan(a[0].cost.mean!);
  });

  it('adds the sweep section to the page', () => {
    expect(html).toContain('<section id="sweep"');
    expect(html).toContain('data-plot="sweep-cost" data-traces="2"');
    expect(html).toContain('data-plot="sweep-caught" data-traces="2"');
  });
});

describe('sweepPoint', () => {
  it('keeps scalars and writes lists and mappings as JSON text', () => {
    expect(
      sweepPoint({
        plan: 'p',
        values: [
          { parameter: 'a', value: '5%' },
          { parameter: 'b', value: 3 },
          { parameter: 'c', value: false },
          { parameter: 'd', value: null },
          { parameter: 'e', value: { lognormal: { mean: '2m', cv: 0.4 } } },
          { parameter: 'f', value: [1, 2] },
        ],
      }),
    ).toEqual({
      plan: 'p',
      values: [
        { parameter: 'a', value: '5%' },
        { parameter: 'b', value: 3 },
        { parameter: 'c', value: false },
        { parameter: 'd', value: null },
        { parameter: 'e', value: '{"lognormal":{"mean":"2m","cv":0.4}}' },
        { parameter: 'f', value: '[1,2]' },
      ],
    });
  });
});
