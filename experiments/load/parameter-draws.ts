import type { ParameterDraw, PoolConfig, StageConfig } from '../../sim/model/config.js';
import type { Distribution } from '../../sim/random/distribution.js';
import { describeValue, type PathSegment } from './errors.js';
import { Handling, type HandlingDocument, type ModelDocument } from './schema.js';
import { shareValue } from './units.js';

type Fail = (path: PathSegment[], expected: string, got?: string) => never;

const PATHS_EXPECTED = 'a fitted parameter of this experiment: stages.<stage>.handling, stages.<stage>.reworkFactor (an annotate stage) or pools.<pool>.errorRate';

/**
 * The `uncertainty` of a document as the model's parameter draws. A draw replaces a parameter only
 * where the plan still has the fitted value (`uncertainty.fitted`): a plan that sets its own
 * handling time, say, runs with it in every replication, as it says.
 */
export function parameterDrawsOf(
  doc: ModelDocument,
  stages: StageConfig[],
  pools: PoolConfig[],
  distribution: (h: HandlingDocument, path: PathSegment[]) => Distribution,
  fail: Fail,
): ParameterDraw[] | null {
  const u = doc.uncertainty;
  if (u === undefined || u === null) return null;
  const targets = new Map<string, { kind: 'handling' | 'reworkFactor' | 'errorRate'; index: number; applies: boolean }>();
  for (const [path, value] of Object.entries(u.fitted)) {
    const target = resolve(path, doc, stages, pools);
    if (target === null) fail(['uncertainty', 'fitted', path], PATHS_EXPECTED, JSON.stringify(path));
    targets.set(path, { ...target, applies: target.index >= 0 && sameValue(target.kind, target.current, value) });
  }
  const draws: ParameterDraw[] = [];
  u.draws.forEach((draw, k) => {
    const out: ParameterDraw = { stages: [], pools: [] };
    for (const [path, value] of Object.entries(draw)) {
      const at: PathSegment[] = ['uncertainty', 'draws', k, path];
      const target = targets.get(path);
      if (target === undefined) fail(at, `a path listed in uncertainty.fitted (${[...targets.keys()].join(', ')})`, JSON.stringify(path));
      if (target.kind === 'handling') {
        const parsed = Handling.safeParse(value);
        if (!parsed.success) fail(at, 'a handling time like { lognormal: { mean: 36s, cv: 0.4 } }', describeValue(value));
        const d = distribution(parsed.data, at);
        if (target.applies) stageEntry(out, target.index).handling = d;
      } else if (target.kind === 'reworkFactor') {
        if (typeof value !== 'number' || !(value > 0) || value > 1000) fail(at, 'a factor > 0', describeValue(value));
        if (target.applies) stageEntry(out, target.index).reworkFactor = value;
      } else {
        const share = typeof value === 'number' || typeof value === 'string' ? shareValue(value) : null;
        if (share === null || share < 0 || share > 1) fail(at, 'a share: a percentage like 5% or a number from 0 to 1', describeValue(value));
        if (target.applies) out.pools.push({ pool: target.index, errorRate: share });
      }
    }
    draws.push(out);
  });
  return draws.some((d) => d.stages.length > 0 || d.pools.length > 0) ? draws : null;
}

function stageEntry(draw: ParameterDraw, stage: number): ParameterDraw['stages'][number] {
  let e = draw.stages.find((s) => s.stage === stage);
  if (e === undefined) draw.stages.push((e = { stage }));
  return e;
}

/** The model element a path names and the document's current value there; index -1 when the plan leaves the pool out. */
function resolve(path: string, doc: ModelDocument, stages: StageConfig[], pools: PoolConfig[]): { kind: 'handling' | 'reworkFactor' | 'errorRate'; index: number; current: unknown } | null {
  const m = /^(stages|pools)\.([A-Za-z0-9._-]+)\.(handling|reworkFactor|errorRate)$/.exec(path);
  if (m === null) return null;
  const [, section, name, field] = m;
  if (section === 'stages' && (field === 'handling' || field === 'reworkFactor')) {
    const index = stages.findIndex((s) => s.name === name);
    if (index < 0 || (field === 'reworkFactor' && stages[index].kind !== 'annotate')) return null;
    const s = doc.stages[name] as Record<string, unknown>;
    return { kind: field, index, current: s[field] };
  }
  if (section === 'pools' && field === 'errorRate') {
    if (!Object.prototype.hasOwnProperty.call(doc.pools, name)) return null;
    return { kind: 'errorRate', index: pools.findIndex((p) => p.name === name), current: doc.pools[name].errorRate };
  }
  return null;
}

function sameValue(kind: 'handling' | 'reworkFactor' | 'errorRate', current: unknown, fitted: unknown): boolean {
  if (kind === 'errorRate') {
    const a = typeof current === 'number' || typeof current === 'string' ? shareValue(current) : null;
    const b = typeof fitted === 'number' || typeof fitted === 'string' ? shareValue(fitted) : null;
    return a !== null && a === b;
  }
  return canonicalJsonOf(current) === canonicalJsonOf(fitted);
}

/** JSON with sorted keys (as experiment.ts hashes documents): equal values compare equal. */
function canonicalJsonOf(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJsonOf).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJsonOf(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
