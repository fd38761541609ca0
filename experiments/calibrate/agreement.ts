/**
 * Agreement between labellers of the same item (consensus copies, first passes only): the share
 * of agreeing pairs, and Fleiss' kappa with a varying number of labels per item (Fleiss 1971,
 * "Measuring nominal scale agreement among many raters"): P_i = (sum_j n_ij^2 - n_i) /
 * (n_i (n_i - 1)), kappa = (mean P_i - P_e) / (1 - P_e), P_e = sum_j p_j^2.
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
  let items = 0, labels = 0, pairsAgree = 0, pairs = 0, sumP = 0;
  const totals = new Map<number, number>();
  const sizes = new Map<number, number>();
  for (const labelsOfItem of byItem) {
    const n = labelsOfItem.length;
    if (n < 2) continue;
    const counts = new Map<number, number>();
    for (const l of labelsOfItem) {
      counts.set(l, (counts.get(l) ?? 0) + 1);
      totals.set(l, (totals.get(l) ?? 0) + 1);
    }
    let sq = 0;
    for (const c of counts.values()) {
      sq += c * c;
      pairsAgree += (c * (c - 1)) / 2;
    }
    pairs += (n * (n - 1)) / 2;
    sumP += (sq - n) / (n * (n - 1));
    items++;
    labels += n;
    sizes.set(n, (sizes.get(n) ?? 0) + 1);
  }
  if (items === 0) return null;
  let pe = 0;
  for (const t of totals.values()) pe += (t / labels) ** 2;
  const pBar = sumP / items;
  const typicalLabels = [...sizes.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return { items, labels, pairwise: pairsAgree / pairs, fleissKappa: pe < 1 ? (pBar - pe) / (1 - pe) : null, typicalLabels };
}
