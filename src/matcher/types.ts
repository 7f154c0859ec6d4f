/**
 * The matcher's public shapes: documents in, bundles between build and
 * browser, results out. Plain data, JSON-safe.
 */
import type { ConfidenceEvidence } from './confidence.ts';
import type { Symptoms } from '../schema/record.ts';
import type { Directory } from './bundle-format.ts';

/** Where in a record a match was found; decides part of its weight. */
export type Where = 'symptom' | 'title' | 'summary' | 'body' | 'fix';

/** A command of a fix, verbatim, with its code language. */
export interface FixCommand {
  code: string;
  /** Code-fence language (`c`, `sql` …); absent for a shell command, which is shown with a prompt. */
  lang?: string;
}

/** A record's fix as shown in results. */
export interface MatchFix {
  type: 'resolution' | 'workaround';
  /** What it does, in the record's language. */
  summary: string;
  /** The same in English, where the record has it. */
  summaryEn?: string;
  /** The first command of its steps, verbatim. */
  command?: string;
  /** Its steps' commands, in order (at most `MAX_FIX_COMMANDS`). */
  commands?: FixCommand[];
}

/** A product a record names, with affected and fixing versions. */
export interface MatchProduct {
  name: string;
  versions: string[];
  fixedIn?: string;
}

/** One record, flattened for indexing (see `recordToDoc`). */
export interface MatchDoc {
  id: string;
  title: string;
  titleEn?: string;
  kind: string;
  date?: string;
  file: string;
  language: string;
  summary: string;
  /** The summary in English, where the record has it. */
  summaryEn?: string;
  tags: string[];
  services: string[];
  symptoms?: Symptoms;
  /** All other prose: body, root cause, impact, timeline, steps, lessons. */
  text: string;
  /** The fix to show first: the workaround when there is one (what a responder does now), else the resolution. */
  fix?: MatchFix;
  /** Every fix, workaround first, then resolution. */
  fixes?: MatchFix[];
  /** Products and versions; version facts count as symptoms, `fixedIn` as fix. */
  products?: MatchProduct[];
}

/** Kinds of fact the extractor knows. */
export type FactType =
  | 'port'
  | 'code'
  | 'errno'
  | 'exception'
  | 'http'
  | 'signal'
  | 'exit'
  | 'percent'
  | 'figure'
  | 'duration'
  | 'number'
  | 'ip'
  | 'cidr'
  | 'host'
  | 'version'
  | 'identifier'
  /** A lexicon concept (`concept:rate-limit`), named in either language. */
  | 'concept';

/** Comparison a figure carries: `>1000`, `约 30`. */
export type FigureOp = '>' | '>=' | '<' | '<=' | '~';

/** A typed fact found in text. */
export interface Fact {
  type: FactType;
  /** Normalized key, e.g. `port:5002`, `errno:ECONNRESET`, `percent:41.48`. Equal keys mean the same fact. */
  key: string;
  /** The text it was read from, as written. */
  text: string;
  /** Span in the input, UTF-16 offsets, `end` exclusive. */
  start: number;
  end: number;
  /** Numeric value (ports, codes, figures; durations in seconds; sizes in bytes). */
  value?: number;
  /** Decimals written, for figures: `41%` → 0, `41.48%` → 2. */
  decimals?: number;
  /** Unit class of a figure: `%`, `count`, `s`, `B`. */
  unit?: string;
  /** Comparison written before a figure. */
  op?: FigureOp;
  /** Transport protocol of a port. */
  protocol?: 'tcp' | 'udp' | 'sctp';
  /** English label of a figure from its context, e.g. `failure rate`. */
  label?: string;
}

/** One piece of evidence for a result. */
export interface Reason {
  /** Fact type, or `text` for word matches. */
  type: string;
  /** Ready to show, English: `port 5002/udp`, `failure rate 41.48% ≈ 41%`. */
  label: string;
  /** The query fragment. */
  query: string;
  /** What in the record matched. */
  matched: string;
  where: Where;
  /** Contribution to the raw score. */
  weight: number;
}

/**
 * How far a result can be trusted, from its evidence: `strong` (typed or
 * rare evidence covering the query, clearly ahead of the rest), `likely`
 * (real evidence, but partial or closely contested), `weak` (common words
 * or a lone small fact: a lead, not an answer).
 */
export type Confidence = 'strong' | 'likely' | 'weak';

/** One ranked record: the record's header fields, its score, evidence and fix. */
export interface MatchResult extends Pick<MatchDoc, 'id' | 'title' | 'titleEn' | 'kind' | 'date' | 'file' | 'fix' | 'fixes'> {
  /** 0..100, comparable within one query; for sorting. */
  score: number;
  /** How far the result can be trusted (see `Confidence`). */
  confidence: Confidence;
  reasons: Reason[];
}

/** Options of `search`, `searchAll` and `related`. */
export interface SearchOptions {
  /** Maximum results. Default `DEFAULT_LIMIT` (10). */
  limit?: number;
}

/** What the matcher made of a query: for "processed the first N KB" notes and debugging. */
export interface QueryInfo {
  /** Characters in the query as given. */
  chars: number;
  /** Characters actually read (`MAX_QUERY_CHARS` at most). */
  processedChars: number;
  /** Whether the query was cut. */
  truncated: boolean;
  /** Facts used (after de-duplication and the cap). */
  facts: Fact[];
  /** Text terms used. */
  terms: string[];
  /** Chunks the query needed that were not loaded (sync `search` in the browser, or a failed fetch). */
  missingChunks: number;
  /** Chunks that could not be used and why, from `searchAllDetailed` (file and reason); empty otherwise. */
  problems: string[];
  /** What the top two results' confidence was read from (for calibration: `npm run eval`). */
  evidence: ConfidenceEvidence[];
}

/** Options of `buildIndex` (defaults from `defaultChunkLayout`, growing with the library). */
export interface BuildOptions {
  /** Target raw size of a key chunk in bytes (a single key's entry may exceed it). */
  chunkBytes?: number;
  /** Document rows per document chunk. */
  docsPerChunk?: number;
}

/** A built index: its directory and every file, each JSON text, `manifest.json` included. */
export interface IndexBundle {
  manifest: Directory;
  /** File name → JSON text: `manifest.json` (fixed name), `k-<hash>.json`, `d-<hash>.json` (content-hashed). */
  files: Record<string, string>;
}
