import { describe, expect, it } from 'vitest';
import { quantileSorted, trimGroup } from '../../../experiments/calibrate/trim.js';

describe('trimming idle time out of platform timers', () => {
  const times = [28, 30, 31, 33, 35, 36, 38, 40, 42, 45];

  it('trims a 40-minute "annotation" of a 30-second task and keeps the rest', () => {
    const seconds = Float64Array.from([...times, 2400]);
    const keep = new Uint8Array(seconds.length);
    const counts = trimGroup(seconds, seconds.map((_, i) => i), { fence: 3, maxSeconds: 7200 }, keep);
    expect(Array.from(keep)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(counts).toMatchObject({ high: 1, low: 0, overMax: 0 });
    // The fence is Q3 + 3 IQR of ln(seconds), computed by hand.
    const logs = [...times, 2400].map(Math.log).sort((a, b) => a - b);
    const q1 = quantileSorted(logs, 0.25);
    const q3 = quantileSorted(logs, 0.75);
    expect(counts.upperSeconds).toBeCloseTo(Math.exp(q3 + 3 * (q3 - q1)), 9);
  });

  it('counts zero-second timers and times over the cap apart, and keeps everything but those with the fences off', () => {
    const seconds = Float64Array.from([...times, 0, 9000, 2400]);
    const keep = new Uint8Array(seconds.length);
    const counts = trimGroup(seconds, seconds.map((_, i) => i), { fence: 0, maxSeconds: 7200 }, keep);
    expect(counts).toMatchObject({ low: 1, high: 0, overMax: 1 });
    expect(keep[12]).toBe(1);
  });

  it('moves with the fence: k = 1 trims more than k = 3', () => {
    const seconds = Float64Array.from([...times, 70, 90]);
    const tight = trimGroup(seconds, seconds.map((_, i) => i), { fence: 1, maxSeconds: 7200 }, new Uint8Array(12));
    const loose = trimGroup(seconds, seconds.map((_, i) => i), { fence: 3, maxSeconds: 7200 }, new Uint8Array(12));
    expect(tight.high).toBe(2);
    expect(loose.high).toBe(0);
  });
});
