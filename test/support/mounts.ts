import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { tempDir } from './cli.js';

/**
 * A real small file system (tmpfs) for disk-trouble tests: a full disk and a read-only mount
 * behave as the kernel makes them, not as a fault hook imitates them. Needs root (CI runs as
 * root); `available` says whether mounting works here, so a test can say why it is skipped.
 */
export const canMount: boolean = (() => {
  if (process.platform !== 'linux') return false;
  const dir = tempDir('mount-probe');
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  if (ok) spawnSync('umount', [dir]);
  fs.rmSync(dir, { recursive: true, force: true });
  return ok;
})();

export interface Tmpfs {
  dir: string;
  /** Makes the mount read-only (what an immutable or read-only folder does to writes). */
  readOnly(): void;
  unmount(): void;
}

export function mountTmpfs(sizeKb: number, options: string[] = []): Tmpfs {
  const dir = tempDir('tmpfs');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', [`size=${sizeKb}k`, ...options].join(','), 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mount tmpfs failed: ${r.stderr}`);
  return {
    dir,
    readOnly: () => {
      const rr = spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' });
      if (rr.status !== 0) throw new Error(`remount ro failed: ${rr.stderr}`);
    },
    unmount: () => {
      spawnSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
