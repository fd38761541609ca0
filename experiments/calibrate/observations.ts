import type { Annotation } from './annotation.js';

/** A typed array that grows by doubling: a million annotations cost a few bytes each, not an object each. */
class Column<T extends Float64Array | Int32Array | Uint8Array> {
  data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** Strings seen once each, numbered in order of first appearance. */
export class Names {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  id(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(name, i);
      this.list.push(name);
    }
    return i;
  }
  get size(): number {
    return this.list.length;
  }
}

/**
 * Every annotation of the exports as columns (about 45 bytes an annotation with its review),
 * the names interned. What the fits need and nothing else: the export's own records (label
 * geometry, URLs, free text) are never kept.
 */
export class Observations {
  readonly annotators = new Names();
  readonly itemTypes = new Names();
  readonly pools = new Names();
  readonly labels = new Names();
  readonly tiers = new Names();
  readonly reviewers = new Names();

  private readonly annotatorCol = new Column((n) => new Int32Array(n));
  /** Items by a 53-bit hash of (type, id), not interned: a million ids in a Map cost more than every column together. */
  private readonly itemCol = new Column((n) => new Float64Array(n));
  private readonly typeCol = new Column((n) => new Int32Array(n));
  private readonly poolCol = new Column((n) => new Int32Array(n));
  private readonly secondsCol = new Column((n) => new Float64Array(n));
  private readonly endCol = new Column((n) => new Float64Array(n));
  private readonly cancelledCol = new Column((n) => new Uint8Array(n));
  private readonly labelCol = new Column((n) => new Int32Array(n));
  /** The first review of each annotation: -1 none, 0 accepted, 1 rejected. */
  private readonly outcomeCol = new Column((n) => new Int32Array(n));
  /** Every review, flat: which annotation, which tier, who, rejected?, seconds (NaN unknown). */
  private readonly reviewOf = new Column((n) => new Int32Array(n));
  private readonly reviewTier = new Column((n) => new Int32Array(n));
  private readonly reviewBy = new Column((n) => new Int32Array(n));
  private readonly reviewRejected = new Column((n) => new Uint8Array(n));
  private readonly reviewSeconds = new Column((n) => new Float64Array(n));

  add(a: Annotation): void {
    const k = this.secondsCol.length;
    this.annotatorCol.push(this.annotators.id(a.annotator));
    this.itemCol.push(itemKey(a.itemType, a.item));
    this.typeCol.push(this.itemTypes.id(a.itemType));
    this.poolCol.push(this.pools.id(a.pool));
    this.secondsCol.push(a.seconds);
    this.endCol.push(a.endMs);
    this.cancelledCol.push(a.cancelled ? 1 : 0);
    this.labelCol.push(a.label === null ? -1 : this.labels.id(a.label));
    this.outcomeCol.push(a.reviews.length === 0 ? -1 : a.reviews[0].rejected ? 1 : 0);
    for (const r of a.reviews) {
      this.reviewOf.push(k);
      this.reviewTier.push(this.tiers.id(r.tier));
      this.reviewBy.push(r.reviewer === null ? -1 : this.reviewers.id(r.reviewer));
      this.reviewRejected.push(r.rejected ? 1 : 0);
      this.reviewSeconds.push(r.seconds ?? NaN);
    }
  }

  get size(): number {
    return this.secondsCol.length;
  }

  /** Distinct items seen. */
  itemCount(): number {
    const sorted = Float64Array.from(this.itemCol.view()).sort();
    let k = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) k++;
    return k;
  }

  columns() {
    return {
      annotator: this.annotatorCol.view(),
      item: this.itemCol.view(),
      itemType: this.typeCol.view(),
      pool: this.poolCol.view(),
      seconds: this.secondsCol.view(),
      endMs: this.endCol.view(),
      cancelled: this.cancelledCol.view(),
      label: this.labelCol.view(),
      outcome: this.outcomeCol.view(),
      review: {
        annotation: this.reviewOf.view(),
        tier: this.reviewTier.view(),
        reviewer: this.reviewBy.view(),
        rejected: this.reviewRejected.view(),
        seconds: this.reviewSeconds.view(),
      },
    };
  }
}

export type ObservationColumns = ReturnType<Observations['columns']>;

/**
 * A 53-bit key of an item: two 32-bit FNV-1a hashes with different offsets, one cut to 21 bits.
 * Two of a million items share a key with probability about 1e-4 (n^2 / 2^54); the export's ids
 * are not kept.
 */
export function itemKey(type: string, id: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
  };
  mix(type);
  a = Math.imul(a ^ 0xff, 0x01000193);
  b = Math.imul(b ^ 0xff, 0x01000193);
  mix(id);
  return (b >>> 11) * 4294967296 + (a >>> 0);
}
