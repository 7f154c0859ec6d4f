/**
 * Ranking metrics for the evaluation. A query is answered at rank r when the
 * first result whose id is among its expected ids is the r-th result; any one
 * expected id counts (a query may have several right answers, e.g. the same
 * write-up stored twice).
 */

/** How many results each system returns per query; ranks beyond it count as not found. */
export const RESULT_LIMIT = 10;

/** The scores of one system over a set of queries. */
export interface Scores {
  /** Share of queries answered at rank 1. */
  recallAt1: number;
  /** Share of queries answered within the top 3. */
  recallAt3: number;
  /** Mean of 1/rank, 0 for a query not answered within `RESULT_LIMIT`. */
  mrr: number;
  /** Number of queries scored. */
  queries: number;
}

/** 1-based rank of the first expected id in `resultIds`, or 0 when none is there. */
export function rankOf(resultIds: readonly string[], expect: readonly string[]): number {
  const wanted = new Set(expect);
  const index = resultIds.findIndex((id) => wanted.has(id));
  return index === -1 ? 0 : index + 1;
}

/** Recall@1, Recall@3 and MRR over the ranks of a set of queries (0 = not found). */
export function score(ranks: readonly number[]): Scores {
  const n = ranks.length;
  if (n === 0) return { recallAt1: 0, recallAt3: 0, mrr: 0, queries: 0 };
  const found = (k: number): number => ranks.filter((r) => r >= 1 && r <= k).length / n;
  const mrr = ranks.reduce((sum, r) => sum + (r >= 1 ? 1 / r : 0), 0) / n;
  return { recallAt1: found(1), recallAt3: found(3), mrr, queries: n };
}
