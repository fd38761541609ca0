import type { PolicyTargets } from '../../reports/decision-policy.js';
import { durationHours, shareValue } from '../load/units.js';
import { UsageError } from '../usage-error.js';

/**
 * What `labelsim solve --target` asks for, alone or together, as a decision policy's targets
 * (reports/decision-policy.ts) so the solver and the report judge a plan alike. Shares are
 * written as in files (`90%` or `0.9`), waits and times as durations (`30s`, `4h`, `2w`).
 */
export const TARGET_FORMS =
  'on-time=<probability> with a probability above 0 and at most 1, like on-time=0.9 or on-time=90%; service-level=<share>@<wait>[:<stage>], like service-level=80%@30s; p85-time-in-system=<duration>, like 3w; residual-error=<share>, like 2%; or budget=<amount>, like 250000';

function refuse(raw: string, expected = TARGET_FORMS): never {
  throw new UsageError(`--target: expected ${expected}, got ${JSON.stringify(raw)}`);
}

/** Numbers as files write them: a share as 0.9 or 90%. */
function share(text: string): number | null {
  const t = text.trim();
  return shareValue(/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : t);
}

/** Adds one `--target` to `into`; a kind given twice is refused. */
export function addTarget(raw: string, into: PolicyTargets): void {
  const m = /^\s*([a-z0-9-]+)\s*=(.*)$/.exec(raw);
  if (m === null) refuse(raw);
  const [, kind, value] = m;
  const once = (key: keyof PolicyTargets) => {
    if (into[key] !== undefined) refuse(raw, `each kind of target once (${kind} is given twice)`);
  };
  switch (kind) {
    case 'on-time': {
      const p = share(value);
      if (p === null || !(p > 0)) refuse(raw, 'on-time=<probability> with a probability above 0 and at most 1, like on-time=0.9');
      once('onTime');
      into.onTime = p!;
      return;
    }
    case 'service-level': {
      const s = /^\s*([^@]+)@([^:]+)(?::(.+))?$/.exec(value);
      const level = s === null ? null : share(s[1]);
      const within = s === null ? null : durationHours(s[2].trim());
      if (s === null || level === null || !(level > 0) || within === null) refuse(raw, 'service-level=<share>@<wait>[:<stage>], like service-level=80%@30s or service-level=0.9@4h:review');
      once('serviceLevel');
      into.serviceLevel = { stage: s![3]?.trim() ?? '', withinHours: within!, atLeast: level! };
      return;
    }
    case 'p85-time-in-system': {
      const h = durationHours(value.trim());
      if (h === null || !(h > 0)) refuse(raw, 'p85-time-in-system=<duration> above 0, like p85-time-in-system=3w');
      once('timeInSystemP85Hours');
      into.timeInSystemP85Hours = h!;
      return;
    }
    case 'residual-error': {
      const e = share(value);
      if (e === null) refuse(raw, 'residual-error=<share>, like residual-error=2% or 0.02');
      once('residualError');
      into.residualError = e!;
      return;
    }
    case 'budget': {
      const b = Number(value.trim());
      if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || !Number.isFinite(b) || !(b > 0)) refuse(raw, 'budget=<amount> above 0, like budget=250000');
      once('budget');
      into.budget = b;
      return;
    }
    default:
      refuse(raw);
  }
}

/**
 * Every `--target` given, merged; one may hold several separated by commas, as `--precision`
 * does. A comma splits only before another `kind=`, so `budget=250,000` stays whole (and is
 * refused as the amount it is).
 */
export function parseTargets(raws: string[]): PolicyTargets {
  const targets: PolicyTargets = {};
  for (const raw of raws) for (const one of raw.split(/,(?=\s*[a-z0-9-]+\s*=)/)) addTarget(one, targets);
  return targets;
}
