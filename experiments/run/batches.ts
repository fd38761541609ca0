import { UsageError } from '../usage-error.js';

/** Which replications a shard runs: replication k belongs to shard k mod n, so shards stay balanced. */
export interface Shard {
  index: number;
  count: number;
}

export function inShard(replication: number, shard: Shard | null): boolean {
  return shard === null || replication % shard.count === shard.index;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (m === null) throw new UsageError(`--shard: expected i/n with 0 <= i < n, like 0/4, got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!(count >= 1 && index < count)) throw new UsageError(`--shard: expected i/n with 0 <= i < n, like 0/4, got "${text}"`);
  return { index, count };
}

/** Splits replication indices into batches: big enough to amortise messaging, small enough to balance threads and lose little on a kill. */
export function batchesOf(replications: number[], workers: number, batchSize?: number): number[][] {
  const size = batchSize ?? Math.max(1, Math.min(25, Math.ceil(replications.length / Math.max(1, workers * 4))));
  const out: number[][] = [];
  for (let i = 0; i < replications.length; i += size) out.push(replications.slice(i, i + size));
  return out;
}
