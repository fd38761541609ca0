import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../../experiments/load/index.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { drawIndex, drawnModel } from '../../../sim/model/parameter-draws.js';

const EXPERIMENT = (uncertainty: string, extra = '') => `name: draws
work: { frames: { count: 400 } }
pools: { team: { headcount: 3, shifts: always, pay: none, errorRate: 0.1 } }
stages:
  annotate: { kind: annotate, pool: team, handling: { lognormal: { mean: 60s, cv: 0.3 } }, reworkFactor: 0.5 }
  review: { kind: review, pool: team, handling: 5s }
${uncertainty}
${extra}`;
const DRAWS = `uncertainty:
  method: bootstrap
  fitted: { stages.annotate.handling: { lognormal: { mean: 60s, cv: 0.3 } }, pools.team.errorRate: 0.1 }
  draws:
    - { stages.annotate.handling: { lognormal: { mean: 120s, cv: 0.3 } }, pools.team.errorRate: 0.2 }
    - { stages.annotate.handling: { lognormal: { mean: 30s, cv: 0.3 } }, pools.team.errorRate: 0 }
`;
const model = (text: string) => parseExperiment(text, 'draws.yaml').plans[0].model;

describe('parameter draws: each replication runs with one draw of the uncertain parameters', () => {
  it('leaves a model without draws, or a deterministic one, exactly as it is', () => {
    const plain = model(EXPERIMENT(''));
    expect(drawnModel(plain, 1, 0)).toBe(plain);
    const deterministic = model(EXPERIMENT(DRAWS, 'deterministic: true'));
    expect(drawnModel(deterministic, 1, 0)).toBe(deterministic);
  });

  it('runs a replication exactly as the fixed model with that draw written in', () => {
    const uncertain = model(EXPERIMENT(DRAWS));
    for (let k = 0; k < 6; k++) {
      const draw = drawIndex(uncertain, 9, k)!;
      const fixed = model(EXPERIMENT('').replace('mean: 60s', draw === 0 ? 'mean: 120s' : 'mean: 30s').replace('errorRate: 0.1', draw === 0 ? 'errorRate: 0.2' : 'errorRate: 0'));
      expect(simulateReplication(uncertain, 9, k)).toEqual(simulateReplication(fixed, 9, k));
    }
  });

  it('picks the draw from the seed and replication alone, so every plan runs replication k with the same draw (common random numbers)', () => {
    const a = model(EXPERIMENT(DRAWS));
    const b = model(EXPERIMENT(DRAWS).replace('headcount: 3', 'headcount: 7'));
    const counts = [0, 0];
    for (let k = 0; k < 4000; k++) {
      expect(drawIndex(a, 5, k)).toBe(drawIndex(b, 5, k));
      counts[drawIndex(a, 5, k)!]++;
    }
    // uniform over the draws: 2000 each, 4 standard deviations (4 x 31.6) either side
    expect(Math.abs(counts[0] - 2000)).toBeLessThan(127);
    expect(drawIndex(a, 6, 0) === drawIndex(a, 5, 0) && drawIndex(a, 6, 1) === drawIndex(a, 5, 1) && drawIndex(a, 6, 2) === drawIndex(a, 5, 2) && drawIndex(a, 6, 3) === drawIndex(a, 5, 3)).toBe(false);
  });
});
