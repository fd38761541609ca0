import { AgreementTally } from '../../sim/stats/agreement.js';

/**
 * Agreement between labellers of the same item (consensus copies, first passes only): the share
 * of agreeing pairs, and Fleiss' kappa with a varying number of labels per item (Fleiss 1971,
 * "Measuring nominal scale agreement among many raters"), as sim/stats/agreement.ts tallies them.
 */
export interface Agreement {
  items: number;
  labels: number;
  pairwise: number;
  fleissKappa: number | null;
  /** Most common number of labels per multiply-labelled item: the stage's `labels`. */
  typicalLabels: number;
}

/** `byItem`: for each item labelled at least twice, the label ids given to it. */
export function agreement(byItem: Iterable<number[]>): Agreement | null {
  const items = [...byItem].filter((labels) => labels.length >= 2);
  if (items.length === 0) return null;
  // The tally counts by category index: number the label ids in order of first appearance.
  const index = new Map<number, number>();
  for (const labels of items) for (const l of labels) if (!index.has(l)) index.set(l, index.size);
  const tally = new AgreementTally(index.size);
  const counts = new Float64Array(index.size);
  const sizes = new Map<number, number>();
  for (const labels of items) {
    counts.fill(0);
    for (const l of labels) counts[index.get(l)!]++;
    tally.addItem(counts);
    sizes.set(labels.length, (sizes.get(labels.length) ?? 0) + 1);
  }
  const kappa = tally.fleissKappa();
  const typicalLabels = [...sizes.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return { items: tally.items, labels: tally.labels, pairwise: tally.percentAgreement(), fleissKappa: Number.isNaN(kappa) ? null : kappa, typicalLabels };
}
