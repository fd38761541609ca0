import { KeyedRandom } from '../random/keyed-random.js';

/**
 * Which of the counted accepted items a guideline change sends back. Accepted items are gone
 * from memory, only counted (by version, class, and whether the label is right), so the choice
 * is of how many from each count: `count` items drawn without replacement from the pieces, every
 * item equally likely. Random mode walks the items once (Knuth's selection sampling, TAOCP vol. 2,
 * 3.4.2, Algorithm S: the next item is taken with probability needed / left), keyed to the
 * change and the work type, so the same change picks the same way in every plan. Deterministic
 * mode shares the count out in proportion to the pieces (largest remainders, ties to the first).
 */
export function selectFromCounts(pieces: Float64Array, count: number, draws: RelabelDraws | null, change: number, type: number): Float64Array {
  const taken = new Float64Array(pieces.length);
  let left = 0;
  for (let i = 0; i < pieces.length; i++) left += pieces[i]!;
  if (count <= 0 || left <= 0) return taken;
  if (count >= left) return Float64Array.from(pieces);
  if (draws === null) return proportional(pieces, count, left);
  const u = draws.selection(change, type);
  let needed = count;
  for (let i = 0; i < pieces.length && needed > 0; i++) {
    for (let j = 0; j < pieces[i]! && needed > 0; j++) {
      if (u() * left < needed) {
        taken[i]!++;
        needed--;
      }
      left--;
    }
  }
  return taken;
}

function proportional(pieces: Float64Array, count: number, total: number): Float64Array {
  const taken = Float64Array.from(pieces, (n) => Math.floor((n * count) / total));
  let short = count;
  for (let i = 0; i < taken.length; i++) short -= taken[i]!;
  const order = Array.from(pieces, (n, i) => ({ i, rest: (n * count) / total - taken[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; k < short; k++) taken[order[k]!.i]!++;
  return taken;
}

/**
 * The draws of guideline changes: a stream of its own, so a file with guidelines shifts no draw
 * of one without. The selection of accepted items is keyed to (change, work type); whether a
 * label still in progress at a change falls in its share is keyed to (item serial, change).
 */
export class RelabelDraws {
  private readonly stream: KeyedRandom;

  constructor(seed: number | string, replication: number) {
    this.stream = new KeyedRandom(seed, replication, 'guidelines');
  }

  /** A generator of uniforms for change `change`'s choice among accepted items of `type`. */
  selection(change: number, type: number): () => number {
    return this.stream.at(change, type, 1);
  }

  /** A uniform for whether item `serial`'s label, made before change `change`, is among the share it relabels. */
  inShare(serial: number, change: number): number {
    return this.stream.uniform(serial, change, 2);
  }
}
