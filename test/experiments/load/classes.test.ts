import { describe, expect, it } from 'vitest';
import { ExperimentError } from '../../../experiments/load/index.js';
import { errorAfter, minimalDocument, parseDoc } from './helpers.js';

/** A document whose frames have classes; `change` edits the frames' item type. */
function withFrames(change: (frames: Record<string, any>) => void): Record<string, any> {
  const doc = minimalDocument();
  change(doc.work.frames);
  return doc;
}

function errorWith(change: (frames: Record<string, any>) => void): ExperimentError {
  return errorAfter((doc) => change(doc.work.frames));
}

describe('classes and a confusion pattern in the experiment file', () => {
  it('leaves a file without them exactly as it was: no classes field, the same config hash', () => {
    const plain = parseDoc(minimalDocument());
    expect('classes' in plain.plans[0]!.model.work[0]!).toBe(false);
    const withClasses = parseDoc(withFrames((f) => (f.classes = { count: 2 })));
    expect(withClasses.configHash).not.toBe(plain.configHash);
    expect(parseDoc(minimalDocument()).configHash).toBe(plain.configHash);
  });

  it('names counted classes class-1, class-2, ... with equal prevalences and uniform confusion by default', () => {
    const w = parseDoc(withFrames((f) => (f.classes = { count: 4 }))).plans[0]!.model.work[0]!;
    expect(w.classes).toEqual({ names: ['class-1', 'class-2', 'class-3', 'class-4'], prevalence: [0.25, 0.25, 0.25, 0.25], confusion: 'uniform' });
  });

  it('reads names, prevalences as shares or percentages, and a confusion matrix', () => {
    const w = parseDoc(
      withFrames((f) => {
        f.classes = { names: ['car', 'truck', 'bus'], prevalence: ['60%', 0.3, '10%'] };
        f.confusion = [[0, 0.9, 0.1], [0.8, 0, 0.2], ['50%', '50%', 0]];
      }),
    ).plans[0]!.model.work[0]!;
    expect(w.classes).toEqual({ names: ['car', 'truck', 'bus'], prevalence: [0.6, 0.3, 0.1], confusion: [[0, 0.9, 0.1], [0.8, 0, 0.2], [0.5, 0.5, 0]] });
  });

  it('refuses prevalences that do not sum to 1, naming the field', () => {
    const error = errorWith((f) => (f.classes = { names: ['a', 'b'], prevalence: [0.6, 0.3] }));
    expect(error.field).toBe('work.frames.classes.prevalence');
    expect(error.expected).toBe('shares that sum to 1 (100%)');
    expect(error.got).toMatch(/^a sum of 0\.8999/);
  });

  it('refuses a prevalence list of the wrong length', () => {
    const error = errorWith((f) => (f.classes = { names: ['a', 'b', 'c'], prevalence: [0.5, 0.5] }));
    expect(error.field).toBe('work.frames.classes.prevalence');
    expect(error.expected).toBe('3 shares, one per class');
  });

  it('refuses a confusion matrix with a non-zero diagonal, naming the cell', () => {
    const error = errorWith((f) => {
      f.classes = { names: ['a', 'b'] };
      f.confusion = [[0, 1], [0.5, 0.5]];
    });
    expect(error.field).toBe('work.frames.confusion[1][1]');
    expect(error.expected).toMatch(/^0: a wrong label of a b item is never b/);
  });

  it('refuses a confusion row that does not sum to 1', () => {
    const error = errorWith((f) => {
      f.classes = { names: ['a', 'b', 'c'] };
      f.confusion = [[0, 0.5, 0.5], [0.5, 0, 0.4], [0.5, 0.5, 0]];
    });
    expect(error.field).toBe('work.frames.confusion[1]');
    expect(error.expected).toBe('shares of the wrong classes of a b item that sum to 1');
  });

  it('refuses a matrix of the wrong shape, names and count together, repeated names, and confusion without classes', () => {
    expect(errorWith((f) => ((f.classes = { count: 3 }), (f.confusion = [[0, 1], [1, 0]]))).field).toBe('work.frames.confusion');
    expect(errorWith((f) => (f.classes = { names: ['a', 'b'], count: 2 })).expected).toBe('names or count, not both');
    expect(errorWith((f) => (f.classes = { names: ['a', 'a'] })).field).toBe('work.frames.classes.names[1]');
    expect(errorWith((f) => (f.classes = {})).expected).toBe('names (a list of class names) or count (a number of classes)');
    expect(errorWith((f) => (f.confusion = 'uniform')).field).toBe('work.frames.confusion');
    expect(errorWith((f) => (f.classes = { count: 1 })).field).toBe('work.frames.classes.count');
  });
});
