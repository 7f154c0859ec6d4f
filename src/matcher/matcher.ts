/**
 * The matcher over a term-addressed bundle: `Matcher.load` fetches the
 * directory, `searchAll` the key chunks holding a query's fact keys and text
 * terms and then the document rows of the results it returns;
 * `Matcher.fromBundle` loads everything. `search` is synchronous over what is
 * loaded; nothing here throws into a page.
 */
import { CHUNK_FETCH_CONCURRENCY, DEFAULT_LIMIT, LOAD_ALL_BELOW_CHARS, MAX_LIMIT, MAX_QUERY_TERMS, MAX_TEXT_POSTINGS, TYPO_FACTOR } from './constants.ts';
import { MAX_WORDS_SHOWN, analyzeQuery, type AnalyzedQuery, type QueryFact } from './analyze-query.ts';
import { MANIFEST_FILE, WHERE_CODES, postingsOf, strideOf, type FactTable } from './bundle-format.ts';
import { ChunkError, IndexStore, readDirectory } from './index-store.ts';
import { bodyHits, rank, scoreBody, scoreFacts, scoreText, type Accumulator, type BodyHit, type Ranked } from './rank.ts';
import { queryText, type TextHit } from './text-index.ts';
import { evidenceOf, typeOfKey } from './describe-fact.ts';
import { typoCandidates } from './typos.ts';
import { relatedLists } from './related-lists.ts';
import { assessConfidence } from './confidence.ts';
import { isCjk, tokenizeText } from './text-tokenize.ts';
import type { Fact, IndexBundle, MatchResult, QueryInfo, SearchOptions } from './types.ts';

/** Fetches a bundle file by name; `url` says where it lives (for messages). */
interface Loader {
  get: (name: string) => Promise<string>;
  url: (name: string) => string;
}

/** Options of `Matcher.load`. */
export interface LoadOptions {
  /**
   * A bundle whose chunks hold fewer characters than this is fetched whole
   * by the first `searchAll`, so it then works offline. Default `LOAD_ALL_BELOW_CHARS` (256 K).
   */
  wholeBelowChars?: number;
  /**
   * A fetch of `<baseUrl>/manifest.json` already under way, used instead of
   * fetching it again: a page that starts it before importing the matcher
   * (or preloads it) gets the directory and the code in one round.
   */
  directory?: Promise<Response>;
}

/** A search's results and what was made of the query. */
export interface DetailedResults {
  results: MatchResult[];
  info: QueryInfo;
}

/** Matches queries against an index bundle. */
export class Matcher {
  private readonly store: IndexStore;
  private readonly loader: Loader | undefined;
  private readonly pending = new Map<string, Promise<void>>();
  private reverse: Map<number, QueryFact[]> | undefined;
  private wholeBelowChars = LOAD_ALL_BELOW_CHARS;

  private constructor(directory: unknown, loader: Loader | undefined) {
    this.store = new IndexStore(readDirectory(directory));
    this.loader = loader;
  }

  /**
   * A matcher with everything in memory (CLI, build, tests). Throws when a
   * file is missing or does not match its hash.
   */
  static fromBundle(bundle: IndexBundle): Matcher {
    const text = bundle.files[MANIFEST_FILE];
    const matcher = new Matcher(typeof text === 'string' ? JSON.parse(text) : bundle.manifest, undefined);
    const { store } = matcher;
    store.directory.keyHashes.forEach((_, i) => store.addKeyChunk(i, need(bundle.files, store.keyFile(i))));
    store.directory.docHashes.forEach((_, i) => store.addDocChunk(i, need(bundle.files, store.docFile(i))));
    return matcher;
  }

