/**
 * How far a responder can trust a result: `strong`, `likely` or `weak`,
 * read from the evidence behind it (typed facts and their rarity, how much
 * of the query the record covers, the margin to the next result), not from
 * the squashed score, which saturates and compares only within one query.
 */
import { CONFIDENCE_LIKELY_RAW, CONFIDENCE_STRONG_MARGIN, CONFIDENCE_STRONG_RAW } from './constants.ts';
import type { Confidence } from './types.ts';

/** What a ranked result's confidence is read from. */
export interface ConfidenceEvidence {
  /** Raw score (sum of fact weights plus capped text). */
  raw: number;
}

/**
 * The confidence of each ranked entry, in rank order. The top is strong
 * when its evidence is heavy and clearly ahead of the next; later entries
 * are strong only when as well supported as a strong top (duplicates).
 */
export function assessConfidence(ranked: readonly ConfidenceEvidence[]): Confidence[] {
  const top = ranked[0]?.raw ?? 0;
  const next = ranked[1]?.raw ?? 0;
  const topStrong = top >= CONFIDENCE_STRONG_RAW && (top - next) / top >= CONFIDENCE_STRONG_MARGIN;
  return ranked.map(({ raw }, i) => {
    if (i === 0 ? topStrong : raw >= CONFIDENCE_STRONG_RAW && raw >= top * (1 - CONFIDENCE_STRONG_MARGIN) && topStrong) return 'strong';
    return raw >= CONFIDENCE_LIKELY_RAW ? 'likely' : 'weak';
  });
}
