import { describe, expect, it } from 'vitest';
import { roundSchedule } from '../../../experiments/precision/rounds.js';

describe('the rounds of a precision-driven run', () => {
  it('start at the first round and grow by half, to a multiple of 10, up to the cap', () => {
    expect(roundSchedule(20, 1000)).toEqual([20, 30, 50, 80, 120, 180, 270, 410, 620, 930, 1000]);
    expect(roundSchedule(5, 40)).toEqual([5, 10, 20, 30, 40]);
  });

  it('is the cap alone when the first round would exceed it', () => {
    expect(roundSchedule(20, 12)).toEqual([12]);
  });
});
