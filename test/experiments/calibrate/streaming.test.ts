import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../../support/cli.js';
import { TRUTH, writeSyntheticCsv } from './synthetic-export.js';

const dir = tempDir('streaming');
const CALIBRATE = path.join(REPO, 'dist', 'experiments', 'calibrate', 'calibrate.js');

/** Calibrates `file` in a fresh Node with at most `heapMb` of JavaScript heap; its answer and peak resident memory. */
function calibrateInChild(file: string, heapMb: number, bootstrap: number) {
  const script = `
    const { calibrate } = await import(${JSON.stringify(CALIBRATE)});
    const s = await calibrate({ files: [${JSON.stringify(file)}], by: 'annotator', trim: { fence: 3, maxSeconds: 7200 }, shifts: null, timeZone: 'UTC', bootstrap: ${bootstrap}, seed: 1, margin: null, command: 'test' });
    process.stdout.write(JSON.stringify({ sources: s.sources, annotations: s.annotations, firstPasses: s.firstPasses, reworks: s.reworks, trimmed: s.trim.total, mean: s.handling.lognormal.meanSeconds, cv: s.handling.lognormal.cv, maxRssMb: process.resourceUsage().maxRSS / 1024 }));`;
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--input-type=module', '-e', script], { encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, result: r.status === 0 ? JSON.parse(r.stdout) : null };
}

describe('calibrating exports far larger than memory allows to hold', () => {
  it('streams a CSV of over a million annotations and counts every one (peak memory stated in the README)', () => {
    const csv = path.join(dir, 'million.csv');
    const written = writeSyntheticCsv(csv, { ...TRUTH, annotators: 50, days: 40, sample: 0.2, errorRate: 0.05, seed: 'million' });
    expect(written.labels).toBeGreaterThanOrEqual(1_000_000);
    const { code, stderr, result } = calibrateInChild(csv, 512, 20);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(result.sources[0]).toMatchObject({ records: written.labels, annotations: written.labels, recordsWithoutAnnotations: 0 });
    expect(result).toMatchObject({ annotations: written.labels, firstPasses: written.firstPasses, reworks: written.reworks });
    // Every timer that ran through a break is trimmed, and a lognormal tail beyond 4.7 sigma (the
    // far-out fence, about 1.2e-6 of the items: one or two here) with them.
    expect(result.trimmed).toBeGreaterThanOrEqual(written.idle);
    expect(result.trimmed).toBeLessThanOrEqual(written.idle + 8);
    expect(result.mean).toBeGreaterThan(39.8);
    expect(result.mean).toBeLessThan(40.2);
    // Columns of a few tens of bytes an annotation, never the file: well under the heap limit given.
    expect(result.maxRssMb).toBeLessThan(640);
    fs.rmSync(csv);
  });

  it('streams a Label Studio export whose whole parse would not fit the heap it is given', () => {
    const file = path.join(dir, 'polygons.json');
    // 4,000 tasks with a 400-point polygon each: 24 MB of JSON, some 130 MB once parsed into objects.
    const points = JSON.stringify(Array.from({ length: 400 }, (_, i) => [Math.round(Math.sin(i) * 5000) / 100, Math.round(Math.cos(i) * 5000) / 100]));
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '[');
    for (let t = 0; t < 4000; t++) {
      const annotation = `{"id":${t},"completed_by":${t % 7},"result":[{"type":"polygonlabels","value":{"points":${points},"polygonlabels":["car"]}}],"was_cancelled":false,"created_at":"2026-03-09T09:${String(t % 60).padStart(2, '0')}:00Z","lead_time":${20 + (t % 37)},"task":${t}}`;
      fs.writeSync(fd, `${t ? ',' : ''}{"id":${t},"data":{"image":"s3://b/${t}.jpg"},"annotations":[${annotation}]}`);
    }
    fs.writeSync(fd, ']');
    fs.closeSync(fd);
    const heapMb = 48;
    // Loading it whole fails at this heap size...
    const whole = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`], { encoding: 'utf8' });
    expect(whole.status).not.toBe(0);
    expect(whole.stderr).toMatch(/heap/i);
    // ...streaming it does not.
    const { code, stderr, result } = calibrateInChild(file, heapMb, 0);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(result.sources[0]).toMatchObject({ format: 'label-studio', records: 4000, annotations: 4000 });
  });
});
