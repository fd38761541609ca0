import { describe, expect, it } from 'vitest';
import { createProgress, duration, inCi } from '../../../experiments/cli/progress.js';

/** A stream that keeps what is written; a terminal or not. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, s: { isTTY, columns: 80, write: (t: string) => (written.push(t), true), on() {}, removeListener() {}, cursorTo() {}, clearLine() {}, moveCursor() {} } as unknown as NodeJS.WriteStream };
}

/** A clock the test moves. */
function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('progress lines (issue 17, item 11)', () => {
  it('in a log: no doubled word, no rate or time left before there is a rate, then both', () => {
    const { written, s } = stream(false);
    const c = clock();
    const p = createProgress(s, 'Replications', { env: {}, now: c.now });
    p.start(0);
    c.advance(50);
    p.update(25, 800);
    c.advance(10_000);
    p.update(400, 800);
    c.advance(1_000);
    p.update(420, 800); // within five seconds of the last line: not printed
    c.advance(9_000);
    p.update(800, 800);
    p.stop();
    expect(written).toEqual([
      'Replications: 25/800 done (3%)\n',
      'Replications: 400/800 done (50%), 39.8/s, about 10 s left\n',
      'Replications: 800/800 done (100%) in 20 s, 39.9/s\n',
    ]);
  });

  it('does not count replications a --resume found done towards the rate', () => {
    const { written, s } = stream(false);
    const c = clock();
    const p = createProgress(s, 'Replications', { env: {}, now: c.now });
    p.start(600);
    c.advance(100);
    p.update(610, 800);
    c.advance(10_000);
    p.update(700, 800);
    expect(written[0]).toBe('Replications: 610/800 done (76%)\n');
    expect(written[1]).toBe('Replications: 700/800 done (87%), 9.9/s, about 10 s left\n');
  });

  it('writes plain lines, not a bar, on a terminal in CI', () => {
    const { written, s } = stream(true);
    const c = clock();
    const p = createProgress(s, 'Replications', { env: { CI: 'true' }, now: c.now });
    p.start(0);
    p.update(1, 10);
    p.stop();
    expect(written).toEqual(['Replications: 1/10 done (10%)\n']);
    expect(inCi({ CI: 'true' })).toBe(true);
    expect(inCi({ CI: '1' })).toBe(true);
    expect(inCi({ CI: 'false' })).toBe(false);
    expect(inCi({ CI: '0' })).toBe(false);
    expect(inCi({})).toBe(false);
  });

  it('on a terminal, says it is measuring the rate instead of an ETA of NFs', () => {
    const { written, s } = stream(true);
    const c = clock();
    const p = createProgress(s, 'Replications', { env: {}, now: c.now });
    p.start(0);
    p.update(0, 10);
    p.stop();
    const text = written.join('');
    expect(text).toContain('0/10 done | measuring the rate...');
    expect(text).not.toMatch(/NF|ETA/);
  });

  it('says time left in the units a person plans with', () => {
    expect(duration(0)).toBe('0 s');
    expect(duration(89)).toBe('89 s');
    expect(duration(600)).toBe('10 min');
    expect(duration(3 * 3600 + 5 * 60)).toBe('3 h 05 min');
  });
});
