import { describe, expect, it } from 'vitest';
import { errorAfter, minimalDocument, parseDoc } from './helpers.js';

describe('a target and a queue discipline in the file', () => {
  it('are absent from the model unless written, so a file without them keeps its config hash', () => {
    const plain = parseDoc(minimalDocument());
    expect(plain.plans[0].model.target).toBeUndefined();
    expect(plain.plans[0].model.queue).toBeUndefined();
    const withNull = minimalDocument();
    withNull.target = null;
    expect(parseDoc(withNull).plans[0].model.target).toBeUndefined();
  });

  it('reach the model when written', () => {
    const doc = minimalDocument();
    doc.target = { accepted: 600 };
    doc.queue = 'fifo';
    const model = parseDoc(doc).plans[0].model;
    expect(model.target).toEqual({ accepted: 600 });
    expect(model.queue).toBe('fifo');
  });

  it('refuse a target above the items the work types deliver, naming the field', () => {
    const error = errorAfter((doc) => (doc.target = { accepted: 1001 }));
    expect(error.message).toBe('experiment.yaml: target.accepted: expected at most the 1,000 items the work types deliver, got 1001');
  });

  it('refuse a discipline that does not exist, saying which do', () => {
    const error = errorAfter((doc) => (doc.queue = 'lifo'));
    expect(error.field).toBe('queue');
    expect(error.expected).toBe("'rework-first' or 'fifo'");
  });
});
