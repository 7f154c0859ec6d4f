/**
 * Repeat incidents: a record repeats an earlier one when the matcher's related
 * list for it names the earlier record with strong symptom evidence — at least
 * {@link REPEAT_MIN_FACTS} distinct symptom facts in common (an error code and
 * a port, two identifiers…), not merely shared words.
 */
import type { MatchResult } from '../matcher/types.ts';

/** Distinct shared symptom facts that make two records the same incident again. */
export const REPEAT_MIN_FACTS = 2;
/** Related records asked of the matcher per record. */
export const REPEAT_CANDIDATES = 10;

/** The matcher's `related(id, { limit })`. */
export type RelatedFn = (id: string, options: { limit: number }) => MatchResult[];

/** A record and the earlier record it repeats. */
export interface RepeatPair {
  /** The later record. */
  id: string;
  date: string;
  /** The earliest record it shares strong evidence with. */
  earlierId: string;
  earlierDate: string;
  /** The evidence, as the matcher labels it (`error code 266`, `port 5002/udp`). */
  shared: string[];
}

/** Strong evidence in one related result: its distinct non-word symptom facts. */
export function strongEvidence(result: MatchResult): string[] {
  const labels = new Set<string>();
  for (const reason of result.reasons) if (reason.where === 'symptom' && reason.type !== 'text') labels.add(reason.label);
  return [...labels];
}

/** Each dated record that repeats an earlier one, oldest first. */
export function findRepeats(records: readonly { id: string; date: string }[], related: RelatedFn): RepeatPair[] {
  const dateOf = new Map(records.map((r) => [r.id, r.date]));
  const pairs: RepeatPair[] = [];
  for (const record of records) {
    let best: { id: string; date: string; shared: string[] } | undefined;
    for (const result of related(record.id, { limit: REPEAT_CANDIDATES })) {
      const date = dateOf.get(result.id);
      if (result.id === record.id || date === undefined || date > record.date || (date === record.date && result.id >= record.id)) continue;
      const shared = strongEvidence(result);
      if (shared.length < REPEAT_MIN_FACTS) continue;
      if (!best || date < best.date) best = { id: result.id, date, shared };
    }
    if (best) pairs.push({ id: record.id, date: record.date, earlierId: best.id, earlierDate: best.date, shared: best.shared });
  }
  return pairs.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
