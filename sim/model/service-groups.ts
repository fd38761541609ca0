import type { ModelConfig } from './config.js';

/**
 * Pools that share queues. Each stage is staffed by a set of pools; the people of those pools
 * take work from one queue, so a pool in Manila and one in Berlin hand the same backlog round
 * the clock. A pool belongs to exactly one group; a pool no stage uses forms a group of its own
 * (its people are still paid, which is the point of modelling it).
 */
export interface ServiceGroups {
  /** Pool indices of each group, in config order. */
  members: number[][];
  groupOfPool: Int32Array;
  groupOfStage: Int32Array;
}

export function serviceGroups(config: ModelConfig): ServiceGroups {
  const poolIndex = new Map(config.pools.map((p, i) => [p.name, i]));
  const groupOfPool = new Int32Array(config.pools.length).fill(-1);
  const members: number[][] = [];
  const groupOfStage = new Int32Array(config.stages.length);
  config.stages.forEach((stage, s) => {
    const pools = stage.pools.map((name) => {
      const i = poolIndex.get(name);
      if (i === undefined) throw new Error(`stage ${stage.name} names unknown pool ${name}`);
      return i;
    });
    const existing = groupOfPool[pools[0]];
    if (existing >= 0) {
      const same = members[existing].length === pools.length && pools.every((p) => groupOfPool[p] === existing);
      if (!same) throw new Error(`stage ${stage.name}: pool ${stage.pools[0]} already shares a queue with ${members[existing].map((p) => config.pools[p].name).join(', ')}; a pool must serve every stage with the same partner pools`);
      groupOfStage[s] = existing;
      return;
    }
    for (const p of pools) {
      if (groupOfPool[p] >= 0) throw new Error(`stage ${stage.name}: pool ${config.pools[p].name} already shares a queue with other pools`);
      groupOfPool[p] = members.length;
    }
    groupOfStage[s] = members.length;
    members.push(pools);
  });
  config.pools.forEach((_, p) => {
    if (groupOfPool[p] < 0) {
      groupOfPool[p] = members.length;
      members.push([p]);
    }
  });
  return { members, groupOfPool, groupOfStage };
}
