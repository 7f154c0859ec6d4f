/**
 * Answers a search request with the page's matcher: the quick search over
 * the chunks already loaded, then, when that lacked some, the full search.
 * Runs in the matcher worker (src/browser/matcher-worker.ts), or in the page
 * when a worker cannot start. Never throws; a failed index load is a reply.
 */
import { Matcher, type MatchResult } from '../matcher/index.ts';

/** A search (or, with `query: null`, only the index load) asked of the matcher. */
export interface SearchRequest {
  id: number;
  indexUrl: string;
  query: string | null;
  limit: number;
  /** Answer from the loaded chunks first (a `partial` reply when chunks were missing). */
  quick: boolean;
  /**
   * The index directory (`manifest.json`) as the page fetched it while the
   * worker script loaded: sent with the first request so code and directory
   * come in one round, not the worker's fetch after its code.
   */
  directory?: FetchedDirectory;
}

/** A fetched directory's status and bytes (transferred, not copied). */
export interface FetchedDirectory {
  status: number;
  body: ArrayBuffer;
}

/** `partial`: results from what was loaded, more to come; `final`: the answer; `error`: the index did not load. */
export type SearchReply =
  | { id: number; kind: 'partial' | 'final'; results: MatchResult[] }
  | { id: number; kind: 'error'; message: string };

const matchers = new Map<string, Promise<Matcher>>();

/**
 * One matcher per index URL; a failed load is forgotten so a later request
 * retries (fetching the directory itself). `directory` is used only by the load it starts.
 */
function matcherFor(url: string, directory: Promise<Response> | undefined): Promise<Matcher> {
  let loading = matchers.get(url);
  if (!loading) {
    loading = Matcher.load(url, undefined, directory ? { directory } : {});
    matchers.set(url, loading);
    loading.catch(() => matchers.delete(url));
  }
  return loading;
}

/**
 * Answers `request`. `directory`: a directory fetch already under way (the
 * in-page fallback starts it before importing this module); one sent with
 * the request comes first.
 */
export async function answer(request: SearchRequest, reply: (message: SearchReply) => void, directory?: Promise<Response>): Promise<void> {
  const { id, query, limit } = request;
  const sent = request.directory;
  let matcher: Matcher;
  try {
    matcher = await matcherFor(request.indexUrl, sent ? Promise.resolve(new Response(sent.body, { status: sent.status })) : directory);
  } catch (error) {
    reply({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (query === null) {
    reply({ id, kind: 'final', results: [] });
    return;
  }
  // searchDetailed() never throws and answers from the chunks already loaded; searchAll()
  // fetches the chunks the query needs (skipping any that fail, e.g. offline) and never rejects.
  if (request.quick) {
    const quick = matcher.searchDetailed(query, { limit });
    if (quick.info.missingChunks === 0) {
      reply({ id, kind: 'final', results: quick.results });
      return;
    }
    reply({ id, kind: 'partial', results: quick.results });
  }
  reply({ id, kind: 'final', results: await matcher.searchAll(query, { limit }) });
}
