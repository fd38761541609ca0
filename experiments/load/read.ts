import { LineCounter, parseAllDocuments } from 'yaml';
import { duplicateJsonKey, duplicateYamlKey, type ComplexKey, type DuplicateKey } from './duplicate-keys.js';
import { ExperimentError, joinPath, type PathSegment } from './errors.js';

/** Larger files are refused before parsing. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** YAML aliases expanded at most this often (an alias "bomb" expands exponentially). */
export const MAX_ALIAS_COUNT = 100;
/** Mappings and lists nested deeper than this are refused (the format itself needs about 8). */
export const MAX_DEPTH = 64;

export type FileFormat = 'yaml' | 'json';

/** The format a file name's extension promises. */
export function formatOf(file: string): FileFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  throw new ExperimentError(file, '', 'a file name ending in .yaml, .yml or .json', JSON.stringify(file));
}

/** Decodes UTF-8 (a byte-order mark is dropped), refusing anything else. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  checkSize(bytes.byteLength, file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const line = at < 0 ? 1 : lenient.slice(0, at).split('\n').length;
    throw new ExperimentError(file, '', 'UTF-8 text', `bytes that are not UTF-8 on line ${line} (save the file as UTF-8)`);
  }
}

export function checkSize(bytes: number, file: string): void {
  if (bytes > MAX_FILE_BYTES) {
    throw new ExperimentError(file, '', 'a file of at most 5 MB', `${(bytes / 1024 / 1024).toFixed(1)} MB`);
  }
}

/** Parses YAML or JSON text into plain data (mappings, lists, strings, numbers, booleans, null). */
export function parseText(text: string, file: string, format: FileFormat): unknown {
  checkSize(Buffer.byteLength(text, 'utf8'), file);
  const value = format === 'json' ? parseJson(text, file) : parseYaml(text, file);
  return plainData(value, file, [], 0);
}

function parseJson(text: string, file: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const reason = message
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/\s*(in JSON )?at position \d+/, '')
      .replace(/^Unexpected token '?(.)'?, .*$/s, "Unexpected character '$1'")
      .split('\n')[0];
    if (position === null) throw new ExperimentError(file, '', 'valid JSON', reason);
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    throw new ExperimentError(file, '', 'valid JSON', `line ${line}, column ${column}: ${reason}`);
  }
  const duplicate = duplicateJsonKey(source);
  if (duplicate !== null) throw duplicateError(duplicate, lineAndColumn(source, duplicate.offset), file);
  return value;
}

/** 1-based line and column of an offset, as editors count them. */
function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

function duplicateError(found: DuplicateKey | ComplexKey, where: { line: number; col: number }, file: string): ExperimentError {
  const at = `on line ${where.line}, column ${where.col}`;
  if ('kind' in found) return new ExperimentError(file, joinPath('', found.path), 'keys that are text or numbers', `${found.kind} ${at}`);
  return new ExperimentError(file, joinPath('', found.path), 'each key once in a mapping', `a second ${JSON.stringify(found.key)} ${at}`);
}

function parseYaml(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, {
      schema: 'core',
      version: '1.2',
      merge: false,
      // Checked below in one pass: the library's own check is quadratic in the keys of a mapping.
      uniqueKeys: false,
      logLevel: 'silent',
      prettyErrors: true,
      lineCounter,
    });
  } catch (error) {
    throw new ExperimentError(file, '', 'valid YAML', unexpected(error));
  }
  if (docs.length === 0) return null;
  if (docs.length > 1) {
    const second = lineCounter.linePos(docs[1].range[0]).line;
    throw new ExperimentError(file, '', 'one YAML document (one experiment per file)', `a second document from line ${second} (after a "---" line)`);
  }
  const doc = docs[0];
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem !== undefined) {
    let reason = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    if (problem.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(reason)) reason = 'nested too deeply';
    const where = problem.linePos?.[0];
    const got = where ? `line ${where.line}, column ${where.col}: ${reason}` : reason;
    throw new ExperimentError(file, '', 'valid YAML', got);
  }
  const duplicate = duplicateYamlKey(doc, MAX_DEPTH);
  if (duplicate !== null) throw duplicateError(duplicate, lineCounter.linePos(duplicate.offset), file);
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new ExperimentError(file, '', `YAML with at most ${MAX_ALIAS_COUNT} alias expansions`, 'more (an alias bomb?)');
    }
    throw new ExperimentError(file, '', 'valid YAML', unexpected(error));
  }
}

function unexpected(error: unknown): string {
  if (error instanceof RangeError) return 'a document nested too deeply';
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/**
 * A copy of `value` holding only plain data, or an error naming where something else is:
 * too deep a nesting, a `__proto__` key, or a value no JSON file could hold (a YAML set, say).
 */
function plainData(value: unknown, file: string, path: PathSegment[], depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (depth >= MAX_DEPTH) {
    throw new ExperimentError(file, joinPath('', path), `mappings and lists nested at most ${MAX_DEPTH} deep`, 'deeper nesting');
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => plainData(item, file, [...path, i], depth + 1));
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key === '__proto__') throw new ExperimentError(file, joinPath('', [...path, key]), 'a field name other than __proto__');
      out[key] = plainData((value as Record<string, unknown>)[key], file, [...path, key], depth + 1);
    }
    return out;
  }
  const kind = value instanceof Set ? 'a set' : value instanceof Map ? 'an ordered map' : value instanceof Uint8Array ? 'binary data' : typeof value;
  throw new ExperimentError(file, joinPath('', path), 'plain data: a mapping, list, text, number, true, false or null', kind);
}
