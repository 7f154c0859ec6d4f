/**
 * The matcher: loads a bundle (all at once, or core first and body shards
 * on demand) and answers queries. `search` is synchronous over what is
 * loaded and never throws; `searchAll` first fetches the shards a query needs.
 */
import {
  BUNDLE_VERSION,
  DEFAULT_LIMIT,
  MAX_LIMIT,
  MAX_QUERY_TERMS,
  MAX_TEXT_POSTINGS,
  SHARD_FETCH_CONCURRENCY,
} from './constants.ts';
import { MAX_WORDS_SHOWN, analyzeQuery, type AnalyzedQuery, type QueryFact } from './analyze-query.ts';
import {
  DOCS_FILE,
  FACTS_FILE,
  MANIFEST_FILE,
  TEXT_FILE,
  WHERE_CODES,
  postingsOf,
  shardOf,
  strideOf,
  type DocsFile,
  type FactTable,
  type ShardFile,
} from './bundle-format.ts';
import { rank, scoreBody, scoreFacts, scoreText, type Accumulator, type Ranked } from './rank.ts';
import { queryText, type CompactTextIndex } from './text-index.ts';
import { loadTextIndex, type TextIndex } from './text-index-load.ts';
import { evidenceOf } from './describe-fact.ts';
import { assessConfidence } from './confidence.ts';
import { isCjk, tokenizeText } from './text-tokenize.ts';
import type { IndexBundle, MatchResult, QueryInfo, SearchOptions } from './types.ts';

type Manifest = IndexBundle['manifest'];
type ShardLoader = (name: string) => Promise<string>;

/** A search's results and what was made of the query. */
export interface DetailedResults {
  results: MatchResult[];
  info: QueryInfo;
}

/** Matches queries against an index bundle. */
export class Matcher {
  private readonly manifest: Manifest;
  private readonly docsFile: DocsFile;
  private readonly core: FactTable;
  private readonly text: TextIndex;
  private readonly shards: Array<ShardFile | undefined>;
  private readonly pending = new Map<number, Promise<void>>();
  private readonly loader: ShardLoader | undefined;
  private readonly refs = new Map<string, number>();
  private reverse: Map<number, QueryFact[]> | undefined;

  private constructor(manifest: Manifest, core: Record<string, string>, loader: ShardLoader | undefined) {
    this.manifest = manifest;
    if (manifest.version !== BUNDLE_VERSION) {
      throw new Error(`Precedent matcher: index version ${manifest.version} is not supported (expected ${BUNDLE_VERSION}); rebuild the index`);
    }
    this.docsFile = JSON.parse(need(core, DOCS_FILE)) as DocsFile;
    this.core = JSON.parse(need(core, FACTS_FILE)) as FactTable;
    this.text = loadTextIndex(JSON.parse(need(core, TEXT_FILE)) as CompactTextIndex);
    this.shards = manifest.shards.map(() => undefined);
    this.loader = loader;
    this.docsFile.docs.forEach((row, ref) => this.refs.set(row[0], ref));
  }

  /** A matcher with everything in memory (CLI, build, tests). */
  static fromBundle(bundle: IndexBundle): Matcher {
    const matcher = new Matcher(bundle.manifest, bundle.files, undefined);
    bundle.manifest.shards.forEach((name, i) => {
      matcher.shards[i] = readShard(need(bundle.files, name));
    });
    return matcher;
  }

