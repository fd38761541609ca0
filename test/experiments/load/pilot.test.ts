import { describe, expect, it } from 'vitest';
import { errorAfter, minimalDocument, parseDoc } from './helpers.js';

/** The minimal document with classes, two labels per frame (adjudicated) and `pilot` set. */
function piloted(pilot: unknown, change?: (doc: Record<string, any>) => void): Record<string, any> {
  const doc = minimalDocument();
  doc.work.frames.classes = { names: ['car', 'bus'] };
  doc.stages.annotate.labels = 2;
  doc.stages.annotate.adjudication = 'adjudicate';
  doc.stages.adjudicate = { kind: 'annotate', pool: 'reviewers', handling: '1m' };
  doc.pilot = pilot;
  change?.(doc);
  return doc;
}

const errorWith = (pilot: unknown, change?: (doc: Record<string, any>) => void) =>
  errorAfter((doc) => {
    const p = piloted(pilot, change);
    for (const key of Object.keys(doc)) delete doc[key];
    Object.assign(doc, p);
  });

describe('a pilot gate in the experiment file', () => {
  it('leaves a file without one exactly as it was, and reads one with its defaults', () => {
    const plain = parseDoc(minimalDocument());
    expect('pilot' in plain.plans[0]!.model).toBe(false);
    expect(parseDoc(minimalDocument()).configHash).toBe(plain.configHash);
    const p = parseDoc(piloted({ batch: 100, agreement: '90%', revision: { time: '1w', cost: 2500, errorFactor: 0.7 } })).plans[0]!.model.pilot;
    expect(p).toEqual({ type: 0, batch: 100, agreement: 0.9, maxRounds: 5, revisionHours: 168, revisionCost: 2500, errorFactor: 0.7 });
    expect(parseDoc(piloted({ batch: 100, agreement: 0.8 })).plans[0]!.model.pilot).toMatchObject({ revisionHours: 0, revisionCost: 0, errorFactor: 1 });
  });

  it('refuses an item type whose labels cannot be compared: one label per item, or no classes', () => {
    const one = errorWith({ batch: 100, agreement: 0.9 }, (doc) => (doc.stages.annotate.labels = 1));
    expect(one.field).toBe('stages.annotate.labels');
    expect(one.expected).toMatch(/^two or more labels per item/);
    const noClasses = errorWith({ batch: 100, agreement: 0.9 }, (doc) => delete doc.work.frames.classes);
    expect(noClasses.field).toBe('work.frames.classes');
  });

  it('refuses a batch as large as the work, an agreement outside [0, 1] and an unknown item type', () => {
    expect(errorWith({ batch: 1000, agreement: 0.9 }).field).toBe('pilot.batch');
    expect(errorWith({ batch: 100, agreement: 1.2 }).field).toBe('pilot.agreement');
    const unknown = errorWith({ work: 'images', batch: 100, agreement: 0.9 });
    expect(unknown.field).toBe('pilot.work');
    expect(unknown.expected).toBe('the name of an item type (frames)');
  });
});
