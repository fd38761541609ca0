import type { ModelDocument } from './schema.js';

/**
 * Pools that no stage of a model document names, in file order. Such a pool is not part of the
 * plan: were it kept, its salaried people would be paid for idle shifts and its seats licensed,
 * so a plan that moves all annotation to a vendor would still pay the team it no longer uses.
 * Every stage counts, escalation and adjudication stages included, whether or not a workflow
 * names it: those are reached from other stages.
 */
export function unusedPools(doc: Pick<ModelDocument, 'pools' | 'stages'>): string[] {
  const serving = new Set<string>();
  for (const stage of Object.values(doc.stages)) {
    for (const pool of typeof stage.pool === 'string' ? [stage.pool] : stage.pool) serving.add(pool);
  }
  return Object.keys(doc.pools).filter((pool) => !serving.has(pool));
}

/** Plans named in a line before "and N more". */
const NAMED_PLANS = 3;

/**
 * One line per pool that some plan leaves out, naming those plans, for `check` and `run` to
 * print: `plan "vendor-b": pool "inhouse" serves no stage and is left out (no cost)`.
 */
export function leftOutPoolLines(plans: ReadonlyArray<{ name: string; leftOutPools: readonly string[] }>): string[] {
  const plansOf = new Map<string, string[]>();
  for (const plan of plans) {
    for (const pool of plan.leftOutPools) plansOf.set(pool, [...(plansOf.get(pool) ?? []), plan.name]);
  }
  return [...plansOf].map(([pool, names]) => `${whichPlans(names, plans.length)}: pool ${JSON.stringify(pool)} serves no stage and is left out (no cost)`);
}

function whichPlans(names: string[], total: number): string {
  if (names.length === 1) return `plan ${JSON.stringify(names[0])}`;
  if (names.length === total) return 'every plan';
  const shown = names.slice(0, NAMED_PLANS).map((n) => JSON.stringify(n)).join(', ');
  return `plans ${shown}${names.length > NAMED_PLANS ? ` and ${names.length - NAMED_PLANS} more` : ''}`;
}
