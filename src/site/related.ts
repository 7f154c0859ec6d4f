/**
 * Related records, worked out once for the whole build: both languages'
 * record pages and the insights page's repeat finder read one list per
 * record, and every list comes from one `Matcher.relatedAll` pass over the
 * build-time index (src/site/matcher-bundle.ts), which shares the work
 * between records instead of asking the matcher record by record.
 */
import type { MatchResult } from '../matcher/index.ts';
import { REPEAT_CANDIDATES, type RelatedFn } from '../insights/repeats.ts';
import { getBuildMatcher } from './matcher-bundle.ts';

/** Related records listed on a record page. */
export const RELATED_LIMIT = 5;
/** Asked of the matcher once per record: enough for every caller. */
const CACHED_LIMIT = Math.max(RELATED_LIMIT, REPEAT_CANDIDATES);

let lists: Promise<Map<string, MatchResult[]>> | undefined;

/** Every record's related list (at most `CACHED_LIMIT`, never the record itself), computed on first use. */
function relatedLists(): Promise<Map<string, MatchResult[]>> {
  lists ??= getBuildMatcher().then((matcher) => {
    const all = matcher.relatedAll({ limit: CACHED_LIMIT + 1 });
    for (const [id, related] of all) all.set(id, related.filter((result) => result.id !== id).slice(0, CACHED_LIMIT));
    return all;
  });
  return lists;
}

/** The build's related function: the records most like `id` (never `id` itself), best first, at most `limit`. */
export async function buildRelated(): Promise<RelatedFn> {
  const all = await relatedLists();
  return (id, { limit }) => (all.get(id) ?? []).slice(0, Math.min(limit, CACHED_LIMIT));
}

/** The records listed as related on `id`'s page. */
export async function relatedRecords(id: string): Promise<MatchResult[]> {
  return (await buildRelated())(id, { limit: RELATED_LIMIT });
}
