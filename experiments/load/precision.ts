import { z } from 'zod';
import { DURATION_EXPECTED, DURATION_PATTERN, PERCENT_PATTERN, durationHours, shareValue } from './units.js';

/*
 * How precisely a run must know its figures before it stops (experiments/precision/ runs it).
 * The file states targets as half-widths of confidence intervals in the figure's own terms: on
 * time in percentage points (`2pt`, or 0.02), p85 completion as a duration (`0.5d`), unit cost
 * relative to its mean (`1%`). The file's `replications` is then the cap.
 */

/** `2pt`, `0.5pt` (or `pts`, `pp`, `points`): percentage points of a probability. */
const POINTS_PATTERN = String.raw`^\s*((?:\d+(?:\.\d*)?|\.\d+))\s*(?:pts?|pp|points?)\s*$`;
const POINTS_EXPECTED = 'percentage points like 2pt, or a share like 0.02 (above 0, below 1)';
const RELATIVE_EXPECTED = 'a percentage of the mean like 1% (above 0%, below 100%)';
const CONFIDENCE_EXPECTED = 'a confidence level like 95% or 0.95, from 50% to 99.9%';
const FIRST_EXPECTED = 'an integer from 2 to 1000000: the replications of the first round';

/** Replications of every plan before the first look (experiments/precision/rounds.ts grows the rounds from it). */
export const DEFAULT_FIRST_ROUND = 20;
export const DEFAULT_CONFIDENCE = 0.95;

function pointsValue(x: unknown): number | null {
  if (typeof x === 'number') return Number.isFinite(x) && x > 0 && x < 1 ? x : null;
  const m = typeof x === 'string' && x.length <= 100 ? new RegExp(POINTS_PATTERN).exec(x) : null;
  if (m === null) return null;
  const v = Number(m[1]) / 100;
  return Number.isFinite(v) && v > 0 && v < 1 ? v : null;
}

function relativeValue(x: unknown): number | null {
  if (typeof x !== 'string' || x.length > 100 || !new RegExp(PERCENT_PATTERN).test(x)) return null;
  const v = shareValue(x);
  return v !== null && v > 0 && v < 1 ? v : null;
}

function confidenceValue(x: unknown): number | null {
  const v = shareValue(x);
  return v !== null && v >= 0.5 && v <= 0.999 ? v : null;
}

const points = z
  .union([z.number({ error: POINTS_EXPECTED }), z.string({ error: POINTS_EXPECTED }).regex(new RegExp(POINTS_PATTERN), { error: POINTS_EXPECTED }).meta({ patternErrorMessage: POINTS_EXPECTED })], {
    error: POINTS_EXPECTED,
  })
  .refine((x) => pointsValue(x) !== null, { error: POINTS_EXPECTED });
const duration = z
  .string({ error: DURATION_EXPECTED })
  .regex(new RegExp(DURATION_PATTERN), { error: DURATION_EXPECTED })
  .meta({ patternErrorMessage: DURATION_EXPECTED })
  .refine((x) => (durationHours(x) ?? 0) > 0, { error: 'a duration above 0, like 0.5d or 12h' });
const relative = z
  .string({ error: RELATIVE_EXPECTED })
  .regex(new RegExp(PERCENT_PATTERN), { error: RELATIVE_EXPECTED })
  .meta({ patternErrorMessage: RELATIVE_EXPECTED })
  .refine((x) => relativeValue(x) !== null, { error: RELATIVE_EXPECTED });
const confidence = z
  .union([z.number({ error: CONFIDENCE_EXPECTED }), z.string({ error: CONFIDENCE_EXPECTED }).regex(new RegExp(PERCENT_PATTERN), { error: CONFIDENCE_EXPECTED }).meta({ patternErrorMessage: CONFIDENCE_EXPECTED })], { error: CONFIDENCE_EXPECTED })
  .refine((x) => confidenceValue(x) !== null, { error: CONFIDENCE_EXPECTED });

const PRECISION_FIELDS = 'onTime, p85, unitCost, until, confidence, firstRound';
const PRECISION_EXPECTED = `a precision: { onTime: 2pt, p85: 0.5d, unitCost: 1%, until: settled, confidence: 95%, firstRound: 20 } (at least one of onTime, p85, unitCost, until)`;

export const PrecisionSchema = z
  .strictObject(
    {
      onTime: points.optional().describe('Half-width of the interval of the chance to finish on time, in percentage points (2pt) or as a share (0.02).'),
      p85: duration.optional().describe('Half-width of the distribution-free interval of the p85 completion time, a duration (0.5d).'),
      unitCost: relative.optional().describe('Half-width of the t interval of the mean unit cost, relative to the mean (1%).'),
      until: z
        .literal('settled', { error: "'settled'" })
        .optional()
        .describe("'settled': also run until the recommended plan beats every other in paired comparisons (common random numbers) at the confidence level."),
      confidence: confidence.optional().describe('Confidence level of every interval and comparison. Default 95%.'),
      firstRound: z
        .number({ error: FIRST_EXPECTED })
        .int({ error: FIRST_EXPECTED })
        .min(2, { error: FIRST_EXPECTED })
        .max(1_000_000, { error: FIRST_EXPECTED })
        .optional()
        .describe(`Replications of every plan before the first look, the guard against stopping on a lucky start. Default ${DEFAULT_FIRST_ROUND}.`),
    },
    // The mark of schema.ts (KNOWN_FIELDS_MARK), written out: schema.ts imports this file.
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `known fields: ${PRECISION_FIELDS}` : PRECISION_EXPECTED) },
  )
  .refine((p) => p.onTime !== undefined || p.p85 !== undefined || p.unitCost !== undefined || p.until !== undefined, {
    error: 'at least one of onTime, p85, unitCost or until: settled',
  })
  .describe(
    "Precision-driven run: replications run in rounds (the first of firstRound, each next 1.5 times the last, to a multiple of 10) until every plan's figures are known to these half-widths, or `replications` (the cap) is reached.",
  );

export type PrecisionDocument = z.output<typeof PrecisionSchema>;

/** A precision as the run uses it: shares and hours. */
export interface Precision {
  /** Half-width of the chance on time, as a share (0.02 = 2 points); null = no target. */
  onTime: number | null;
  /** Half-width of the p85 completion, hours. */
  p85Hours: number | null;
  /** Half-width of the mean unit cost relative to the mean (0.01 = 1%). */
  unitCost: number | null;
  /** Run until the recommendation is settled. */
  settled: boolean;
  confidence: number;
  firstRound: number;
}

/** The run's precision from the validated document's field (which was checked by PrecisionSchema). */
export function precisionOf(doc: PrecisionDocument): Precision {
  return {
    onTime: doc.onTime === undefined ? null : pointsValue(doc.onTime),
    p85Hours: doc.p85 === undefined ? null : durationHours(doc.p85),
    unitCost: doc.unitCost === undefined ? null : relativeValue(doc.unitCost),
    settled: doc.until === 'settled',
    confidence: doc.confidence === undefined ? DEFAULT_CONFIDENCE : confidenceValue(doc.confidence)!,
    firstRound: doc.firstRound ?? DEFAULT_FIRST_ROUND,
  };
}

