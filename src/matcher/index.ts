/**
 * Precedent's symptom matcher: extract typed facts, index records, rank
 * them against a responder's query with evidence. Browser-safe.
 */
export { buildIndex, defaultChunkLayout } from './build-index.ts';
export { extractFacts, type ExtractOptions } from './extract-facts.ts';
export { Matcher, type DetailedResults, type LoadOptions } from './matcher.ts';
export { recordToDoc } from './record-to-doc.ts';
export { tokenizeText } from './text-tokenize.ts';
export { DEFAULT_LIMIT, MAX_QUERY_CHARS } from './constants.ts';
export type {
  BuildOptions,
  Confidence,
  Fact,
  FactType,
  FigureOp,
  IndexBundle,
  MatchDoc,
  MatchFix,
  MatchProduct,
  MatchResult,
  QueryInfo,
  Reason,
  SearchOptions,
  Where,
} from './types.ts';