  /**
   * A matcher for the browser: fetches `<baseUrl>/manifest.json` now, and
   * chunks when `searchAll` needs them. Rejects when the directory cannot be
   * fetched or read.
   */
  static async load(baseUrl: string, fetchFn: typeof fetch = globalThis.fetch.bind(globalThis), options: LoadOptions = {}): Promise<Matcher> {
    const base = baseUrl.replace(/\/+$/, '');
    const get = async (name: string, started?: Promise<Response>): Promise<string> => {
      const url = `${base}/${name}`;
      let response: Response;
      try {
        response = await (started ?? fetchFn(url));
      } catch (error) {
        throw new ChunkError(url, `could not be fetched (${error instanceof Error ? error.message : String(error)})`);
      }
      if (!response.ok) throw new ChunkError(url, `could not be loaded (HTTP ${response.status})`);
      return response.text();
    };
    let directory: unknown;
    const url = (name: string): string => `${base}/${name}`;
    const text = await get(MANIFEST_FILE, options.directory).catch((error: unknown) => {
      throw new Error(error instanceof ChunkError ? `Precedent matcher: could not load ${error.file} (${error.reason.replace(/^could not be loaded \((.*)\)$/, '$1')})` : String(error));
    });
    try {
      directory = JSON.parse(text);
    } catch {
      throw new Error(`Precedent matcher: ${base}/${MANIFEST_FILE} is not valid JSON`);
    }
    const matcher = new Matcher(directory, { get, url });
    matcher.wholeBelowChars = options.wholeBelowChars ?? LOAD_ALL_BELOW_CHARS;
    return matcher;
  }

  /** Number of records indexed. */
  get size(): number {
    return this.store.directory.docs;
  }

  /** Chunks (key and document) loaded so far. */
  get loadedChunks(): number {
    return this.store.loaded;
  }

  /** Ranked records for `query`, from what is loaded (results whose rows are not loaded are left out). Never throws. */
  search(query: string, options: SearchOptions = {}): MatchResult[] {
    return this.searchDetailed(query, options).results;
  }

  /** Like `search`, with what was made of the query (truncation, facts, terms, chunks missing). Never throws. */
  searchDetailed(query: string, options: SearchOptions = {}): DetailedResults {
    const analyzed = safeAnalyze(query);
    const ranked = this.safeRank(analyzed, options);
    return { results: this.dress(ranked), info: this.info(analyzed, ranked, []) };
  }

  /** Loads the chunks the query needs, then searches. Never rejects; a chunk that fails to load is skipped. */
  async searchAll(query: string, options: SearchOptions = {}): Promise<MatchResult[]> {
    return (await this.searchAllDetailed(query, options)).results;
  }

  /**
   * Like `searchAll`, with what was made of the query; `info.problems` says
   * which chunks could not be used and why (the results come from the rest).
   * Never rejects.
   */
  async searchAllDetailed(query: string, options: SearchOptions = {}): Promise<DetailedResults> {
    const analyzed = safeAnalyze(query);
    const problems: string[] = [];
    try {
      const { directory } = this.store;
      const whole = directory.chars < this.wholeBelowChars;
      const keyChunks = whole ? directory.keyHashes.map((_, i) => i) : this.keyChunksFor(analyzed);
      const needed = keyChunks.filter((i) => !this.store.hasKeyChunk(i));
      await this.fetchAll(needed.map((i) => ({ name: this.store.keyFile(i), add: (text: string) => this.store.addKeyChunk(i, text) })), problems);
      const ranked = this.safeRank(analyzed, options);
      const docChunks = (whole ? directory.docHashes.map((_, i) => i) : [...new Set(ranked.map((r) => this.store.docChunkOf(r.ref)))])
        .filter((i) => !this.store.hasDocChunk(i));
      await this.fetchAll(docChunks.map((i) => ({ name: this.store.docFile(i), add: (text: string) => this.store.addDocChunk(i, text) })), problems);
      return { results: this.dress(ranked), info: this.info(analyzed, ranked, problems) };
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      return { results: [], info: this.info(analyzed, [], problems) };
    }
  }

  /**
   * Records sharing symptoms with record `id` (its own symptom, title,
   * summary and fix facts, and title words), excluding itself, over what is
   * loaded (everything after `fromBundle`). Never throws.
   */
  related(id: string, options: SearchOptions = {}): MatchResult[] {
    try {
      const ref = this.store.refOf(id);
      if (ref === undefined) return [];
      const facts = this.factsOf(ref);
      const acc = new Map<number, Accumulator>();
      scoreFacts(facts, this.factTables(), this.size, acc);
      scoreText(queryText(this.store.text, this.titleTerms(ref)), relatedDisplay, acc);
      return this.dress(rank(acc, limitOf(options), ref));
    } catch {
      return [];
    }
  }

