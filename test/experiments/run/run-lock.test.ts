import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, LockedError } from '../../../experiments/run/run-lock.js';
import { tempDir } from '../../support/cli.js';

const unrelated = spawn('sleep', ['600'], { stdio: 'ignore' });
afterAll(() => {
  unrelated.kill('SIGKILL');
});

const lockIn = () => path.join(tempDir('lock'), 'lock');
const write = (file: string, owner: Record<string, unknown>) => fs.writeFileSync(file, JSON.stringify({ host: os.hostname(), started: '2026-01-01T00:00:00.000Z', ...owner }));

describe('the lock on an output folder', () => {
  it('is taken over when its pid now belongs to an unrelated process that started at another time', () => {
    const file = lockIn();
    write(file, { pid: unrelated.pid, processStart: '1', token: 'a killed run' });
    const release = acquireLock(file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('is taken over when its pid is 0, negative or not a whole number: no single process has such a pid', () => {
    for (const pid of [0, -1, -4242, 1.5]) {
      const file = lockIn();
      write(file, { pid });
      acquireLock(file)();
    }
  });

  it('is taken over when it is a dangling symlink, removing the link and never creating its target', () => {
    const dir = tempDir('lock-link');
    const file = path.join(dir, 'lock');
    const target = path.join(dir, 'nowhere', 'target');
    fs.symlinkSync(target, file);
    const release = acquireLock(file);
    expect(fs.lstatSync(file).isFile()).toBe(true);
    expect(fs.existsSync(target)).toBe(false);
    release();
  });

  it('makes a second taker refuse while the run that holds it is alive, naming the lock', () => {
    const file = lockIn();
    const release = acquireLock(file);
    expect(() => acquireLock(file)).toThrow(LockedError);
    expect(() => acquireLock(file)).toThrow(/another labelsim run \(pid \d+/);
    release();
  });

  it('is released only while it is still its own: a lock another run took over stays', () => {
    const file = lockIn();
    const release = acquireLock(file);
    write(file, { pid: process.pid, processStart: 'another', token: 'someone else' });
    release();
    expect(fs.existsSync(file)).toBe(true);
  });
});
