/**
 * Agreement between raters who label the same items with nominal categories: percent agreement,
 * Cohen's kappa, Fleiss' kappa and Krippendorff's alpha. Pure functions over tables, plus a
 * tally of their sufficient statistics so a replication can add items one at a time without
 * keeping any of them.
 *
 * Sources: Cohen (1960), "A coefficient of agreement for nominal scales"; Fleiss (1971),
 * "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5); Krippendorff
 * (2011), "Computing Krippendorff's Alpha-Reliability" (nominal metric, coincidence matrices).
 *
 * A statistic whose chance agreement is total (every label in one category) is undefined: the
 * functions return NaN then, never a made-up 0 or 1.
 */

/** Share of items on the diagonal of a two-rater table (rows rater A, columns rater B). */
export function percentAgreement(table: ReadonlyArray<ReadonlyArray<number>>): number {
  let agree = 0, total = 0;
  for (let i = 0; i < table.length; i++) {
    const row = table[i]!;
    for (let j = 0; j < row.length; j++) {
      total += row[j]!;
      if (i === j) agree += row[j]!;
    }
  }
  return total > 0 ? agree / total : NaN;
}

/**
 * Cohen's kappa from a square two-rater table: (p_o - p_e) / (1 - p_e), where p_e is the
 * agreement expected from each rater's own marginal distribution.
 */
export function cohensKappa(table: ReadonlyArray<ReadonlyArray<number>>): number {
  const k = table.length;
  const rows = new Float64Array(k), cols = new Float64Array(k);
  let agree = 0, total = 0;
  for (let i = 0; i < k; i++) {
    const row = table[i]!;
    if (row.length !== k) throw new RangeError(`cohensKappa: the table must be square (row ${i} has ${row.length} cells, expected ${k})`);
    for (let j = 0; j < k; j++) {
      const n = row[j]!;
      rows[i]! += n;
      cols[j]! += n;
      total += n;
      if (i === j) agree += n;
    }
  }
  if (total <= 0) return NaN;
  let chance = 0;
  for (let i = 0; i < k; i++) chance += rows[i]! * cols[i]!;
  chance /= total * total;
  return kappaOf(agree / total, chance);
}

/**
 * Fleiss' kappa from per-item category counts (`counts[i][j]`: raters who put item i in category
 * j), the same number of raters on every item. Chance agreement uses the pooled marginals.
 */
export function fleissKappa(counts: ReadonlyArray<ReadonlyArray<number>>): number {
  const tally = new AgreementTally(counts[0]?.length ?? 0);
  let raters = -1;
  for (const item of counts) {
    const n = sum(item);
    if (raters < 0) raters = n;
    else if (n !== raters) throw new RangeError(`fleissKappa: every item needs the same number of raters (${raters}), one has ${n}`);
    tally.addItem(item);
  }
  return tally.fleissKappa();
}

/**
 * The coincidence matrix of nominal reliability data (Krippendorff 2011, section "C"): each unit's
 * m_u pairable values contribute n_uc n_uk / (m_u - 1) to cell (c, k), minus the value paired with
 * itself on the diagonal. `units[u]` holds the values coded for unit u as category indices below
 * `categories`, null where a coder gave none; units with fewer than two values are not pairable.
 */
export function coincidenceMatrix(units: ReadonlyArray<ReadonlyArray<number | null>>, categories: number): number[][] {
  const o = Array.from({ length: categories }, () => new Array<number>(categories).fill(0));
  const n = new Float64Array(categories);
  for (const values of units) {
    n.fill(0);
    let m = 0;
    for (const v of values) {
      if (v === null) continue;
      if (!Number.isInteger(v) || v < 0 || v >= categories) throw new RangeError(`coincidenceMatrix: value ${v} is not a category index below ${categories}`);
      n[v]!++;
      m++;
    }
    if (m < 2) continue;
    for (let c = 0; c < categories; c++) {
      for (let k = 0; k < categories; k++) o[c]![k]! += (n[c]! * (c === k ? n[k]! - 1 : n[k]!)) / (m - 1);
    }
  }
  return o;
}

