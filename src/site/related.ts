/**
 * Related records, worked out once per record for the whole build: both
 * languages' record pages and the insights page's repeat finder share one
 * `Matcher.related` call per record over the one build-time index
 * (src/site/matcher-bundle.ts). It is the costliest step of a large build.
 */
import type { MatchResult } from '../matcher/index.ts';
import { REPEAT_CANDIDATES, type RelatedFn } from '../insights/repeats.ts';
import { getBuildMatcher } from './matcher-bundle.ts';

/** Related records listed on a record page. */
export const RELATED_LIMIT = 5;
/** Asked of the matcher once per record: enough for every caller. */
const CACHED_LIMIT = Math.max(RELATED_LIMIT, REPEAT_CANDIDATES);

const cache = new Map<string, MatchResult[]>();

/** The build's related function: the records most like `id` (never `id` itself), best first, at most `limit`. */
export async function buildRelated(): Promise<RelatedFn> {
  const matcher = await getBuildMatcher();
  return (id, { limit }) => {
    let related = cache.get(id);
    if (!related) {
      related = matcher.related(id, { limit: CACHED_LIMIT + 1 }).filter((result) => result.id !== id).slice(0, CACHED_LIMIT);
      cache.set(id, related);
    }
    return related.slice(0, Math.min(limit, CACHED_LIMIT));
  };
}

/** The records listed as related on `id`'s page. */
export async function relatedRecords(id: string): Promise<MatchResult[]> {
  return (await buildRelated())(id, { limit: RELATED_LIMIT });
}
