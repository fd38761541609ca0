import { describe, expect, it } from 'vitest';
import { JobQueue } from '../../../sim/engine/job-queue.js';

describe('the job queue', () => {
  it('serves the lowest class first and first come first served within a class', () => {
    const q = new JobQueue(3);
    const pushes: Array<[job: number, cls: number]> = [
      [10, 2],
      [11, 1],
      [12, 2],
      [13, 0],
      [14, 1],
      [15, 0],
    ];
    pushes.forEach(([job, cls], i) => q.push(job, cls, i));
    expect(q.length).toBe(6);
    const popped: Array<[number, number]> = [];
    for (let job = q.pop(); job >= 0; job = q.pop()) popped.push([job, q.poppedTime]);
    expect(popped).toEqual([
      [13, 3],
      [15, 5],
      [11, 1],
      [14, 4],
      [10, 0],
      [12, 2],
    ]);
    expect(q.length).toBe(0);
    expect(q.pop()).toBe(-1);
  });

  it('keeps FIFO order and join times while its ring buffer wraps and grows', () => {
    const q = new JobQueue(1);
    const reference: number[] = [];
    let next = 0;
    // Interleave pushes and pops so the head moves around the ring before it has to grow.
    for (let round = 0; round < 50; round++) {
      for (let k = 0; k < 7; k++) {
        q.push(next, 0, next * 0.5);
        reference.push(next++);
      }
      for (let k = 0; k < 4; k++) {
        const job = q.pop();
        expect(job).toBe(reference.shift());
        expect(q.poppedTime).toBe(job * 0.5);
      }
    }
    expect(q.length).toBe(reference.length);
    while (reference.length > 0) expect(q.pop()).toBe(reference.shift());
  });

  it('rejects a class out of range and a queue without classes', () => {
    const q = new JobQueue(2);
    expect(() => q.push(1, 2, 0)).toThrow(/class/);
    expect(() => new JobQueue(0)).toThrow();
    expect(q.classes).toBe(2);
  });
});
