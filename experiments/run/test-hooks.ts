import { NO_FAULTS, parseFaults, type FaultPlan } from './faults.js';

/** The one switch that lets the environment inject faults; off unless set to 1. */
export const TEST_HOOKS_SWITCH = 'LABELSIM_TEST_HOOKS';

export interface TestHooks {
  /** Replications that must throw, as "plan:replication" (LABELSIM_FAIL_ON). */
  failOn: string[];
  /** Worker and disk faults (LABELSIM_FAULT, see faults.ts). */
  faults: FaultPlan;
  /** The line to print when the hooks are on, or null. */
  notice: string | null;
}

/**
 * The robustness tests' fault hooks, read from the environment only behind one explicit switch
 * (LABELSIM_TEST_HOOKS=1), so a stray variable on a production machine can never fail a
 * replication or fake a full disk; and when the switch is on, the run says so in its first line.
 */
export function testHooks(env: NodeJS.ProcessEnv = process.env): TestHooks {
  if (env[TEST_HOOKS_SWITCH] !== '1') return { failOn: [], faults: NO_FAULTS, notice: null };
  const failOn = (env.LABELSIM_FAIL_ON ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const faults = parseFaults(env.LABELSIM_FAULT);
  const set = (['LABELSIM_FAIL_ON', 'LABELSIM_FAULT'] as const).filter((v) => (env[v] ?? '').trim() !== '').map((v) => `${v}=${env[v]}`);
  return { failOn, faults, notice: `labelsim: test hooks on (${TEST_HOOKS_SWITCH}=1): ${set.length === 0 ? 'none set' : set.join(', ')}; failures from them are not real` };
}
