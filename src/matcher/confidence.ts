/**
 * How far a responder can trust a result: `strong`, `likely` or `weak`,
 * read from the evidence behind it, not from the squashed score (which
 * saturates and compares only within one query). A top result is strong on
 * either of two grounds:
 *
 * - a rare typed fact: its heaviest fact match (type weight × rarity ×
 *   place) reaches `CONFIDENCE_FACT_WEIGHT` and it is `CONFIDENCE_FACT_MARGIN`
 *   of its raw score ahead of the next result;
 * - an explained query: (fact weights + `CONFIDENCE_TEXT_FACTOR` × its
 *   uncapped text relevance) × the share of the query's specific words it
 *   explains reaches `CONFIDENCE_EXPLAINED`, with at least
 *   `CONFIDENCE_MIN_SPECIFIC` of those words explained. Words of any
 *   incident (`failed`, `超时`) never count as explained, so two common
 *   words shared with a record never make a strong answer.
 *
 * The constants were fitted on the evaluation set (`npm run eval` prints
 * the fit on each half scored on the other).
 */
import {
  CONFIDENCE_EXPLAINED,
  CONFIDENCE_FACT_MARGIN,
  CONFIDENCE_FACT_WEIGHT,
  CONFIDENCE_LIKELY_RAW,
  CONFIDENCE_MIN_SPECIFIC,
  CONFIDENCE_STRONG_MARGIN,
  CONFIDENCE_TEXT_FACTOR,
} from './constants.ts';
import type { Confidence } from './types.ts';

/** What a ranked result's confidence is read from. */
export interface ConfidenceEvidence {
  /** Raw score (sum of fact weights plus capped text). */
  raw: number;
  evidence: {
    /** Sum of fact weights. */
    facts: number;
    /** The heaviest single fact match. */
    bestFact: number;
    /** Uncapped, coverage-weighted text relevance. */
    textRaw: number;
    /** Share of the query's specific words the record explains, 0..1. */
    specific: number;
  };
}

/** The thresholds of `assessConfidence` (the defaults are the named constants). */
export interface ConfidenceThresholds {
  factWeight: number;
  factMargin: number;
  textFactor: number;
  explained: number;
  minSpecific: number;
}

/** The fitted thresholds. */
export const DEFAULT_THRESHOLDS: ConfidenceThresholds = {
  factWeight: CONFIDENCE_FACT_WEIGHT,
  factMargin: CONFIDENCE_FACT_MARGIN,
  textFactor: CONFIDENCE_TEXT_FACTOR,
  explained: CONFIDENCE_EXPLAINED,
  minSpecific: CONFIDENCE_MIN_SPECIFIC,
};

/** Whether the evidence of one entry is strong, given the raw score of the entry after it. */
export function isStrongEvidence(entry: ConfidenceEvidence, nextRaw: number, t: ConfidenceThresholds = DEFAULT_THRESHOLDS): boolean {
  const { raw, evidence: e } = entry;
  if (raw <= 0) return false;
  const margin = (raw - nextRaw) / raw;
  if (e.bestFact >= t.factWeight && margin >= t.factMargin) return true;
  return e.specific >= t.minSpecific && (e.facts + t.textFactor * e.textRaw) * e.specific >= t.explained;
}

/**
 * The confidence of each ranked entry, in rank order. Later entries are
 * strong only beside a strong top, within `CONFIDENCE_STRONG_MARGIN` of its
 * raw score and as well supported (a second write-up of the same incident).
 */
export function assessConfidence(ranked: readonly ConfidenceEvidence[], t: ConfidenceThresholds = DEFAULT_THRESHOLDS): Confidence[] {
  const top = ranked[0];
  const topStrong = top !== undefined && isStrongEvidence(top, ranked[1]?.raw ?? 0, t);
  return ranked.map((entry, i) => {
    if (i === 0 ? topStrong : topStrong && entry.raw >= top!.raw * (1 - CONFIDENCE_STRONG_MARGIN) && isStrongEvidence(entry, 0, t)) return 'strong';
    return entry.raw >= CONFIDENCE_LIKELY_RAW ? 'likely' : 'weak';
  });
}
