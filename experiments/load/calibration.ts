import path from 'node:path';
import { ExperimentError } from './errors.js';
import { decodeUtf8, formatOf, parseText } from './read.js';
import { readExperimentFile } from './read-file.js';

/** The fields a calibration fragment may hold: what `labelsim calibrate` measures. */
export const FRAGMENT_FIELDS = ['pools', 'stages', 'work', 'uncertainty'] as const;

/**
 * An experiment's `calibration: <fragment>`: the fragment's fields read in under the
 * experiment's own, as a JSON Merge Patch of the experiment over the fragment (RFC 7386): the
 * experiment's fields win, its mappings merge into the fragment's (a pool's shifts and pay beside
 * its fitted error rate), and a null deletes a fitted field (`uncertainty: null` runs with the
 * point estimates). The path is relative to the experiment file. Without the field the document
 * is returned as it was, untouched.
 *
 * @throws ExperimentError naming the fragment and its field when it cannot be read or holds more than FRAGMENT_FIELDS
 */
export function withCalibration(raw: Record<string, unknown>, file: string, merge: (target: unknown, patch: unknown) => unknown): Record<string, unknown> {
  const ref = raw.calibration;
  if (ref === undefined) return raw;
  if (typeof ref !== 'string' || ref === '' || ref.length > 1000) {
    throw new ExperimentError(file, 'calibration', 'the path of a calibration fragment (.yaml or .json), relative to this file', JSON.stringify(ref));
  }
  const fragmentFile = path.join(path.dirname(file), ref);
  formatOf(fragmentFile);
  const fragment = parseText(decodeUtf8(readExperimentFile(fragmentFile), fragmentFile), fragmentFile, formatOf(fragmentFile));
  if (fragment === null || typeof fragment !== 'object' || Array.isArray(fragment)) {
    throw new ExperimentError(fragmentFile, '', `a calibration fragment: a mapping of ${FRAGMENT_FIELDS.join(', ')}`, fragment === null ? 'an empty document' : 'something else');
  }
  for (const key of Object.keys(fragment)) {
    if (!(FRAGMENT_FIELDS as readonly string[]).includes(key)) {
      throw new ExperimentError(fragmentFile, key, `a field of a calibration fragment (${FRAGMENT_FIELDS.join(', ')}); the experiment sets the rest`, JSON.stringify(key));
    }
  }
  const own: Record<string, unknown> = {};
  for (const key of FRAGMENT_FIELDS) if (key in raw) own[key] = raw[key];
  const merged = merge(fragment, own) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...raw };
  for (const key of FRAGMENT_FIELDS) {
    if (key in merged) out[key] = merged[key];
    else delete out[key];
  }
  return out;
}
