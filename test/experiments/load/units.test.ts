import { describe, expect, it } from 'vitest';
import { ExperimentError, parseDuration, parseRate, parseShare } from '../../../experiments/load/index.js';

describe('durations', () => {
  it('are read in hours from seconds, minutes, hours, days and weeks', () => {
    expect(parseDuration('36s', 'f', 'x.yaml')).toBe(0.01);
    expect(parseDuration('90m', 'f', 'x.yaml')).toBe(1.5);
    expect(parseDuration('2.5h', 'f', 'x.yaml')).toBe(2.5);
    expect(parseDuration('2d', 'f', 'x.yaml')).toBe(48);
    expect(parseDuration('8w', 'f', 'x.yaml')).toBe(1344);
    expect(parseDuration('0h', 'f', 'x.yaml')).toBe(0);
    expect(parseDuration('1e1s', 'f', 'x.yaml')).toBeCloseTo(10 / 3600, 15);
    expect(parseDuration(' 3 d ', 'f', 'x.yaml')).toBe(72);
  });

  it('need a unit and a finite, non-negative number', () => {
    for (const bad of ['36', 36, '-1h', 'h', '1e400h', 'Infinityh', 'NaNh', '1.2.3h', '3 days', '', null, '0x10h']) {
      let error: unknown;
      try {
        parseDuration(bad, 'stages.a.handling', 'x.yaml');
      } catch (e) {
        error = e;
      }
      expect(error, String(bad)).toBeInstanceOf(ExperimentError);
      expect((error as ExperimentError).message).toMatch(
        /^x\.yaml: stages\.a\.handling: expected a duration with a unit, like 36s, 8h, 3d or 8w, got /,
      );
    }
  });
});

describe('rates', () => {
  it('are read per hour', () => {
    expect(parseRate('9/h')).toBe(9);
    expect(parseRate('100/h')).toBe(100);
    expect(parseRate('2/d')).toBe(2 / 24);
    expect(parseRate('1/m')).toBe(60);
    expect(parseRate('1/s')).toBe(3600);
    expect(parseRate('168/w')).toBe(1);
    expect(parseRate('0.5 / h')).toBe(0.5);
  });

  it('need a number, a slash and a unit', () => {
    for (const bad of ['9', 9, '-9/h', 'lots/h', '9/year', '1e400/h', 'NaN/h', '9/']) {
      expect(() => parseRate(bad, 'work.a.arrival.poisson', 'x.yaml'), String(bad)).toThrow(ExperimentError);
    }
  });
});

describe('shares', () => {
  it('are percentages or numbers from 0 to 1', () => {
    expect(parseShare('5%')).toBe(0.05);
    expect(parseShare('100%')).toBe(1);
    expect(parseShare('12.5 %')).toBe(0.125);
    expect(parseShare(0.1)).toBe(0.1);
    expect(parseShare(0)).toBe(0);
    expect(parseShare(1)).toBe(1);
  });

  it('refuse anything else', () => {
    for (const bad of ['120%', 1.2, -0.1, '-5%', '0.1', 'NaN', NaN, Infinity, '5', true, null]) {
      expect(() => parseShare(bad, 'stages.review.sample', 'x.yaml'), String(bad)).toThrow(
        /x\.yaml: stages\.review\.sample: expected a share: a percentage like 5% or a number from 0 to 1, got/,
      );
    }
  });
});
