import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { ModelConfig } from '../../sim/model/config.js';
import { ExperimentError, joinPath } from './errors.js';
import { fallbackMessage, issuesToError } from './issues.js';
import { buildModel } from './model.js';
import { checkSize, decodeUtf8, formatOf, parseText } from './read.js';
import { EXPERIMENT_ONLY_FIELDS, ExperimentSchema, ModelSchema, type ExperimentDocument } from './schema.js';

export interface Plan {
  name: string;
  description: string;
  model: ModelConfig;
}

export interface Experiment {
  file: string;
  name: string;
  description: string;
  seed: number;
  replications: number;
  /** In file order; the first is the baseline. */
  plans: Plan[];
  /** sha256 (hex) of the canonical JSON (sorted keys) of `document`. */
  configHash: string;
  /** The validated document: the file's content with every default filled in, still in file terms. */
  document: unknown;
}

export interface ExperimentOverrides {
  /** Overrides the file's (and every plan's) `deterministic`. */
  deterministic?: boolean;
}

/**
 * Reads, validates and expands an experiment file (.yaml, .yml or .json).
 *
 * @throws ExperimentError for anything wrong with the file, naming the field and what was expected
 */
export function loadExperiment(file: string, overrides: ExperimentOverrides = {}): Experiment {
  formatOf(file);
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new ExperimentError(file, '', 'a file', 'a directory');
    checkSize(stat.size, file);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ExperimentError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ExperimentError(file, '', 'an existing file', 'file not found');
    if (code === 'EACCES' || code === 'EPERM') throw new ExperimentError(file, '', 'a readable file', 'permission denied');
    throw new ExperimentError(file, '', 'a readable file', error instanceof Error ? error.message : String(error));
  }
  return parseExperiment(bytes, file, overrides);
}

/**
 * Validates and expands an experiment given as text (or as the file's bytes, which must be
 * UTF-8); `file` names it in errors and picks the format by its extension.
 *
 * @throws ExperimentError for anything wrong with it
 */
export function parseExperiment(text: string | Uint8Array, file: string, overrides: ExperimentOverrides = {}): Experiment {
  const format = formatOf(file);
  const source = typeof text === 'string' ? text : decodeUtf8(text, file);
  const raw = parseText(source, file, format);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const got = raw === null ? 'an empty document' : Array.isArray(raw) ? 'a list' : JSON.stringify(raw).slice(0, 60);
    throw new ExperimentError(file, '', 'a mapping of experiment fields (name, work, pools, stages, ...)', got);
  }
  const input: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  if (overrides.deterministic !== undefined) input.deterministic = overrides.deterministic;

  const parsed = ExperimentSchema.safeParse(input, { error: fallbackMessage });
  if (!parsed.success) throw issuesToError(parsed.error.issues, input, file);
  const doc = parsed.data;
  // The document itself must make sense, whatever its plans change.
  const baseModel = buildModel(modelFieldsOf(doc), file);

  const plans: Plan[] = [];
  for (const [planName, plan] of Object.entries(doc.plans)) {
    const prefix = joinPath('', ['plans', planName, 'patch']);
    for (const key of Object.keys(plan.patch)) {
      if ((EXPERIMENT_ONLY_FIELDS as readonly string[]).includes(key)) {
        throw new ExperimentError(
          file,
          joinPath(prefix, [key]),
          `a model field (${EXPERIMENT_ONLY_FIELDS.join(', ')} cannot be patched)`,
          JSON.stringify(key),
        );
      }
    }
    let model = baseModel;
    if (Object.keys(plan.patch).length > 0) {
      // Patch what the user wrote (not the defaults filled in), so deleting a field restores its default.
      const merged = mergePatch(modelFieldsOf(input), plan.patch) as Record<string, unknown>;
      if (overrides.deterministic !== undefined) merged.deterministic = overrides.deterministic;
      const planDoc = ModelSchema.safeParse(merged, { error: fallbackMessage });
      if (!planDoc.success) throw issuesToError(planDoc.error.issues, merged, file, prefix);
      model = buildModel(planDoc.data, file, prefix);
    }
    plans.push({ name: planName, description: plan.description, model: structuredClone(model) });
  }

  return {
    file,
    name: doc.name,
    description: doc.description,
    seed: doc.seed,
    replications: doc.replications,
    plans,
    configHash: createHash('sha256').update(canonicalJson(doc)).digest('hex'),
    document: doc,
  };
}

/** The model part of a document: every field but the experiment's own. */
function modelFieldsOf<T extends Record<string, unknown>>(doc: T): Omit<T, (typeof EXPERIMENT_ONLY_FIELDS)[number]> & T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!(EXPERIMENT_ONLY_FIELDS as readonly string[]).includes(key)) out[key] = value;
  }
  return out as Omit<T, (typeof EXPERIMENT_ONLY_FIELDS)[number]> & T;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** JSON Merge Patch (RFC 7386): objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** JSON with object keys sorted at every level, so equal documents hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export type { ExperimentDocument };
