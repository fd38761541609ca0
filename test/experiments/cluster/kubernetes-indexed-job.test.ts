import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Job } from 'kubernetes-models/batch/v1/Job';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { labelsim, REPO, tempDir } from '../../support/cli.js';

/**
 * experiments/cluster/kubernetes-indexed-job.yaml cannot run here (no Kubernetes). What can be
 * checked is checked: each document against the Kubernetes API schema of the kubernetes-models
 * package (types, enums, required fields, quantities at run time; unknown fields, which kubectl's
 * strict validation refuses, through TypeScript's excess-property check against the package's
 * declarations), the names the documents and the commands in the header share, and the pods'
 * commands themselves, run here for every completion index with the environment and mounts
 * Kubernetes would give them, to the summary of a single-machine run.
 */

const MANIFEST = path.join(REPO, 'experiments', 'cluster', 'kubernetes-indexed-job.yaml');
const text = fs.readFileSync(MANIFEST, 'utf8');
const docs = parseAllDocuments(text).map((d) => {
  if (d.errors.length > 0) throw new Error(`${MANIFEST}: ${d.errors.map((e) => e.message).join('; ')}`);
  return d.toJS() as Record<string, any>;
});
const claim = docs.find((d) => d.kind === 'PersistentVolumeClaim')!;
const shards = docs.find((d) => d.kind === 'Job' && d.spec?.completionMode === 'Indexed')!;
const merge = docs.find((d) => d.kind === 'Job' && d !== shards)!;
/** The header's `kubectl ...` lines. */
const kubectl = [...text.matchAll(/^#\s+(kubectl .*)$/gm)].map((m) => m[1]);

/** TypeScript's errors for the documents assigned to the package's declared types (an unknown field is an excess property). */
function typeErrors(values: Array<{ type: string; module: string; value: unknown }>): string[] {
  const file = path.join(REPO, 'test', 'experiments', 'cluster', 'manifest-types.generated.ts'); // in memory only
  const source = values.map(({ type, module, value }, i) => `import type { ${type} as T${i} } from '${module}';\nexport const doc${i}: T${i} = ${JSON.stringify(value, null, 2)};\n`).join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) => (name === file ? ts.createSourceFile(name, source, version) : getSourceFile.call(host, name, version, ...rest));
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file !== undefined && d.start !== undefined ? `line ${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, ' ');
  });
}

const TYPES = {
  Job: { type: 'IJob', module: 'kubernetes-models/batch/v1/Job' },
  PersistentVolumeClaim: { type: 'IPersistentVolumeClaim', module: 'kubernetes-models/v1/PersistentVolumeClaim' },
} as const;

/** What the container's command does here: `/bin/sh -c` with its environment, in the repository (the image's /app), each mount path a local folder. */
function runContainer(container: Record<string, any>, env: Record<string, string>, mounts: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  expect(container.command).toEqual(['/bin/sh', '-c']);
  expect(container.args).toHaveLength(1);
  expect(container.workingDir).toBe('/app');
  let script: string = container.args[0];
  for (const [mountPath, local] of Object.entries(mounts)) script = script.replace(new RegExp(`(?<![\\w/])${mountPath}(?=/|\\s|$)`, 'g'), local);
  const child = spawn('/bin/sh', ['-c', script], { cwd: REPO, env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The value the downward API gives for a resourceFieldRef: the quantity over the divisor, rounded up. */
function downward(container: Record<string, any>, ref: { resource: string; divisor?: string }): string {
  const [kind, resource] = ref.resource.split('.');
  const quantity = String(container.resources[kind][resource]);
  const cpu = (q: string) => (q.endsWith('m') ? Number(q.slice(0, -1)) / 1000 : Number(q));
  expect(resource).toBe('cpu');
  return String(Math.ceil(cpu(quantity) / cpu(ref.divisor ?? '1')));
}

describe('experiments/cluster/kubernetes-indexed-job.yaml', () => {
  it('holds a claim, the Indexed Job of shards and the merge Job, each valid against the Kubernetes API schema, with no unknown field', () => {
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['PersistentVolumeClaim/labelsim-results', 'Job/labelsim-shards', 'Job/labelsim-merge']);
    expect(() => new PersistentVolumeClaim(claim as never).validate()).not.toThrow();
    for (const job of [shards, merge]) expect(() => new Job(job as never).validate()).not.toThrow();
    expect(typeErrors(docs.map((d) => ({ ...TYPES[d.kind as keyof typeof TYPES], value: d })))).toEqual([]);
  });

  it('is checked strictly: a misspelt field, a wrong type and a bad enum value are caught', () => {
    const container = shards.spec.template.spec.containers[0];
    const misspelt = structuredClone(shards);
    misspelt.spec.template.spec.containers[0] = { ...container, comand: container.command };
    delete misspelt.spec.template.spec.containers[0].command;
    expect(typeErrors([{ ...TYPES.Job, value: misspelt }]).join('\n')).toMatch(/'"comand"' does not exist in type 'IContainer'/);
    const wrongType = structuredClone(shards);
    wrongType.spec.completions = '8';
    expect(() => new Job(wrongType as never).validate()).toThrow(/completions must be integer/);
    const badEnum = structuredClone(shards);
    badEnum.spec.completionMode = 'indexed';
    expect(() => new Job(badEnum as never).validate()).toThrow(/completionMode must be equal to one of the allowed values/);
  });

  it('agrees with itself: one shard count, the names the header commands use, volumes that exist, one image', () => {
    const spec = shards.spec;
    const container = spec.template.spec.containers[0];
    const env = Object.fromEntries(container.env.map((e: { name: string; value?: string }) => [e.name, e]));
    expect(spec.completionMode).toBe('Indexed');
    expect(Number(env.SHARDS.value)).toBe(spec.completions);
    expect(spec.parallelism).toBeLessThanOrEqual(spec.completions);
    expect(env.CPUS.valueFrom.resourceFieldRef.containerName).toBe(container.name);
    // A pod that restarts in place continues its shard; the shard count and index come from the environment, not the command.
    expect(spec.template.spec.restartPolicy).toBe('OnFailure');
    expect(container.args[0]).toMatch(/--shard "\$\{JOB_COMPLETION_INDEX\}\/\$\{SHARDS\}" --workers "\$\{CPUS\}" --resume --out \/results$/);
    expect(container.args[0]).not.toMatch(/\/\d+\b/);
    expect(merge.spec.suspend).toBe(true);

    const configMap = shards.spec.template.spec.volumes.find((v: any) => v.configMap !== undefined).configMap.name;
    expect(kubectl).toContain(`kubectl create configmap ${configMap} --from-file=experiment.yaml=experiments/eight-week-video.yaml`);
    expect(fs.existsSync(path.join(REPO, 'experiments', 'eight-week-video.yaml'))).toBe(true);
    expect(kubectl).toContain('kubectl apply -f experiments/cluster/kubernetes-indexed-job.yaml');
    expect(kubectl).toContain(`kubectl wait --for=condition=complete job/${shards.metadata.name} --timeout=24h`);
    expect(kubectl).toContain(`kubectl patch job ${merge.metadata.name} --type=merge -p '{"spec":{"suspend":false}}'`);
    for (const job of [shards, merge]) {
      const pod = job.spec.template.spec;
      const volumes = new Set(pod.volumes.map((v: { name: string }) => v.name));
      for (const c of pod.containers) for (const m of c.volumeMounts) expect(volumes).toContain(m.name);
      const results = pod.volumes.find((v: any) => v.name === 'results');
      expect(results.persistentVolumeClaim.claimName).toBe(claim.metadata.name);
      expect(pod.containers[0].image).toBe(container.image);
    }
    // Pods on several nodes write to one volume.
    expect(claim.spec.accessModes).toEqual(['ReadWriteMany']);
  });

  it("runs, here, each pod's command with the index, environment and mounts Kubernetes gives it, and the merge Job's command, to the summary.json of a single-machine run", async () => {
    const spec = shards.spec;
    const container = spec.template.spec.containers[0];
    // The ConfigMap as a kubelet mounts it: experiment.yaml a symbolic link into a hidden data folder.
    const experiment = tempDir('k8s-configmap');
    fs.mkdirSync(path.join(experiment, '..2026_01_01_00_00_00.1'));
    fs.symlinkSync('..2026_01_01_00_00_00.1', path.join(experiment, '..data'));
    const shipped = fs.readFileSync(path.join(REPO, 'experiments', 'vendor-comparison.yaml'), 'utf8');
    expect(shipped).toMatch(/^replications: \d+$/m);
    fs.writeFileSync(path.join(experiment, '..data', 'experiment.yaml'), shipped.replace(/^replications: \d+$/m, 'replications: 8'));
    fs.symlinkSync('..data/experiment.yaml', path.join(experiment, 'experiment.yaml'));
    const results = tempDir('k8s-results');

    const env: Record<string, string> = {};
    for (const e of container.env) env[e.name] = e.value ?? downward(container, e.valueFrom.resourceFieldRef);
    expect(env).toEqual({ SHARDS: '8', CPUS: '2' });
    const outcomes: Array<{ code: number | null; stderr: string }> = [];
    // Four pods at a time.
    for (let i = 0; i < spec.completions; i += 4) {
      const indexes = Array.from({ length: Math.min(4, spec.completions - i) }, (_, j) => i + j);
      outcomes.push(...(await Promise.all(indexes.map((index) => runContainer(container, { ...env, JOB_COMPLETION_INDEX: String(index) }, { '/experiment': experiment, '/results': results })))));
    }
    for (const o of outcomes) expect(o.code, o.stderr).toBe(0);
    expect(fs.readdirSync(results).filter((n) => !n.startsWith('.')).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `vendor-comparison.shard-${i}-of-8`));

    const merged = await runContainer(merge.spec.template.spec.containers[0], {}, { '/results': results });
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/^Merged 8 shard folder\(s\), 96 records, into /m);

    const single = tempDir('k8s-single');
    const r = labelsim(['run', path.join(experiment, 'experiment.yaml'), '--quiet', '--out', single]);
    expect(r.code, r.stderr).toBe(0);
    const summary = (root: string) => fs.readFileSync(path.join(root, 'vendor-comparison', 'summary.json'));
    expect(summary(path.join(results, 'out')).equals(summary(single))).toBe(true);
  }, 120_000);
});
