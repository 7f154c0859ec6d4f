/**
 * Turns a query into what the index is asked: de-duplicated facts, each
 * with the index keys it may match (a bare `266` may be a port, a code, a
 * status or a count), and text terms with the words they came from.
 */
import {
  BARE_NUMBER_FACTOR,
  CIDR_MATCH_FACTOR,
  MAX_QUERY_CHARS,
  MAX_QUERY_CONCEPT_CHARS,
  MAX_QUERY_CONCEPTS,
  MAX_QUERY_FACTS,
  MAX_QUERY_TERMS,
  UNTYPED_MATCH_FACTOR,
} from './constants.ts';
import { extractFacts } from './extract-facts.ts';
import { conceptFacts } from './lexicon.ts';
import { isGenericWord } from './generic-words.ts';
import { FIGURE_TYPES } from './describe-fact.ts';
import { figureRange, rangeBuckets, type FigureRange } from './figures.ts';
import { containingCidrs } from './ip.ts';
import { runTerms, textRuns, wellFormed, type TextRun } from './text-tokenize.ts';
import type { Fact } from './types.ts';

/** One index key a query fact may match, and how much such a match is worth relative to an exact one. */
export interface Lookup {
  key: string;
  factor: number;
  /** A near key rather than the query's own (a typo): evidence reads `record ≈ query`. */
  approximate?: boolean;
  /** For figure buckets: the accepted range. */
  range?: FigureRange;
}

/** A query fact and its lookups. */
export interface QueryFact {
  fact: Fact;
  lookups: Lookup[];
}

/** The analysed query. */
export interface AnalyzedQuery {
  chars: number;
  processedChars: number;
  truncated: boolean;
  facts: QueryFact[];
  /** Distinct text terms, in query order. */
  terms: string[];
  /** The query's words (runs) as written, in the order `wordCoverage` reports them. */
  words: string[];
  /** Per word, its text terms. */
  wordTerms: string[][];
  /** Per word: false for a word of any incident (`failed`, `超时`; see `generic-words.ts`). */
  specific: boolean[];
  /** Query words behind a set of matched terms, for evidence labels. */
  display: WordDisplay;
  /** For each query word (run), the share of its terms in `matched`: coverage counts words, not bigrams. */
  wordCoverage: WordCoverage;
}

/** Analyses `query` (never throws; non-strings count as empty). */
export function analyzeQuery(query: unknown): AnalyzedQuery {
  const raw = typeof query === 'string' ? query : '';
  const truncated = raw.length > MAX_QUERY_CHARS;
  const text = wellFormed(truncated ? raw.slice(0, MAX_QUERY_CHARS) : raw);
  const facts = dedupe(extractFacts(text));
  // Concepts bridge languages and synonyms; their words still count as text.
  const seen = new Set<string>();
  const concepts = conceptFacts(text, MAX_QUERY_CONCEPT_CHARS).filter((f) => !seen.has(f.key) && (seen.add(f.key), true)).slice(0, MAX_QUERY_CONCEPTS);
  const { terms, runs } = queryTerms(text, new Set(facts.map((f) => f.text)));
  return {
    chars: raw.length,
    processedChars: text.length,
    truncated,
    facts: [...facts, ...concepts].map((fact) => ({ fact, lookups: lookupsOf(fact) })),
    terms,
    words: runs.map((run) => run.text),
    specific: runs.map((run) => !isGenericWord(run.text)),
    wordTerms: runs.map((run) => run.terms),
    display: (matched) => displayWords(matched, runs),
    wordCoverage: (matched) => runs.map((run) => run.terms.filter((t) => matched.has(t)).length / run.terms.length),
  };
}

/**
 * Drops repeated keys, and bare numbers already read as something typed
 * (`udp 5002` and `5002`); keeps at most `MAX_QUERY_FACTS`, typed facts
 * before bare numbers (the bulk of a pasted log's noise), each in order of appearance.
 */