/**
 * Krippendorff's alpha for nominal data from a coincidence matrix: 1 - D_o / D_e, i.e.
 * 1 - (n - 1) sum_{c != k} o_ck / sum_{c != k} n_c n_k, with n_c the matrix's margins.
 */
export function krippendorffAlpha(o: ReadonlyArray<ReadonlyArray<number>>): number {
  const k = o.length;
  const margins = new Float64Array(k);
  let n = 0, offDiagonal = 0;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < k; j++) {
      margins[c]! += o[c]![j]!;
      if (c !== j) offDiagonal += o[c]![j]!;
    }
    n += margins[c]!;
  }
  let squares = 0;
  for (let c = 0; c < k; c++) squares += margins[c]! * margins[c]!;
  const expected = n * n - squares;
  return expected > 0 ? 1 - ((n - 1) * offDiagonal) / expected : NaN;
}

/**
 * The sufficient statistics of Fleiss' kappa, Krippendorff's nominal alpha and pairwise percent
 * agreement, added one item (its category counts) at a time: memory is one counter per category
 * whatever the number of items. Items with fewer than two labels are not pairable and are skipped.
 */
export class AgreementTally {
  /** Pairable items added. */
  items = 0;
  /** Labels on those items (Krippendorff's n). */
  labels = 0;
  /** Sum over items of the share of agreeing label pairs (Fleiss' P_i). */
  private pairAgreement = 0;
  /** Sum over items of (m^2 - sum_c n_c^2) / (m - 1): the off-diagonal mass of the coincidence matrix. */
  private disagreement = 0;
  /** Agreeing and all label pairs, summed over items. */
  private agreeingPairs = 0;
  private pairs = 0;
  readonly totals: Float64Array;

  constructor(readonly categories: number) {
    this.totals = new Float64Array(categories);
  }

  addItem(counts: ArrayLike<number>): void {
    let m = 0, squares = 0;
    for (let c = 0; c < this.categories; c++) {
      const x = counts[c]!;
      m += x;
      squares += x * x;
    }
    if (m < 2) return;
    for (let c = 0; c < this.categories; c++) this.totals[c]! += counts[c]!;
    this.items++;
    this.labels += m;
    const agreeing = (squares - m) / 2;
    const all = (m * (m - 1)) / 2;
    this.agreeingPairs += agreeing;
    this.pairs += all;
    this.pairAgreement += agreeing / all;
    this.disagreement += (m * m - squares) / (m - 1);
  }

  /** Share of label pairs on the same item that agree (with two labels: percent agreement). */
  percentAgreement(): number {
    return this.pairs > 0 ? this.agreeingPairs / this.pairs : NaN;
  }

  /** Fleiss' kappa: mean P_i against P_e = sum_j p_j^2 from the pooled label shares. */
  fleissKappa(): number {
    if (this.items === 0) return NaN;
    let chance = 0;
    for (let c = 0; c < this.categories; c++) chance += (this.totals[c]! / this.labels) ** 2;
    return kappaOf(this.pairAgreement / this.items, chance);
  }

  /** Krippendorff's nominal alpha of the items added (the same as krippendorffAlpha of their coincidence matrix). */
  krippendorffAlpha(): number {
    const n = this.labels;
    let squares = 0;
    for (let c = 0; c < this.categories; c++) squares += this.totals[c]! * this.totals[c]!;
    const expected = n * n - squares;
    return expected > 0 ? 1 - ((n - 1) * this.disagreement) / expected : NaN;
  }
}

function kappaOf(observed: number, chance: number): number {
  return chance < 1 ? (observed - chance) / (1 - chance) : NaN;
}

function sum(xs: ReadonlyArray<number>): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