  /**
   * `related` for every record, by id: the same lists, worked out in one pass
   * that shares the work between records (`related-lists.ts`; a site build
   * lists them on every record page). Everything must be loaded
   * (`fromBundle`). Never throws.
   */
  relatedAll(options: SearchOptions = {}): Map<string, MatchResult[]> {
    const out = new Map<string, MatchResult[]>();
    try {
      const lists = relatedLists(
        {
          docs: this.size,
          tables: this.factTables(),
          text: this.store.text,
          factsOf: (ref) => this.factsOf(ref),
          termsOf: (ref) => this.titleTerms(ref),
          display: relatedDisplay,
        },
        limitOf(options),
      );
      lists.forEach((ranked, ref) => out.set(this.store.row(ref)![0], this.dress(ranked)));
    } catch {
      // Record by record, then.
      for (let ref = 0; ref < this.size; ref++) {
        const id = this.store.row(ref)?.[0];
        if (id !== undefined) out.set(id, this.related(id, options));
      }
    }
    return out;
  }

  /** A record's title words for `related`, without lone CJK characters (too common to say two records are alike). */
  private titleTerms(ref: number): string[] {
    const row = this.store.row(ref)!;
    return [...new Set(tokenizeText(`${row[1]} ${row[2]}`))].filter((t) => t.length > 1 || !isCjk(t));
  }

  private safeRank(analyzed: AnalyzedQuery, options: SearchOptions): Ranked[] {
    try {
      return this.rankQuery(analyzed, limitOf(options));
    } catch {
      return [];
    }
  }

  private rankQuery(analyzed: AnalyzedQuery, limit: number): Ranked[] {
    if (this.size === 0) return [];
    // The query's own text and body hits are the same in both rankings: worked out once.
    const own: OwnHits = {
      text: queryText(this.store.text, this.pickTerms(analyzed.terms, analyzed.facts.length > 0)),
      body: bodyHits(this.bodyTerms(analyzed.terms), (term) => this.store.wordPostings(term), this.size),
    };
    const exact = this.rankWith(analyzed, limit, own, { facts: [], terms: new Map() });
    // Typos are tried only when the query as written has no strong answer: a word absent from the
    // library (`mssql`) is not taken for a near one (`mysql`) when the rest of the query already tells.
    // Nor for a pasted log: it was copied, not typed, and its leftover words are ids, not misspellings.
    if (analyzed.paste || assessConfidence(exact)[0] === 'strong') return exact;
    const typos = this.typos(analyzed);
    return typos.facts.length === 0 && typos.terms.size === 0 ? exact : this.rankWith(analyzed, limit, own, typos);
  }

  private rankWith(analyzed: AnalyzedQuery, limit: number, own: OwnHits, typos: Typos): Ranked[] {
    const acc = new Map<number, Accumulator>();
    scoreFacts([...analyzed.facts, ...typos.facts], this.factTables(), this.size, acc);
    scoreText(own.text, analyzed.display, acc);
    scoreBody(own.body, analyzed.display, acc);
    let coverage = analyzed.wordCoverage;
    if (typos.terms.size > 0) {
      // A corrected term stands for the query's own: it covers the word, and its evidence shows both.
      const display = (matched: ReadonlySet<string>) => [...matched].map((term) => `${term} ≈ ${typos.terms.get(term)!.word}`);
      const corrected = [...typos.terms.keys()];
      scoreText(queryText(this.store.text, corrected), display, acc, TYPO_FACTOR);
      scoreBody(bodyHits(corrected, (term) => this.store.wordPostings(term), this.size), display, acc, TYPO_FACTOR);
      coverage = (matched) => analyzed.wordCoverage(new Set([...matched].map((term) => typos.terms.get(term)?.term ?? term)));
    }
    return rank(acc, limit, undefined, coverage, analyzed);
  }