  /**
   * A matcher for the browser: fetches `<baseUrl>/manifest.json` and the core
   * files now, body shards when `searchAll` needs them. Rejects when the core
   * cannot be fetched.
   */
  static async load(baseUrl: string, fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<Matcher> {
    const base = baseUrl.replace(/\/+$/, '');
    const get = async (name: string): Promise<string> => {
      const url = `${base}/${name}`;
      const response = await fetchFn(url);
      if (!response.ok) throw new Error(`Precedent matcher: could not load ${url} (HTTP ${response.status})`);
      return response.text();
    };
    const manifest = JSON.parse(await get(MANIFEST_FILE)) as Manifest;
    const texts = await Promise.all(manifest.core.map(get));
    const core = Object.fromEntries(manifest.core.map((name, i) => [name, texts[i]!]));
    return new Matcher(manifest, core, get);
  }

  /** Number of records indexed. */
  get size(): number {
    return this.docsFile.docs.length;
  }

  /** Shards loaded so far. */
  get loadedShards(): number {
    return this.shards.filter((s) => s !== undefined).length;
  }

  /** Ranked records for `query`, from what is loaded. Never throws. */
  search(query: string, options: SearchOptions = {}): MatchResult[] {
    return this.searchDetailed(query, options).results;
  }

  /** Like `search`, with what was made of the query (truncation, facts, terms). Never throws. */
  searchDetailed(query: string, options: SearchOptions = {}): DetailedResults {
    const analyzed = safeAnalyze(query);
    return { results: this.safeRun(analyzed, options), info: this.info(analyzed) };
  }

  /** Loads the body shards the query needs, then searches. Never rejects; a shard that fails to load is skipped. */
  async searchAll(query: string, options: SearchOptions = {}): Promise<MatchResult[]> {
    const analyzed = safeAnalyze(query);
    try {
      await this.loadShards(this.shardsFor(analyzed));
    } catch {
      // Search with what is loaded.
    }
    return this.safeRun(analyzed, options);
  }

  /** Records sharing symptoms with record `id` (its own symptom, title, summary and fix facts, and title words), excluding itself. */
  related(id: string, options: SearchOptions = {}): MatchResult[] {
    try {
      const ref = this.refs.get(id);
      if (ref === undefined) return [];
      const facts = this.factsOf(ref);
      const row = this.docsFile.docs[ref]!;
      // Title words, without lone CJK characters (too common to say two records are alike).
      const terms = [...new Set(tokenizeText(`${row[1]} ${row[2]}`))].filter((t) => t.length > 1 || !isCjk(t));
      const acc = new Map<number, Accumulator>();
      scoreFacts(facts, this.factTables(), this.size, acc);
      scoreText(queryText(this.text, terms), (matched) => [...matched].slice(0, MAX_WORDS_SHOWN), acc);
      return this.dress(rank(acc, limitOf(options), ref));
    } catch {
      return [];
    }
  }

  private safeRun(analyzed: AnalyzedQuery, options: SearchOptions): MatchResult[] {
    try {
      return this.run(analyzed, limitOf(options));
    } catch {
      return [];
    }
  }

  private run(analyzed: AnalyzedQuery, limit: number): MatchResult[] {
    if (this.size === 0) return [];
    const acc = new Map<number, Accumulator>();
    scoreFacts(analyzed.facts, this.factTables(), this.size, acc);
    scoreText(queryText(this.text, this.pickTerms(analyzed.terms, analyzed.facts.length > 0)), analyzed.display, acc);
    const loaded = this.shards.filter((s): s is ShardFile => s !== undefined).map((s) => s.terms);
    if (loaded.length > 0) scoreBody(this.bodyTerms(analyzed.terms), loaded, this.docsFile.bodyLength, analyzed.display, acc);
    return this.dress(rank(acc, limit, undefined, analyzed.wordCoverage));
  }

  /**
   * Query terms worth asking of lunr: present in the core, rarest first,
   * while their summed document frequency stays within `MAX_TEXT_POSTINGS`
   * (the rarest is kept regardless when the query has no facts).
   */
  private pickTerms(terms: string[], hasFacts: boolean): string[] {
    const present = terms
      .map((term, order) => ({ term, order, df: this.text.docFrequency(term), asked: this.text.postingsAsked(term) }))
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

  /** Terms for the body shards: every query term (their rarity is known only once loaded), capped. */
  private bodyTerms(terms: string[]): string[] {
    return terms.slice(0, MAX_QUERY_TERMS);
  }

  private factTables(): FactTable[] {
    const tables = [this.core];
    for (const shard of this.shards) if (shard) tables.push(shard.facts);
    return tables;
  }

  private dress(ranked: Ranked[]): MatchResult[] {
    const confidence = assessConfidence(ranked);
    return ranked.map(({ ref, score, reasons }, i) => {
      const [id, title, titleEn, kind, date, file, fixType, fixSummary, fixCommand] = this.docsFile.docs[ref]!;
      const result: MatchResult = { id, title, kind, file, score, confidence: confidence[i]!, reasons };
      if (titleEn) result.titleEn = titleEn;
      if (date) result.date = date;
      if (fixType !== 0) {
        result.fix = { type: fixType === 1 ? 'resolution' : 'workaround', summary: fixSummary, ...(fixCommand && { command: fixCommand }) };
      }
      return result;
    });
  }

  private info(analyzed: AnalyzedQuery): QueryInfo {
    let needed: number[] = [];
    try {
      needed = this.shardsFor(analyzed);
    } catch {
      // Unknown: report none missing.
    }
    return {
      chars: analyzed.chars,
      processedChars: analyzed.processedChars,
      truncated: analyzed.truncated,
      facts: analyzed.facts.map((f) => f.fact),
      terms: analyzed.terms,
      missingShards: needed.filter((i) => this.shards[i] === undefined).length,
    };
  }

  private shardsFor(analyzed: AnalyzedQuery): number[] {
    const count = this.shards.length;
    if (count === 0) return [];
    const needed = new Set<number>();
    for (const { lookups } of analyzed.facts) for (const lookup of lookups) needed.add(shardOf(lookup.key, count));
    for (const term of this.bodyTerms(analyzed.terms)) needed.add(shardOf(term, count));
    return [...needed].sort((a, b) => a - b);
  }

  private async loadShards(indexes: number[]): Promise<void> {
    const loader = this.loader;
    if (!loader) return;
    const queue = indexes.filter((i) => this.shards[i] === undefined);
    const worker = async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        let job = this.pending.get(i);
        if (!job) {
          const index = i;
          job = loader(this.manifest.shards[index]!)
            .then((text) => {
              this.shards[index] = readShard(text);
            })
            .finally(() => this.pending.delete(index));
          this.pending.set(index, job);
        }
        await job.catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: Math.min(SHARD_FETCH_CONCURRENCY, queue.length) }, worker));
  }

  /** The core facts of a record, as exact lookups (for `related`). */
  private factsOf(ref: number): QueryFact[] {
    if (!this.reverse) {
      const reverse = new Map<number, QueryFact[]>();
      for (const key of Object.keys(this.core.keys)) {
        const postings = postingsOf(this.core, key)!;
        const stride = strideOf(key);
        for (let i = 0; i + stride <= postings.length; i += stride) {
          const where = WHERE_CODES[postings[i + 1]!];
          if (where === 'body' || key.startsWith('number:')) continue;
          const list = reverse.get(postings[i]!) ?? [];
          const evidence = evidenceOf(this.core.strings, postings[i + 2]!, key);
          list.push({ fact: { type: 'identifier', key, text: evidence, start: 0, end: 0 }, lookups: [{ key, factor: 1 }] });
          reverse.set(postings[i]!, list);
        }
      }
      this.reverse = reverse;
    }
    return this.reverse.get(ref) ?? [];
  }
}

/** `analyzeQuery`, or an empty analysis should it ever fail. */
function safeAnalyze(query: unknown): AnalyzedQuery {
  try {
    return analyzeQuery(query);
  } catch {
    const chars = typeof query === 'string' ? query.length : 0;
    return { chars, processedChars: 0, truncated: chars > 0, facts: [], terms: [], display: () => [], wordCoverage: () => [] };
  }
}

function readShard(text: string): ShardFile {
  return JSON.parse(text) as ShardFile;
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
