import type { ObservationColumns } from './observations.js';

/** What an annotation was in the item's life. */
export const Pass = { cancelled: 0, first: 1, rework: 2 } as const;

export interface Passes {
  /** Pass.* per annotation. */
  kind: Uint8Array;
  /** Labels of the item made before this one that were not rework: 0 for the first label, 1 for a second consensus copy... */
  copy: Int32Array;
  /** How many of the annotator's annotations came before this one (in submission order): the x of a learning curve. */
  experience: Int32Array;
}

/**
 * Orders each item's annotations by submission time: an annotation after a rejection of the same
 * item is rework, the others first passes (several first passes of one item are consensus copies).
 * Ties in time keep the export's order.
 */
export function classifyPasses(c: ObservationColumns): Passes {
  const n = c.seconds.length;
  const kind = new Uint8Array(n);
  const copy = new Int32Array(n);
  const experience = new Int32Array(n);
  const byItem = sortedBy(c.item, c.endMs);
  let i = 0;
  while (i < n) {
    const item = c.item[byItem[i]];
    let rejectedBefore = false;
    let firsts = 0;
    for (; i < n && c.item[byItem[i]] === item; i++) {
      const k = byItem[i];
      if (c.cancelled[k] === 1) kind[k] = Pass.cancelled;
      else if (rejectedBefore) kind[k] = Pass.rework;
      else {
        kind[k] = Pass.first;
        copy[k] = firsts++;
      }
      if (c.outcome[k] === 1) rejectedBefore = true;
    }
  }
  const byAnnotator = sortedBy(c.annotator, c.endMs);
  let seen = 0;
  for (let j = 0; j < n; j++) {
    if (j > 0 && c.annotator[byAnnotator[j]] !== c.annotator[byAnnotator[j - 1]]) seen = 0;
    experience[byAnnotator[j]] = seen++;
  }
  return { kind, copy, experience };
}

/** Indices sorted by (group, time, index): a stable order whatever the sort does with ties. */
function sortedBy(group: Int32Array | Float64Array, time: Float64Array): Uint32Array {
  const idx = new Uint32Array(group.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  idx.sort((a, b) => group[a] - group[b] || (time[a] - time[b] || 0) || a - b);
  return idx;
}
