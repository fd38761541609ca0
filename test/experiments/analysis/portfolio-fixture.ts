import { minimalDocument } from '../load/helpers.js';

/**
 * Frames (cheap, low return) on the annotators; documents (dear, high return) and notes (not
 * valued) on two experts. Deadline Wednesday midnight: before the shift frames finish Wednesday
 * afternoon or Thursday (some late), documents Tuesday and notes Wednesday; with half of frames'
 * spend moved to documents, the experts have 2.5 times the work.
 */
export function sharedExperts(): Record<string, any> {
  const doc = minimalDocument();
  doc.deadline = '3d';
  doc.work = {
    frames: { count: 8000, workflow: ['annotate', 'review'], value: 0.2 },
    documents: { count: 400, workflow: ['expert'], value: 6 },
    notes: { count: 400, workflow: ['expert'] },
  };
  doc.pools.annotators.errorRate = '4%';
  doc.pools.experts = { headcount: 2, shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }], pay: { salaried: '40/h' } };
  doc.stages.expert = { kind: 'annotate', pool: 'experts', handling: '3m' };
  return doc;
}
