/** Reading the records collection for pages: sorted, grouped, faceted. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { severityFilterValue } from '../schema/severity-maps.ts';
import { recordSeverity } from './severity.ts';

/** One record as the site sees it. */
export type RecordEntry = CollectionEntry<'incidents'>;

/**
 * Newest first by `date`, then by start time; undated records last; ties by id
 * so the order is stable between builds.
 */
export function compareRecords(a: RecordEntry, b: RecordEntry): number {
  const dayA = a.data.date;
  const dayB = b.data.date;
  if (dayA !== dayB) {
    if (!dayA) return 1;
    if (!dayB) return -1;
    return dayA < dayB ? 1 : -1;
  }
  const startA = a.data.times.started?.getTime() ?? 0;
  const startB = b.data.times.started?.getTime() ?? 0;
  if (startA !== startB) return startB - startA;
  return a.id.localeCompare(b.id);
}

/** Every record, sorted with `compareRecords`. */
export async function getSortedRecords(): Promise<RecordEntry[]> {
  const entries = await getCollection('incidents');
  return entries.sort(compareRecords);
}

/** Distinct values with their record counts, in first-seen order unless sorted by the caller. */
export function countBy(entries: readonly RecordEntry[], pick: (entry: RecordEntry) => readonly (string | undefined)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const value of new Set(pick(entry))) {
      if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return counts;
}

/** The year of a record's date, if dated. */
/** Entries grouped by each value `pick` gives, in entry order: one pass, where a filter per value would be one pass per value. */
export function groupBy(entries: readonly RecordEntry[], pick: (entry: RecordEntry) => readonly (string | undefined)[]): Map<string, RecordEntry[]> {
  const groups = new Map<string, RecordEntry[]>();
  for (const entry of entries) {
    for (const value of new Set(pick(entry))) {
      if (value === undefined) continue;
      const group = groups.get(value);
      if (group) group.push(entry);
      else groups.set(value, [entry]);
    }
  }
  return groups;
}

export function recordYear(entry: RecordEntry): string | undefined {
  return entry.data.date?.slice(0, 4);
}

/** Records per value of each library filter. */
export interface FacetCounts {
  kind: Map<string, number>;
  severity: Map<string, number>;
  category: Map<string, number>;
  service: Map<string, number>;
  tag: Map<string, number>;
  year: Map<string, number>;
}

const facetCache = new WeakMap<readonly RecordEntry[], FacetCounts>();

/**
 * The filters' counts over `entries`, counted once per list: every library
 * page shows the same filters over every record (200 pages at 10,000 records).
 */
export function facetCounts(entries: readonly RecordEntry[]): FacetCounts {
  let counts = facetCache.get(entries);
  if (!counts) {
    counts = {
      kind: countBy(entries, (e) => [e.data.kind]),
      // The effective severity (own, mapped, else the source label unmapped): what the filter offers and matches.
      severity: countBy(entries, (e) => [severityFilterValue(recordSeverity(e.data))]),
      category: countBy(entries, (e) => [e.data.rootCause.category]),
      service: countBy(entries, (e) => e.data.services),
      tag: countBy(entries, (e) => e.data.tags),
      year: countBy(entries, (e) => [recordYear(e)]),
    };
    facetCache.set(entries, counts);
  }
  return counts;
}
