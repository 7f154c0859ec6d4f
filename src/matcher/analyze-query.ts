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
  PASTE_FACT_LINE_WEIGHT,
  PASTE_MAX_FACTS,
  PASTE_MAX_TERMS,
  PASTE_MIN_LINES,
  TYPE_WEIGHTS,
  UNTYPED_MATCH_FACTOR,
  VARYING_MIN_VALUES,
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
  /** Read as a pasted log (see `pasteFacts`, `pasteTerms`): copied, not typed, so no typos are tried. */
  paste?: boolean;
}

/** Analyses `query` (never throws; non-strings count as empty). */
export function analyzeQuery(query: unknown): AnalyzedQuery {
  const raw = typeof query === 'string' ? query : '';
  const truncated = raw.length > MAX_QUERY_CHARS;
  const text = wellFormed(truncated ? raw.slice(0, MAX_QUERY_CHARS) : raw);
  const lines = lineStarts(text);
  // Distinct lines: one line pasted a thousand times is a short query.
  const paste = new Set(text.split('\n').map((line) => line.trim()).filter(Boolean)).size >= PASTE_MIN_LINES;
  const found = extractFacts(text);
  // Concepts bridge languages and synonyms; their words still count as text.
  const seen = new Set<string>();
  const conceptHits = conceptFacts(text, MAX_QUERY_CONCEPT_CHARS);
  const concepts = conceptHits.filter((f) => !seen.has(f.key) && (seen.add(f.key), true)).slice(0, MAX_QUERY_CONCEPTS);
  const factTexts = new Set(found.map((f) => f.text));
  const facts = paste ? pasteFacts([...dedupe(found), ...concepts], [...found, ...conceptHits]) : [...dedupe(found), ...concepts];
  const { terms, runs } = paste ? pasteTerms(text, factTexts, factLines(facts, lines)) : queryTerms(text, factTexts);
  return {
    chars: raw.length,
    processedChars: text.length,
    truncated,
    facts: facts.map((fact) => ({ fact, lookups: lookupsOf(fact) })),
    terms,
    words: runs.map((run) => run.text),
    specific: runs.map((run) => !isGenericWord(run.text)),
    wordTerms: runs.map((run) => run.terms),
    display: (matched) => displayWords(matched, runs),
    wordCoverage: (matched) => runs.map((run) => run.terms.filter((t) => matched.has(t)).length / run.terms.length),
    ...(paste ? { paste } : {}),
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

/** Offsets where the non-empty lines of `text` start. */
function lineStarts(text: string): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') starts.push(at);
    at += line.length + 1;
  }
  return starts;
}

/**
 * The facts a pasted log asks: not fields that vary line by line (`req=#`, `#ms`), and at most
 * `PASTE_MAX_FACTS`, heaviest type first (an errno before a bare number), then first seen.
 */
function pasteFacts(facts: Fact[], all: Fact[]): Fact[] {
  const varying = new Set(all.map((f) => f.key));
  for (const f of withoutVarying(all, (f) => `${f.type} ${shapeOf(f.text)}`, (f) => f.key)) varying.delete(f.key);
  return facts
    .filter((f) => !varying.has(f.key))
    .map((fact, order) => ({ fact, order }))
    .sort((a, b) => (TYPE_WEIGHTS[b.fact.type] ?? 1) - (TYPE_WEIGHTS[a.fact.type] ?? 1) || a.order - b.order)
    .slice(0, PASTE_MAX_FACTS)
    .sort((a, b) => a.order - b.order)
    .map(({ fact }) => fact);
}

/** Line numbers (among `lines`, the non-empty lines' offsets) holding a fact of at least `PASTE_FACT_LINE_WEIGHT`. */
function factLines(facts: Fact[], lines: number[]): Set<number> {
  const out = new Set<number>();
  for (const f of facts) if (f.type !== 'concept' && (TYPE_WEIGHTS[f.type] ?? 1) >= PASTE_FACT_LINE_WEIGHT) out.add(lineAt(lines, f.start));
  return out;
}

/** Index of the line holding offset `at` (`lines`: line start offsets, ascending). */
function lineAt(lines: number[], at: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** `text` in lower case with every run of hex digits holding a digit masked: `req=a489cc5c` → `req=#`, `14t03` → `#t#`. */
function shapeOf(text: string): string {
  return text.toLowerCase().replace(/[0-9a-f]*[0-9][0-9a-f]*/g, '#');
}

/** `items` without those whose shape comes with `VARYING_MIN_VALUES` or more different values (a field that varies line by line). */
function withoutVarying<T>(items: T[], shape: (item: T) => string, value: (item: T) => string): T[] {
  const values = new Map<string, Set<string>>();
  for (const item of items) {
    const key = shape(item);
    let set = values.get(key);
    if (!set) values.set(key, (set = new Set()));
    if (set.size < VARYING_MIN_VALUES) set.add(value(item));
  }
  return items.filter((item) => values.get(shape(item))!.size < VARYING_MIN_VALUES);
}

/**
 * Text terms of a pasted log: each distinct line read once (a run's terms worked out once), the lines
 * holding a kept fact first (they say what failed), leaving out fields that vary line by line (terms
 * with digits whose shape has `VARYING_MIN_VALUES` values: request ids, timestamp pieces) and words
 * of any incident (`error`, `failed`: `generic-words.ts`); the first `PASTE_MAX_TERMS` are asked.
 */
function pasteTerms(text: string, factTexts: Set<string>, firstLines: Set<number>): { terms: string[]; runs: Array<TextRun & { terms: string[] }> } {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const ordered = [...new Set([...lines.filter((_, i) => firstLines.has(i)), ...lines])];
  const known = new Map<string, TextRun & { terms: string[] }>();
  for (const line of ordered) {
    // Words that are wholly a fact are left to the fact; the rest of the line is split into runs at once.
    const words = line.split(/\s+/).filter((word) => word !== '' && !factTexts.has(word) && !factTexts.has(word.replace(/[.,;:!?]+$/, '')));
    for (const run of textRuns(words.join(' '))) if (!known.has(run.text)) known.set(run.text, { ...run, terms: runTerms(run) });
  }
  const withDigits = [...new Set([...known.values()].flatMap((entry) => entry.terms))].filter((term) => /[0-9]/.test(term));
  const steady = new Set(withoutVarying(withDigits, shapeOf, (term) => term));
  const seen = new Set<string>();
  const terms: string[] = [];
  const runs: Array<TextRun & { terms: string[] }> = [];
  for (const entry of known.values()) {
    if (terms.length >= PASTE_MAX_TERMS) break;
    const kept = entry.terms.filter((term) => (!/[0-9]/.test(term) || steady.has(term)) && !seen.has(term)).slice(0, PASTE_MAX_TERMS - terms.length);
    if (kept.length === 0 || isGenericWord(entry.text)) continue;
    runs.push({ ...entry, terms: kept });
    for (const term of kept) {
      seen.add(term);
      terms.push(term);
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
