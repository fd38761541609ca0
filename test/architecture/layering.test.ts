import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

/**
 * The layering rules of DESIGN.md, enforced: the engine and model (sim/) know nothing of files,
 * threads, the console or the layers above; workers/ know nothing of experiments/; reports/ know
 * only aggregated data (nothing of sim/ or experiments/). sim/ also keeps its results a pure
 * function of (config, seed): no Math.random, no wall clock.
 */
type Layer = 'sim' | 'workers' | 'experiments' | 'reports' | 'bench';

interface SourceFile {
  /** Repository-relative path with '/' separators. */
  file: string;
  text: string;
}

const FORBIDDEN: Record<Layer, Array<Layer | 'node'>> = {
  sim: ['node', 'workers', 'experiments', 'reports', 'bench'],
  workers: ['experiments', 'reports', 'bench'],
  reports: ['sim', 'experiments', 'workers', 'bench'],
  experiments: ['bench'],
  bench: [],
};

/** Every module specifier a file names: static imports and re-exports (type-only included), and dynamic import(). */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(/\b(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

function layerOf(file: string): Layer | null {
  const top = file.split('/')[0];
  return top === 'sim' || top === 'workers' || top === 'experiments' || top === 'reports' || top === 'bench' ? top : null;
}

/** What a specifier reaches: a layer of this repository, a Node built-in, or a package (null: allowed everywhere). */
function targetOf(from: string, spec: string): Layer | 'node' | null {
  if (spec.startsWith('node:')) return 'node';
  if (!spec.startsWith('.')) return NODE_BUILTINS.has(spec.split('/')[0]) ? 'node' : null;
  return layerOf(path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)));
}
const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'module', 'url', 'util', 'process', 'stream', 'events', 'readline', 'perf_hooks', 'v8', 'cluster', 'net', 'http', 'https', 'zlib', 'tty']);

const CLOCK_OR_CHANCE = [/\bMath\.random\s*\(/, /\bDate\.now\s*\(/, /\bnew\s+Date\s*\(/, /\bperformance\.now\s*\(/, /\bprocess\.hrtime\b/];

/** Every broken rule, as "file: what". */
function violations(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const { file, text } of files) {
    const layer = layerOf(file);
    if (layer === null) continue;
    for (const spec of specifiers(text)) {
      const target = targetOf(file, spec);
      if (target !== null && target !== layer && FORBIDDEN[layer].includes(target)) out.push(`${file}: imports ${spec} (${layer}/ may not import ${target === 'node' ? 'Node built-ins' : `${target}/`})`);
    }
    if (layer === 'sim') {
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
      for (const pattern of CLOCK_OR_CHANCE) if (pattern.test(code)) out.push(`${file}: uses ${pattern.source.replace(/\\b|\\s\*|\\/g, '')} (sim/ must be a pure function of config and seed)`);
    }
  }
  return out;
}

function sourceFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  for (const top of ['sim', 'workers', 'experiments', 'reports', 'bench']) {
    for (const entry of fs.readdirSync(path.join(REPO, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|mts|js|mjs)$/.test(entry.name)) continue;
      const abs = path.join(entry.parentPath, entry.name);
      out.push({ file: path.relative(REPO, abs).split(path.sep).join('/'), text: fs.readFileSync(abs, 'utf8') });
    }
  }
  return out;
}

describe('the layering of the source tree', () => {
  it('holds: no file imports a layer it must not know, and sim/ reads no clock and no Math.random', () => {
    const files = sourceFiles();
    expect(files.filter((f) => f.file.startsWith('sim/')).length).toBeGreaterThan(20);
    expect(violations(files)).toEqual([]);
  });

  it.each([
    ['sim/model/a.ts', "import fs from 'node:fs';", 'sim/ may not import Node built-ins'],
    ['sim/model/a.ts', "import { readFileSync } from 'fs';", 'sim/ may not import Node built-ins'],
    ['sim/engine/a.ts', "import type { Experiment } from '../../experiments/load/index.js';", 'sim/ may not import experiments/'],
    ['sim/model/a.ts', "export { x } from '../../workers/result-rows.js';", 'sim/ may not import workers/'],
    ['sim/model/a.ts', "const m = await import('../../reports/format.js');", 'sim/ may not import reports/'],
    ['reports/sections/a.ts', "import { capacityCheck } from '../../sim/model/capacity.js';", 'reports/ may not import sim/'],
    ['reports/a.ts', "import { loadExperiment } from '../experiments/load/index.js';", 'reports/ may not import experiments/'],
    ['workers/a.ts', "import { runExperiment } from '../experiments/run/run-experiment.js';", 'workers/ may not import experiments/'],
    ['sim/random/a.ts', 'export const u = () => Math.random();', 'sim/ must be a pure function'],
    ['sim/model/a.ts', 'const t = Date.now();', 'sim/ must be a pure function'],
  ])('is broken by %s containing %s', (file, text, why) => {
    const found = violations([{ file, text }]);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(why);
  });

  it('is not broken by what the rules allow: packages, own-layer imports, names in comments', () => {
    const allowed = [
      { file: 'sim/random/a.ts', text: "import seedrandom from 'seedrandom';\nimport { x } from './stream.js';\n// Math.random() would break replication\n" },
      { file: 'workers/a.ts', text: "import { Worker } from 'node:worker_threads';\nimport { rowLayout } from '../sim/model/config.js';" },
      { file: 'experiments/a.ts', text: "import { renderReport } from '../reports/render-report.js';\nimport fs from 'node:fs';" },
      { file: 'reports/a.ts', text: "import { fmt } from './format.js';\nimport type { ReportData } from './report-data.js';" },
    ];
    expect(violations(allowed)).toEqual([]);
  });
});
