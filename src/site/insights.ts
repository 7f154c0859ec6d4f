/** The insights figures for this build, from the records collection (memoised: both languages share one computation). */
import { computeInsights, type Insights } from '../insights/compute.ts';
import type { RelatedFn } from '../insights/repeats.ts';
import type { RecordEntry } from './records.ts';

let cached: { entries: readonly RecordEntry[]; insights: Insights } | undefined;

/** `computeInsights` over the collection's entries, computed once per list of entries. */
export function getInsights(entries: readonly RecordEntry[], related: RelatedFn): Insights {
  if (cached?.entries.length !== entries.length || cached.entries.some((entry, i) => entry.id !== entries[i]!.id)) {
    cached = { entries, insights: computeInsights(entries.map((entry) => ({ id: entry.id, data: entry.data })), related) };
  }
  return cached.insights;
}