  /**
   * Typo lookups for the query's Latin words that find nothing as written
   * (no text posting, not a fact): near fact names as facts, near text terms
   * as terms (each mapped to the word and term it corrects).
   */
  private typos(analyzed: AnalyzedQuery): Typos {
    const facts: QueryFact[] = [];
    const terms = new Map<string, { word: string; term: string }>();
    const words: Array<{ word: string; term: string | undefined }> = [];
    analyzed.words.forEach((word, i) => {
      const own = analyzed.wordTerms[i] ?? [];
      if (own.some((t) => isCjk(t[0]!)) || !/^[a-z][\w.-]*$/i.test(word)) return;
      if (own.some((t) => this.store.text.docFrequency(t) > 0 || this.store.wordPostings(t) !== undefined)) return;
      words.push({ word, term: own.length === 1 ? own[0] : undefined });
    });
    if (words.length === 0) return { facts, terms };
    for (const { word, keys } of typoCandidates(words, this.store.vocabulary)) {
      const own = words.find((w) => w.word === word)!.term;
      for (const key of keys) {
        if (key.includes(':')) {
          facts.push({ fact: { type: typeOfKey(key) as Fact['type'], key, text: word, start: 0, end: 0 }, lookups: [{ key, factor: TYPO_FACTOR, approximate: true }] });
        } else if (own !== undefined && !terms.has(key)) terms.set(key, { word, term: own });
      }
    }
    return { facts, terms };
  }

  /**
   * Query terms worth asking of lunr: present in the core, rarest first,
   * while their summed document frequency stays within `MAX_TEXT_POSTINGS`
   * (the rarest is kept regardless when the query has no facts).
   */
  private pickTerms(terms: string[], hasFacts: boolean): string[] {
    const text = this.store.text;
    const present = terms
      .map((term, order) => ({ term, order, df: text.docFrequency(term), asked: text.postingsAsked(term) }))
      .filter((s) => s.df > 0)
      .sort((a, b) => a.df - b.df || a.order - b.order);
    const kept: string[] = [];
    let total = 0;
    for (const { term, asked } of present) {
      if (kept.length >= MAX_QUERY_TERMS) break;
      if (total + asked > MAX_TEXT_POSTINGS && (kept.length > 0 || hasFacts)) break;
      kept.push(term);
      total += asked;
    }
    return kept;
  }

  /** Terms for body text: the first `MAX_QUERY_TERMS` query terms. */
  private bodyTerms(terms: string[]): string[] {
    return terms.slice(0, MAX_QUERY_TERMS);
  }

  private factTables(): FactTable[] {
    return [this.store.core, this.store.body];
  }

  /** Results with their rows; a result whose row is not loaded is left out. */
  private dress(ranked: Ranked[]): MatchResult[] {
    // Confidence compares each result with the next, so it is judged on the full ranking.
    const confidence = assessConfidence(ranked);
    const out: MatchResult[] = [];
    ranked.forEach(({ ref, score, reasons }, i) => {
      const row = this.store.row(ref);
      if (!row) return;
      const [id, title, titleEn, kind, date, file, fixType, fixSummary, fixCommand, fixes] = row;
      const result: MatchResult = { id, title, kind, file, score, confidence: confidence[i]!, reasons };
      if (titleEn) result.titleEn = titleEn;
      if (date) result.date = date;
      if (fixType !== 0) {
        result.fix = fixes?.[0] ?? { type: fixType === 1 ? 'resolution' : 'workaround', summary: fixSummary, ...(fixCommand && { command: fixCommand }) };
      }
      if (fixes && fixes.length > 0) result.fixes = fixes;
      out.push(result);
    });
    return out;
  }

  private info(analyzed: AnalyzedQuery, ranked: Ranked[], problems: string[]): QueryInfo {
    let missing = 0;
    try {
      missing = this.keyChunksFor(analyzed).filter((i) => !this.store.hasKeyChunk(i)).length;
      missing += new Set(ranked.map((r) => this.store.docChunkOf(r.ref)).filter((i) => !this.store.hasDocChunk(i))).size;
    } catch {
      // Unknown: report none missing.
    }
    return {
      chars: analyzed.chars,
      processedChars: analyzed.processedChars,
      truncated: analyzed.truncated,
      facts: analyzed.facts.map((f) => f.fact),
      terms: analyzed.terms,
      missingChunks: missing,
      problems,
      evidence: ranked.slice(0, 2).map(({ raw, evidence }) => ({ raw, evidence: { ...evidence } })),
    };
  }

