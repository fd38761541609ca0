import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../../experiments/load/index.js';
import { capacityCheck } from '../../../sim/model/capacity.js';

/** The YAML block of the README's section "Writing an experiment". */
function readmeExample(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Writing an experiment'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  if (block === null) throw new Error('README.md: no YAML block in "Writing an experiment"');
  return block[1];
}

describe("the README's example experiment", () => {
  it('loads, and its two reviewers offer their shift hours in 8 weeks, not the 2,688 of round the clock', () => {
    const experiment = parseExperiment(readmeExample(), 'README.md.yaml');
    const capacity = capacityCheck(experiment.plans[0].model);
    const reviewers = capacity.find((c) => c.pool === 'reviewers')!;
    // Two people x 8 h x 5 days x 8 weeks.
    expect(reviewers.availableHours).toBe(2 * 8 * 5 * 8);
  });
});
