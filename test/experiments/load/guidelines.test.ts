import { describe, expect, it } from 'vitest';
import { feasibilityWarnings } from '../../../sim/model/feasibility.js';
import { errorAfter, minimalDocument, parseDoc } from './helpers.js';

/** The minimal document with `guidelines` set. */
function withGuidelines(guidelines: unknown, change?: (doc: Record<string, any>) => void): Record<string, any> {
  const doc = minimalDocument();
  doc.guidelines = guidelines;
  change?.(doc);
  return doc;
}

const errorWith = (guidelines: unknown, change?: (doc: Record<string, any>) => void) =>
  errorAfter((doc) => {
    doc.guidelines = guidelines;
    change?.(doc);
  });

describe('guideline changes in the experiment file', () => {
  it('leaves a file without them exactly as it was: no guidelines field, the same config hash', () => {
    const plain = parseDoc(minimalDocument());
    expect('guidelines' in plain.plans[0]!.model).toBe(false);
    const withChanges = parseDoc(withGuidelines({ changes: [{ at: '3w', relabel: 'all' }] }));
    expect(withChanges.configHash).not.toBe(plain.configHash);
    expect(parseDoc(minimalDocument()).configHash).toBe(plain.configHash);
  });

  it('reads times, dates, counts and every kind of targeting, naming changes by default in file order', () => {
    const doc = withGuidelines({
      changes: [
        { at: '1w', relabel: 'none' },
        { at: '2027-01-18', relabel: { share: '10%' } },
        { afterAccepted: 500, relabel: 'all', name: 'big-rewrite' },
      ],
    });
    doc.work.frames.classes = { names: ['car', 'bus'] };
    doc.guidelines.changes.push({ afterAccepted: 800, relabel: { classes: ['bus'], share: 0.5 }, work: ['frames'] });
    const g = parseDoc(doc).plans[0]!.model.guidelines!;
    expect(g.tracked).toBe(true);
    expect(g.changes).toEqual([
      { name: 'change-1', when: { kind: 'at', hours: 168 }, relabel: { kind: 'none' }, types: [0] },
      // Two weeks after the Monday start, at local midnight.
      { name: 'change-2', when: { kind: 'at', hours: 336 }, relabel: { kind: 'share', share: 0.1 }, types: [0] },
      { name: 'big-rewrite', when: { kind: 'afterAccepted', items: 500 }, relabel: { kind: 'all' }, types: [0] },
      { name: 'change-4', when: { kind: 'afterAccepted', items: 800 }, relabel: { kind: 'classes', names: ['bus'], share: 0.5 }, types: [0] },
    ]);
  });

  it('refuses a share outside [0, 1]', () => {
    const error = errorWith({ changes: [{ at: '1w', relabel: { share: 1.5 } }] });
    expect(error.field).toBe('guidelines.changes[0].relabel.share');
    expect(error.expected).toBe('a share: a percentage like 5% or a number from 0 to 1');
    const percent = errorWith({ changes: [{ at: '1w', relabel: { share: '120%' } }] });
    expect(percent.field).toBe('guidelines.changes[0].relabel.share');
  });

  it('refuses an unknown class name, listing the classes there are', () => {
    const error = errorWith({ changes: [{ at: '1w', relabel: { classes: ['truck'] } }] }, (doc) => (doc.work.frames.classes = { names: ['car', 'bus'] }));
    expect(error.field).toBe('guidelines.changes[0].relabel.classes[0]');
    expect(error.expected).toBe('the name of a class of frames (car, bus)');
    expect(error.got).toBe('"truck"');
  });

  it('refuses a targeting by class of item types without classes', () => {
    const error = errorWith({ changes: [{ at: '1w', relabel: { classes: ['car'] } }] });
    expect(error.field).toBe('guidelines.changes[0].relabel.classes');
    expect(error.expected).toMatch(/^item types that declare classes/);
  });

  it('refuses a change after the project ends: past the horizon, or at the last acceptance', () => {
    const late = errorWith({ changes: [{ at: '9w', relabel: 'all' }] }, (doc) => (doc.horizon = '8w'));
    expect(late.field).toBe('guidelines.changes[0].at');
    expect(late.expected).toMatch(/^a time before the horizon \(8w\)/);
    const last = errorWith({ changes: [{ afterAccepted: 1000, relabel: 'all' }] });
    expect(last.field).toBe('guidelines.changes[0].afterAccepted');
    expect(last.expected).toMatch(/^fewer than the 1,000 items/);
    const target = errorWith({ changes: [{ afterAccepted: 600, relabel: 'all' }] }, (doc) => (doc.target = { accepted: 600 }));
    expect(target.expected).toMatch(/^fewer than the 600 items of the target/);
  });

  it('warns of a change at or after the deadline, and of a targeting that untracked versions override', () => {
    const model = parseDoc(withGuidelines({ tracked: false, changes: [{ at: '9w', relabel: { share: '10%' } }] }, (doc) => (doc.deadline = '8w'))).plans[0]!.model;
    const warnings = feasibilityWarnings(model);
    expect(warnings).toContain('guideline change "change-1" takes effect at 9w, at or after the deadline (8w): what it sends back is relabelled after the deadline');
    expect(warnings).toContain('guideline change "change-1" targets some items, but versions are not tracked (guidelines.tracked: false): every accepted item is relabelled');
  });

  it('refuses neither or both of at and afterAccepted, changes out of order, unknown item types and repeated names', () => {
    expect(errorWith({ changes: [{ relabel: 'all' }] }).expected).toBe('at (a time or a date) or afterAccepted (an item count), one of them');
    expect(errorWith({ changes: [{ at: '2w', relabel: 'all' }, { at: '1w', relabel: 'all' }] }).field).toBe('guidelines.changes[1].at');
    expect(errorWith({ changes: [{ at: '1w', relabel: 'all', work: ['images'] }] }).field).toBe('guidelines.changes[0].work[0]');
    expect(errorWith({ changes: [{ at: '1w', relabel: 'all', name: 'a' }, { at: '2w', relabel: 'all', name: 'a' }] }).field).toBe('guidelines.changes[1].name');
  });
});
