import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalPaths, labelsim, tempDir } from '../../support/cli.js';
import { canMount, mountTmpfs } from '../../support/mounts.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const RUN = ['run', FILE, '--replications', '2', '--workers', '1', '--quiet'];
const oneLine = (stderr: string) => {
  expect(stderr.split('\n')).toHaveLength(2);
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
};

if (!canMount) console.warn('real-disk-trouble: mounting a tmpfs is not permitted here (needs root); these tests are skipped');

describe.skipIf(!canMount)('a real full or read-only file system (tmpfs)', () => {
  it('names the file that failed: report.html, when the disk fills while the report is written', () => {
    // Room for the records, summary and report data (tens of KB), not for a 5 MB report.
    const disk = mountTmpfs(1500);
    try {
      const r = labelsim([...RUN, '--out', path.join(disk.dir, 'out')]);
      expect(r.code).toBe(4);
      oneLine(r.stderr);
      const { staging } = internalPaths(path.join(disk.dir, 'out'), 'small-project');
      expect(r.stderr).toBe(`labelsim: cannot write ${path.join(staging, 'report.html')}: no space left on device (ENOSPC); all 6 records are kept; free space and rerun with --resume\n`);
      expect(fs.readdirSync(staging).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      disk.unmount();
    }
  });

  it('says in one line, exit code 4, that an --out to be created on a read-only mount cannot be written', () => {
    const disk = mountTmpfs(64, ['ro']);
    try {
      const r = labelsim([...RUN, '--out', path.join(disk.dir, 'sub', 'out')]);
      expect(r.code, r.stderr).toBe(4);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/^labelsim: cannot write .*sub: read-only file system \(EROFS\); make the file system writable or choose another --out and run again; nothing was written\n$/);
    } finally {
      disk.unmount();
    }
  });

  it('stops merge on a full disk and report on a read-only folder with one line, exit code 4', () => {
    const shards = [0, 1].map((i) => {
      const dir = tempDir(`disk-shard-${i}`);
      expect(labelsim([...RUN, '--shard', `${i}/2`, '--out', dir]).code).toBe(0);
      return path.join(dir, `small-project.shard-${i}-of-2`);
    });
    const full = mountTmpfs(1500);
    try {
      const r = labelsim(['merge', ...shards, '--out', full.dir]);
      expect(r.code, r.stderr).toBe(4);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/^labelsim: cannot write .*report\.html: no space left on device \(ENOSPC\)/);
      // The shards keep every record; nothing half-merged passes for an interrupted run.
      expect(fs.existsSync(internalPaths(full.dir, 'small-project').staging)).toBe(false);
    } finally {
      full.unmount();
    }
    const disk = mountTmpfs(16384);
    try {
      expect(labelsim([...RUN, '--out', disk.dir]).code).toBe(0);
      disk.readOnly();
      const r = labelsim(['report', path.join(disk.dir, 'small-project')]);
      expect(r.code, r.stderr).toBe(4);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/^labelsim: cannot write .*small-project.*: read-only file system \(EROFS\)/);
    } finally {
      disk.unmount();
    }
  });
});
