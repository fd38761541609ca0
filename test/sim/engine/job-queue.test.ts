import { describe, expect, it } from 'vitest';
import { FROM_BLOCK, JobQueue } from '../../../sim/engine/job-queue.js';

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

describe('the job queue asked for a job a given server may serve', () => {
  // Server s may not serve jobs whose number is a multiple of s + 2 (an arbitrary exclusion).
  const eligibility = { excludes: (job: number, server: number) => job % (server + 2) === 0 };

  it('passes over the jobs that exclude the server and leaves them in order, with their join times', () => {
    const q = new JobQueue(2);
    [4, 6, 7, 8].forEach((job, i) => q.push(job, 1, i));
    q.push(2, 0, 10);
    expect(q.popFor(0, eligibility)).toBe(7); // 2, 4 and 6 exclude server 0
    expect(q.poppedTime).toBe(2);
    expect(q.length).toBe(4);
    expect(q.lengthOf(1)).toBe(3);
    expect(q.popFor(0, eligibility)).toBe(-1);
    const rest: Array<[number, number]> = [];
    for (let job = q.pop(); job >= 0; job = q.pop()) rest.push([job, q.poppedTime]);
    expect(rest).toEqual([
      [2, 10],
      [4, 0],
      [6, 1],
      [8, 3],
    ]);
  });

  it('gives the next job of a block to any server, as a block’s jobs are new', () => {
    const q = new JobQueue(1);
    q.push(4, 0, 0);
    q.pushBlock(2, 0, 1, 9);
    expect(q.popFor(0, eligibility)).toBe(FROM_BLOCK);
    expect(q.poppedTag).toBe(9);
    expect(q.poppedTime).toBe(1);
    expect(q.popFor(0, eligibility)).toBe(FROM_BLOCK);
    expect(q.popFor(0, eligibility)).toBe(-1);
    expect(q.length).toBe(1);
    expect(q.pop()).toBe(4);
  });

  it('keeps order while it removes from the middle of a ring that has wrapped and grown', () => {
    const q = new JobQueue(1);
    const reference: number[] = [];
    let next = 1;
    for (let round = 0; round < 40; round++) {
      for (let k = 0; k < 5; k++) {
        q.push(next, 0, next);
        reference.push(next++);
      }
      // Take the first odd job (even ones exclude server 0) and then the head.
      const odd = reference.findIndex((job) => job % 2 !== 0);
      expect(q.popFor(0, eligibility)).toBe(reference[odd]);
      expect(q.poppedTime).toBe(reference[odd]);
      reference.splice(odd, 1);
      expect(q.pop()).toBe(reference.shift());
    }
    const rest: number[] = [];
    for (let job = q.pop(); job >= 0; job = q.pop()) rest.push(job);
    expect(rest).toEqual(reference);
  });
});
