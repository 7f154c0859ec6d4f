/**
 * Every tunable of the matcher, as named defaults. DESIGN.md explains each;
 * tests and the benchmark import them rather than repeating numbers.
 */

/** Format version of the index bundle; bumped when the JSON shape changes. */
export const BUNDLE_VERSION = 2;

/** Results returned when `limit` is not given. */
export const DEFAULT_LIMIT = 10;
/** Largest `limit` honoured, so a caller cannot ask for unbounded work. */
export const MAX_LIMIT = 1000;

/** Characters of a query that are read; the rest of a pasted log is ignored (and reported). */
export const MAX_QUERY_CHARS = 128 * 1024;
/** Characters of one record's text that are indexed. */
export const MAX_DOC_TEXT_CHARS = 256 * 1024;
/** A lexeme longer than this is cut to this length before it is classified. */
export const MAX_LEXEME_CHARS = 128;
/** Facts kept from one query (after de-duplication; typed facts before bare numbers, first seen first). */
export const MAX_QUERY_FACTS = 200;
/** Distinct text terms kept from one query (rarest first). */
export const MAX_QUERY_TERMS = 48;
/** A query of at least this many non-empty lines is read as a pasted log (see `analyze-query.ts`). */
export const PASTE_MIN_LINES = 8;
/**
 * In a pasted log, a fact or a word with digits whose shape (digits masked: `req=#`, `/api/v#/items/#`, `#ms`)
 * comes with at least this many different values is a field that varies line by line — request ids,
 * item paths, latencies, timestamps — and is left out.
 */
export const VARYING_MIN_VALUES = 4;
/** In a pasted log, text terms are read first from the lines holding a kept fact of at least this type weight (the lines that say what failed). */
export const PASTE_FACT_LINE_WEIGHT = 2;
/** A pasted log asks at most this many facts (heaviest type first, then first seen) and text terms (specific words, fact lines first). */
export const PASTE_MAX_FACTS = 12;
export const PASTE_MAX_TERMS = 12;
/** Facts kept from one record (after de-duplication). */
export const MAX_DOC_FACTS = 2000;


/** How much a match counts by where it was found in the record. */
export const WHERE_WEIGHTS = {
  symptom: 1,
  title: 0.9,
  summary: 0.8,
  fix: 0.7,
  body: 0.5,
} as const;

/** How much a matched fact counts by its type, before rarity and nearness. */
export const TYPE_WEIGHTS: Readonly<Record<string, number>> = {
  errno: 3,
  exception: 3,
  code: 3,
  http: 2.5,
  signal: 2.5,
  exit: 2.5,
  port: 2.5,
  version: 3,
  ip: 2,
  cidr: 2,
  host: 2,
  identifier: 2.5,
  percent: 2,
  figure: 1.5,
  duration: 1.2,
  number: 1,
  concept: 0.8,
};

/** A lexicon concept matched in the same language as the query's (a synonym, or the very word text already counts) keeps this share. */
export const CONCEPT_SAME_LANGUAGE_FACTOR = 0.25;
/** Characters of a query searched for lexicon concepts (a pasted log's first lines say what it is about). */
export const MAX_QUERY_CONCEPT_CHARS = 16 * 1024;
/** Concept facts kept from one query (a pasted log names many). */
export const MAX_QUERY_CONCEPTS = 24;

/** A fact key in more than this share of records is skipped (it would add about nothing)… */
export const COMMON_KEY_SHARE = 0.5;
/** …and in more than this many records. */
export const COMMON_KEY_MIN_DOCS = 50;
/** A query address inside a record's network counts this much of an exact address match. */
export const CIDR_MATCH_FACTOR = 0.8;

/** A bare query number matched to a typed record fact (port, code…) counts this much of that type's weight. */
export const BARE_NUMBER_FACTOR = 0.8;
/** A typed query fact matched only to a bare number in the record counts this much. */
export const UNTYPED_MATCH_FACTOR = 0.5;
/** Port matched with the same protocol as the query's. */
export const PROTOCOL_MATCH_FACTOR = 1.15;
/** Port matched with a different protocol than the query's. */
export const PROTOCOL_MISMATCH_FACTOR = 0.6;
/** Figure matched with a label that agrees with the query's (`failure rate` and `失败率`). */
export const LABEL_MATCH_FACTOR = 1.15;
/** Figure matched with a label that disagrees with the query's (`usage 41%` for `failure rate 41%`). */
export const LABEL_MISMATCH_FACTOR = 0.5;
/** Ports every network uses: they say little about which incident this is. */
export const WELL_KNOWN_PORTS: readonly number[] = [22, 25, 53, 80, 123, 443, 8080, 8443];
/** Damping of a well-known port's weight. */
export const WELL_KNOWN_PORT_FACTOR = 0.4;
/** Bare numbers below this are too common to mean much. */
export const SMALL_NUMBER = 10;
/** Damping of a small bare number's weight. */
export const SMALL_NUMBER_FACTOR = 0.3;

