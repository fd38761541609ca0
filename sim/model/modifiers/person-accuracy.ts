import { sampler } from '../../random/distribution.js';
import type { PoolConfig } from '../config.js';
import type { PersonDraws } from '../draw-keys.js';
import type { ErrorModifier } from './handling-modifier.js';
import type { Task } from './task.js';

/**
 * People differ in accuracy: each person's error rate is the pool's times a factor of mean 1
 * (lognormal with the pool's `errorSpread` as its coefficient of variation), drawn once per
 * replication and keyed to the person, so a plan that adds people keeps everyone else's. Gold
 * audits have someone to catch; consensus and review see who makes the errors. Deterministic
 * mode draws nothing: everyone at the pool's rate.
 */
export class PersonAccuracy implements ErrorModifier {
  /** Per pool, the factor of each person (empty for a pool whose people are alike). */
  private readonly factors: Float64Array[];

  constructor(
    private readonly pools: ReadonlyArray<PoolConfig>,
    sizes: ReadonlyArray<number>,
    private readonly draws: PersonDraws,
  ) {
    this.factors = pools.map((p, i) => {
      const cv = p.errorSpread ?? 0;
      if (cv === 0) return new Float64Array(0);
      return Float64Array.from({ length: sizes[i] }, (_, person) => sampler({ kind: 'lognormal', mean: 1, cv }, draws.accuracy(i, person), { keyed: true })());
    });
  }

  /** Whether any pool of a model has a spread worth drawing (not in deterministic mode). */
  static applies(pools: ReadonlyArray<PoolConfig>): boolean {
    return pools.some((p) => (p.errorSpread ?? 0) > 0);
  }

  /** A new person in `person`'s place (a replacement after a gold flag, the `generation`-th): a factor of their own. */
  replace(pool: number, person: number, generation: number): void {
    const f = this.factors[pool];
    const cv = this.pools[pool].errorSpread ?? 0;
    if (f.length > 0) f[person] = sampler({ kind: 'lognormal', mean: 1, cv }, this.draws.replacementAccuracy(pool, person, generation), { keyed: true })();
  }

  /** The factor of `person` of `pool` (1 for a pool whose people are alike). */
  factorOf(pool: number, person: number): number {
    const f = this.factors[pool];
    return f.length === 0 ? 1 : f[person];
  }

  errorRate(task: Task, p: number): number {
    return Math.min(1, p * this.factorOf(task.pool, task.person));
  }
}