  /** Key chunks holding the query's lookup keys and terms, ascending. */
  private keyChunksFor(analyzed: AnalyzedQuery): number[] {
    if (this.store.directory.keys.length === 0) return [];
    const needed = new Set<number>();
    for (const { lookups } of analyzed.facts) for (const lookup of lookups) needed.add(this.store.keyChunkOf(lookup.key));
    for (const term of analyzed.terms) needed.add(this.store.keyChunkOf(term));
    return [...needed].sort((a, b) => a - b);
  }

  /** Fetches and adds files, `CHUNK_FETCH_CONCURRENCY` at a time; a failure is noted in `problems`, never thrown. */
  private async fetchAll(jobs: Array<{ name: string; add: (text: string) => void }>, problems: string[]): Promise<void> {
    const loader = this.loader;
    if (!loader || jobs.length === 0) return;
    const queue = jobs.slice();
    const worker = async (): Promise<void> => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
        const { name, add } = job;
        let running = this.pending.get(name);
        if (!running) {
          running = loader
            .get(name)
            .then((text) => {
              try {
                add(text);
              } catch (error) {
                // Name the file by its URL, as a fetch failure does.
                throw error instanceof ChunkError ? new ChunkError(loader.url(name), error.reason) : error;
              }
            })
            .finally(() => this.pending.delete(name));
          this.pending.set(name, running);
        }
        await running.catch((error: unknown) => {
          problems.push(error instanceof Error ? error.message : String(error));
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(CHUNK_FETCH_CONCURRENCY, queue.length) }, worker));
  }

  /** The core facts of a record, as exact lookups (for `related`). */
  private factsOf(ref: number): QueryFact[] {
    if (!this.reverse) {
      const reverse = new Map<number, QueryFact[]>();
      for (const key of Object.keys(this.store.core.keys)) {
        const postings = postingsOf(this.store.core, key)!;
        const stride = strideOf(key);
        for (let i = 0; i + stride <= postings.length; i += stride) {
          const where = WHERE_CODES[postings[i + 1]!];
          if (where === 'body' || key.startsWith('number:')) continue;
          const list = reverse.get(postings[i]!) ?? [];
          const evidence = evidenceOf(this.store.core.strings, postings[i + 2]!, key);
          list.push({ fact: { type: 'identifier', key, text: evidence, start: 0, end: 0 }, lookups: [{ key, factor: 1 }] });
          reverse.set(postings[i]!, list);
        }
      }
      this.reverse = reverse;
    }
    return this.reverse.get(ref) ?? [];
  }
}

/** Evidence words of a related record: its matched title terms, as many as a query shows. */
const relatedDisplay = (matched: ReadonlySet<string>): string[] => [...matched].slice(0, MAX_WORDS_SHOWN);

/** A query's own text and body hits, shared by its exact and typo rankings. */
interface OwnHits {
  text: Map<number, TextHit>;
  body: BodyHit[];
}

/** Typo lookups of a query: near fact names as facts; near text terms, each with the word and term it corrects. */
interface Typos {
  facts: QueryFact[];
  terms: Map<string, { word: string; term: string }>;
}

/** `analyzeQuery`, or an empty analysis should it ever fail. */
function safeAnalyze(query: unknown): AnalyzedQuery {
  try {
    return analyzeQuery(query);
  } catch {
    const chars = typeof query === 'string' ? query.length : 0;
    return { chars, processedChars: 0, truncated: chars > 0, facts: [], terms: [], words: [], specific: [], wordTerms: [], display: () => [], wordCoverage: () => [] };
  }
}

function need(files: Record<string, string>, name: string): string {
  const text = files[name];
  if (typeof text !== 'string') throw new Error(`Precedent matcher: the bundle has no \`${name}\``);
  return text;
}

function limitOf(options: SearchOptions): number {
  const limit = options?.limit;
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
}