/** Relative tolerance for figures without a unit precision hint (`1000` ≈ `1020`). */
export const FIGURE_NEAR_RATIO = 0.05;
/** `>1000` matches values up to `1000 × (1 + FIGURE_OP_SPAN)`. */
export const FIGURE_OP_SPAN = 0.5;
/** A near (not equal) figure keeps at least this share of its weight. */
export const NEAR_MIN_FACTOR = 0.6;
/** Base of the logarithmic buckets that hold non-percent figures. */
export const FIGURE_BUCKET_BASE = 1.25;

/** Weight of one unit of lunr score on the short core fields. */
export const TEXT_WEIGHT = 0.6;
/** Weight of one unit of BM25 score on record bodies. */
export const BODY_TEXT_WEIGHT = 0.35;
/** Ceiling of the text contribution (`TEXT_CAP × (1 − e^(−text / TEXT_CAP))`), so words never drown out a rare fact. */
export const TEXT_CAP = 6;
/**
 * Work bound of the core text query: terms are asked rarest first while
 * their summed document frequency stays within this (common terms say
 * little and cost most). With facts in the query, a lone term above it is dropped too.
 */
export const MAX_TEXT_POSTINGS = 1000;
/** Postings lunr gets for one term: a term in more field-documents hands over only its heaviest. */
export const MAX_TERM_POSTINGS = 500;
/** The same bound for body postings walked per query. */
export const MAX_BODY_POSTINGS = 10_000;
/** Body postings stored per term: a term in more records keeps its heaviest (the ones that could rank). */
export const MAX_BODY_TERM_POSTINGS = 1000;
/** Body postings store BM25's term-frequency part × this, rounded (1 % steps of an average record's single mention). */
export const BODY_SCORE_SCALE = 100;
/** Records a body-text match may add to the candidates (the best-scoring ones). */
export const MAX_TEXT_DOCS = 500;
/** Records one query fact may add to the candidates (the best-placed ones). */
export const MAX_FACT_DOCS = 1000;
/** BM25 term-frequency saturation for body text. */
export const BM25_K1 = 1.2;
/** BM25 length normalisation for body text. */
export const BM25_B = 0.75;
/** lunr field boosts of the core text index. */
export const FIELD_BOOSTS = { title: 3, summary: 1, symptoms: 2, tags: 2 } as const;
/**
 * Query-time boost of a CJK bigram over a unigram. 1: a Chinese word already
 * gives lunr one term per bigram, so a boost on each made one Chinese word
 * outweigh an English product name beside it (`pgbouncer 拒绝连接`).
 */
export const BIGRAM_BOOST = 1;

/** Candidates re-scored with text coverage (the share of the query's matched words a record has). */
export const RERANK_DEPTH = 50;
/** Text score kept by a record matching one word of many; all words keep all. */
export const COVERAGE_FLOOR = 0.3;

/** `score = 100 × (1 − e^(−raw / SCORE_SCALE))`. */
export const SCORE_SCALE = 6;
/** Results whose raw score is below this are dropped as noise. */
export const MIN_RAW_SCORE = 0.25;
/** Evidence lines kept per result. */
export const MAX_REASONS = 8;
/** Evidence lighter than this share of a result's heaviest is not shown (it still counts). */
export const MIN_REASON_SHARE = 0.08;
/** A top result is strong on a fact match at least this heavy (type weight × rarity × place)… */
export const CONFIDENCE_FACT_WEIGHT = 2;
/** …when it is this share of its raw score ahead of the next result. */
export const CONFIDENCE_FACT_MARGIN = 0.3;
/** Uncapped text relevance counts this much beside fact weights in the explained-query test. */
export const CONFIDENCE_TEXT_FACTOR = 0.5;
/** (facts + text factor × text) × specific share a top result needs to be strong on what it explains. */
export const CONFIDENCE_EXPLAINED = 5;
/** Share of the query's specific words a strong top result must explain. */
export const CONFIDENCE_MIN_SPECIFIC = 0.5;
/** A later result is strong beside a strong top when within this share of its raw score (a second write-up). */
export const CONFIDENCE_STRONG_MARGIN = 0.25;
/** Raw score a result needs to be `likely` rather than `weak`. */
export const CONFIDENCE_LIKELY_RAW = 2;

/** Shortest query word tried for typos (errno, exception and identifier names, and words). */
export const MIN_TYPO_CHARS = 5;
/** Query words tried for typos, in query order (those that found nothing as written). */
export const MAX_TYPO_WORDS = 4;
/** Edit-distance computations per query, over all words tried. */
export const MAX_TYPO_COMPARISONS = 50_000;
/** A match through a typo counts this much of an exact one. */
export const TYPO_FACTOR = 0.6;

/** A bundle whose chunks hold fewer characters than this is fetched whole by the first `searchAll` (then it works offline). */
export const LOAD_ALL_BELOW_CHARS = 256 * 1024;
/** Concurrent chunk fetches in `searchAll`. */
export const CHUNK_FETCH_CONCURRENCY = 6;

/**
 * Words whose stems each stemmer remembers before it starts over: above a
 * library's vocabulary (about 36,000 words at 10,000 records, 99,000 at
 * 100,000 in the bench's), so a build stems each word once.
 */
export const STEM_CACHE_WORDS = 250_000;