function dedupe(facts: Fact[]): Fact[] {
  const typedValues = new Set<number>();
  for (const fact of facts) if (fact.type !== 'number' && fact.value !== undefined) typedValues.add(fact.value);
  const seen = new Set<string>();
  const typed: Fact[] = [];
  const numbers: Fact[] = [];
  for (const fact of facts) {
    if (fact.type === 'number' && typedValues.has(fact.value!)) continue;
    const id = `${fact.key}|${fact.op ?? ''}|${fact.protocol ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    (fact.type === 'number' ? numbers : typed).push(fact);
  }
  const kept = typed.slice(0, MAX_QUERY_FACTS);
  kept.push(...numbers.slice(0, MAX_QUERY_FACTS - kept.length));
  return kept.sort((a, b) => a.start - b.start);
}

/** The lookups of one query fact. */
export function lookupsOf(fact: Fact): Lookup[] {
  const value = fact.value;
  const name = fact.key.slice(fact.key.indexOf(':') + 1);
  if (FIGURE_TYPES.has(fact.type) && value !== undefined && fact.unit) {
    const range = figureRange(fact.unit, value, fact.decimals ?? 0, fact.op);
    const lookups: Lookup[] = rangeBuckets(range).map((key) => ({ key, factor: 1, range }));
    if (fact.unit === 'count' && Number.isInteger(value) && !fact.op) lookups.push({ key: `number:${value}`, factor: UNTYPED_MATCH_FACTOR });
    return lookups;
  }
  switch (fact.type) {
    case 'number': {
      const lookups: Lookup[] = [{ key: fact.key, factor: 1 }];
      if (value === undefined || !Number.isInteger(value)) return lookups;
      if (value <= 65535) lookups.push({ key: `port:${value}`, factor: BARE_NUMBER_FACTOR });
      lookups.push({ key: `code:${value}`, factor: BARE_NUMBER_FACTOR });
      if (value >= 100 && value <= 599) lookups.push({ key: `http:${value}`, factor: BARE_NUMBER_FACTOR });
      if (value <= 255) lookups.push({ key: `exit:${value}`, factor: BARE_NUMBER_FACTOR });
      return lookups;
    }
    case 'port':
    case 'exit':
      return [{ key: fact.key, factor: 1 }, { key: `number:${value}`, factor: UNTYPED_MATCH_FACTOR }];
    case 'code':
    case 'http': {
      const lookups: Lookup[] = [{ key: fact.key, factor: 1 }];
      if (/^\d+$/.test(name)) {
        lookups.push({ key: `number:${name}`, factor: UNTYPED_MATCH_FACTOR });
        lookups.push({ key: fact.type === 'code' ? `http:${name}` : `code:${name}`, factor: BARE_NUMBER_FACTOR });
      }
      return lookups;
    }
    case 'ip':
      return name.includes('.')
        ? [{ key: fact.key, factor: 1 }, ...containingCidrs(name).map((cidr) => ({ key: `cidr:${cidr}`, factor: CIDR_MATCH_FACTOR }))]
        : [{ key: fact.key, factor: 1 }];
    default:
      return [{ key: fact.key, factor: 1 }];
  }
}

/** Text terms of the query and the runs they came from; a word that is wholly a fact (`ECONNRESET`, `actions:drop`) is left to the fact. */
function queryTerms(text: string, factTexts: Set<string>): { terms: string[]; runs: Array<TextRun & { terms: string[] }> } {
  const seen = new Set<string>();
  const terms: string[] = [];
  const runs: Array<TextRun & { terms: string[] }> = [];
  for (const word of text.split(/\s+/)) {
    if (word === '' || factTexts.has(word) || factTexts.has(word.replace(/[.,;:!?]+$/, ''))) continue;
    for (const run of textRuns(word)) {
      const runTermList = runTerms(run);
      if (runTermList.length === 0) continue;
      runs.push({ ...run, terms: runTermList });
      for (const term of runTermList) {
        if (seen.has(term)) continue;
        seen.add(term);
        terms.push(term);
      }
      if (terms.length >= MAX_QUERY_TERMS * 4) return { terms, runs };
    }
  }
  return { terms, runs };
}

/** Per query word, the share of its terms matched. */
export type WordCoverage = (matched: ReadonlySet<string>) => number[];

/** Shows matched terms as the query wrote them: whole words, and for CJK the covered stretches (`下秤失败`). */
export type WordDisplay = (matched: ReadonlySet<string>) => string[];

/** Most words shown in one evidence label. */
export const MAX_WORDS_SHOWN = 6;

function displayWords(matched: ReadonlySet<string>, runs: Array<TextRun & { terms: string[] }>): string[] {
  const out = new Set<string>();
  for (const run of runs) {
    if (out.size >= MAX_WORDS_SHOWN) break;
    if (!run.cjk) {
      if (run.terms.some((t) => matched.has(t))) out.add(run.text.length > 40 ? `${run.text.slice(0, 39)}…` : run.text);
      continue;
    }
    const chars = Array.from(run.text);
    const covered = chars.map(() => false);
    for (let i = 0; i + 1 < chars.length; i++) {
      if (matched.has(chars[i]! + chars[i + 1]!)) covered[i] = covered[i + 1] = true;
    }
    let segment = '';
    for (let i = 0; i <= chars.length; i++) {
      if (i < chars.length && covered[i]) segment += chars[i];
      else if (segment) {
        out.add(segment);
        segment = '';
      }
    }
    if (chars.length === 1 && matched.has(chars[0]!)) out.add(chars[0]!);
  }
  return [...out];
}
