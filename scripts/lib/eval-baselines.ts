/**
 * The two baselines Precedent is measured against, each as a developer would
 * plainly set it up over the same documents and fields (title, summary, text):
 * lunr with its default pipeline, and MiniSearch with its default settings.
 */
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import type { MatchDoc } from '../../src/matcher/index.ts';

/** The fields both baselines index. */
export const BASELINE_FIELDS = ['title', 'summary', 'text'] as const;

/** A search system under evaluation: query in, ranked document ids out. */
export interface SearchSystem {
  /** Name shown in the report. */
  name: string;
  /** Ids of the best `limit` documents, best first. */
  search(query: string, limit: number): string[];
}

/** The lunr baseline, with a count of queries lunr's query parser rejected as typed. */
export interface LunrBaseline extends SearchSystem {
  /** Queries whose raw text made `idx.search` throw; they were run escaped instead. */
  readonly parseFailures: string[];
}

/**
 * Characters lunr's query parser treats as syntax: `field:`, `^boost`,
 * `~distance`, `+`/`-` presence, `*` wildcard and `\` itself.
 */
const LUNR_SYNTAX = /[:^~+*\\]/g;

/**
 * Makes raw text safe for `idx.search`: syntax characters are escaped, and
 * `-` (lunr's own term separator, but a "must not" marker at a term's start)
 * becomes a space, which is how lunr tokenised the indexed text anyway.
 */
export function escapeLunrQuery(query: string): string {
  return query.replace(/-/g, ' ').replace(LUNR_SYNTAX, (char) => `\\${char}`);
}

/** Builds the lunr baseline: one index over title, summary and text, default pipeline. */
export function lunrBaseline(docs: readonly MatchDoc[]): LunrBaseline {
  const idx = lunr(function () {
    this.ref('id');
    for (const field of BASELINE_FIELDS) this.field(field);
    for (const doc of docs) this.add({ id: doc.id, title: doc.title, summary: doc.summary, text: doc.text });
  });
  const parseFailures: string[] = [];
  const run = (query: string): lunr.Index.Result[] => {
    try {
      return idx.search(query);
    } catch {
      if (!parseFailures.includes(query)) parseFailures.push(query);
      try {
        return idx.search(escapeLunrQuery(query));
      } catch {
        return [];
      }
    }
  };
  return {
    name: 'lunr',
    parseFailures,
    search: (query, limit) => run(query).slice(0, limit).map((r) => r.ref),
  };
}

/** Builds the MiniSearch baseline: default tokenizer, term processing and search options. */
export function miniSearchBaseline(docs: readonly MatchDoc[]): SearchSystem {
  const mini = new MiniSearch<{ id: string; title: string; summary: string; text: string }>({ fields: [...BASELINE_FIELDS] });
  mini.addAll(docs.map((doc) => ({ id: doc.id, title: doc.title, summary: doc.summary, text: doc.text })));
  return {
    name: 'MiniSearch',
    search: (query, limit) =>
      mini
        .search(query)
        .slice(0, limit)
        .map((r) => String(r.id)),
  };
}
