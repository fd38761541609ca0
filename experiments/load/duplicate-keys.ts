import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { PathSegment } from './errors.js';

/**
 * A key written twice in one mapping. Loaded as JavaScript, the second silently replaces the
 * first (JSON.parse keeps the last, YAML would too without the check), so a file that sets
 * `headcount` twice would run with whichever came last.
 *
 * Both scans are linear in the size of the document: the yaml library's own `uniqueKeys` check
 * compares every key with every earlier key of its mapping, which takes a minute for a mapping
 * of 100,000 keys (and much longer for the 400,000 that fit in 5 MB).
 */
export interface DuplicateKey {
  /** Path of the second occurrence, the key included. */
  path: PathSegment[];
  key: string;
  /** Offset of the second occurrence in the text. */
  offset: number;
}

/** What a key that is not a plain scalar is, for a YAML mapping keyed by a list, a mapping or an alias. */
export interface ComplexKey {
  path: PathSegment[];
  kind: string;
  offset: number;
}

/**
 * The first duplicated key of a parsed YAML document, or a key that is not a scalar (a list or a
 * mapping as a key becomes a made-up string once loaded, so duplicates of it could not be told
 * apart). Keys compare as the names they load as: `2027` and `"2027"` are the same field.
 * Descends at most `maxDepth` levels: anything deeper is refused later anyway.
 */
export function duplicateYamlKey(doc: Document, maxDepth: number): DuplicateKey | ComplexKey | null {
  const stack: Array<{ node: unknown; path: PathSegment[] }> = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (path.length >= maxDepth) continue;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (key !== null && !isScalar(key)) {
          const kind = isAlias(key) ? 'an alias as a key' : isSeq(key) ? 'a list as a key' : 'a mapping as a key';
          return { path, kind, offset: key.range?.[0] ?? 0 };
        }
        const name = key === null || key.value === null || key.value === undefined ? '' : String(key.value);
        if (seen.has(name)) return { path: [...path, name], key: name, offset: key?.range?.[0] ?? 0 };
        seen.add(name);
        stack.push({ node: pair.value, path: [...path, name] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    }
  }
  return null;
}

type Frame = { kind: 'object'; keys: Set<string>; key: string | null; expectKey: boolean } | { kind: 'array'; index: number };

/**
 * The first duplicated key of a JSON text that JSON.parse has already accepted (so the scan can
 * trust its syntax): one pass over the characters with a stack of open objects and arrays, not
 * recursion, since valid JSON may nest 100,000 deep.
 */
export function duplicateJsonKey(text: string): DuplicateKey | null {
  const stack: Frame[] = [];
  const pathOf = (frames: Frame[]): PathSegment[] =>
    frames.map((f) => (f.kind === 'array' ? f.index : (f.key ?? '')));
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '{') {
      stack.push({ kind: 'object', keys: new Set(), key: null, expectKey: true });
      i++;
    } else if (c === '[') {
      stack.push({ kind: 'array', index: 0 });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index++;
      else if (top?.kind === 'object') top.expectKey = true;
      i++;
    } else if (c === '"') {
      const start = i;
      i++;
      while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(start, i)) as string;
        top.expectKey = false;
        if (top.keys.has(key)) return { path: [...pathOf(stack.slice(0, -1)), key], key, offset: start };
        top.keys.add(key);
        top.key = key;
      }
    } else {
      // Whitespace, ':', numbers, true, false, null: nothing to track.
      i++;
    }
  }
  return null;
}
