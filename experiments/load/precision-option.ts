import { ExperimentError, describeValue } from './errors.js';
import { fallbackMessage, issuesToError } from './issues.js';
import { PrecisionSchema, precisionOf, type Precision, type PrecisionDocument } from './precision.js';

/** The command line's names of the fields: `--precision on-time=2pt,p85=0.5d,unit-cost=1%,until=settled`. */
const OPTION_KEYS: Record<string, keyof PrecisionDocument> = {
  'on-time': 'onTime',
  p85: 'p85',
  'unit-cost': 'unitCost',
  until: 'until',
  confidence: 'confidence',
  'first-round': 'firstRound',
};

/**
 * `--precision on-time=2pt,p85=0.5d,unit-cost=1%,until=settled,confidence=95%,first-round=20`
 * as the file's field would hold it, checked by the same schema; `none` turns the file's own
 * precision off. Returns null for `none`.
 *
 * @throws ExperimentError naming `--precision <key>` and what was expected
 */
export function parsePrecisionOption(text: string): Precision | null {
  const where = '--precision';
  if (text.trim() === 'none') return null;
  const doc: Record<string, unknown> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([a-z0-9-]+)\s*=\s*(.*?)\s*$/.exec(part);
    if (m === null) {
      throw new ExperimentError(where, '', `key=value pairs separated by commas, like on-time=2pt,p85=0.5d,unit-cost=1%,until=settled (keys ${Object.keys(OPTION_KEYS).join(', ')}), or none`, describeValue(part));
    }
    const key = OPTION_KEYS[m[1]];
    if (key === undefined) throw new ExperimentError(where, m[1], `one of the keys ${Object.keys(OPTION_KEYS).join(', ')}`, describeValue(m[1]));
    if (key in doc) throw new ExperimentError(where, m[1], 'each key once', 'it twice');
    const raw = m[2];
    // Numbers as numbers, as YAML would read them: 0.02, 0.95, 20.
    doc[key] = /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(raw) ? Number(raw) : raw;
  }
  const parsed = PrecisionSchema.safeParse(doc, { error: fallbackMessage });
  if (!parsed.success) {
    const err = issuesToError(parsed.error.issues, doc, where);
    // Name the option's own key (on-time), not the file's (onTime).
    const fileKey = err.field;
    const optionKey = Object.entries(OPTION_KEYS).find(([, k]) => k === fileKey)?.[0] ?? fileKey;
    throw new ExperimentError(where, optionKey, err.expected, err.got);
  }
  return precisionOf(parsed.data);
}
