import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageCount } from '../../experiments/report/pdf.js';
import { labelsim, tempDir } from '../support/cli.js';

describe('labelsim report DIR --pdf', () => {
  let out: string;
  let dir: string;

  beforeAll(() => {
    out = tempDir('pdf');
    const r = labelsim(['run', 'experiments/eight-week-video.yaml', '--replications', '4', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    dir = path.join(out, 'eight-week-video');
  });

  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it('prints the report with the system Chromium to a PDF of full A4 pages, its path on stdout and the progress note on stderr', () => {
    const r = labelsim(['report', dir, '--pdf']);
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(dir, 'report.pdf');
    expect(r.stdout).toMatch(/Wrote .*report\.pdf \(\d+ pages?\)/);
    expect(r.stderr).toContain('printing the report to PDF');
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPageCount(pdf);
    expect(r.stdout).toContain(`(${pages} page`);
    // Every chart and table of the report is in it (it is longer than a page), yet the sections follow on from each
    // other: fewer pages than sections with a page each would take (the old print styles gave each section its own sheets).
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    const sections = (html.match(/<section id=/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
    // The Quality section alone has five charts, so two extra sheets beyond one per section are allowed for it.
    expect(pages).toBeLessThan(sections + 4);
    // A4 pages (595 x 842 points).
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
  });

  it('says clearly when there is no Chromium, and leaves the HTML report in place', () => {
    const empty = tempDir('no-chromium');
    try {
      const r = labelsim(['report', dir, '--pdf'], { PATH: empty });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--pdf needs Chromium');
      expect(r.stdout).toContain('Rebuilt');
      expect(fs.existsSync(path.join(dir, 'report.html'))).toBe(true);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
