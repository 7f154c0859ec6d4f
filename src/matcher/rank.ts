/**
 * Scoring: for every query fact, its best match in each record (type
 * weight × lookup factor × place weight × rarity × nearness × prior), summed
 * over facts, plus capped text relevance; then squashed to 0..100.
 */
import {
  BODY_SCORE_SCALE,
  BODY_TEXT_WEIGHT,
  COMMON_KEY_MIN_DOCS,
  CONCEPT_SAME_LANGUAGE_FACTOR,
  COMMON_KEY_SHARE,
  COVERAGE_FLOOR,
  MAX_BODY_POSTINGS,
  MAX_FACT_DOCS,
  MAX_REASONS,
  MAX_TEXT_DOCS,
  MIN_RAW_SCORE,
  MIN_REASON_SHARE,
  LABEL_MATCH_FACTOR,
  LABEL_MISMATCH_FACTOR,
  PROTOCOL_MATCH_FACTOR,
  PROTOCOL_MISMATCH_FACTOR,
  RERANK_DEPTH,
  SCORE_SCALE,
  SMALL_NUMBER,
  SMALL_NUMBER_FACTOR,
  TEXT_CAP,
  TEXT_WEIGHT,
  TYPE_WEIGHTS,
  WELL_KNOWN_PORTS,
  WELL_KNOWN_PORT_FACTOR,
  WHERE_WEIGHTS,
} from './constants.ts';
import { WHERE_CODES, postingsOf, strideOf, type FactTable } from './bundle-format.ts';
import { keyEvidence, typeOfKey } from './describe-fact.ts';
import { nearness } from './figures.ts';
import { isChineseVariant } from './lexicon.ts';
import type { QueryFact, WordCoverage, WordDisplay } from './analyze-query.ts';
import type { TextField, TextHit } from './text-index.ts';
import type { Reason, Where } from './types.ts';
import type { WordPostings } from './index-store.ts';

/** Records a key may be in before it is skipped as too common to rank by (it would add about nothing). */
export function maxPostingDocs(docs: number): number {
  return Math.max(COMMON_KEY_MIN_DOCS, Math.ceil(docs * COMMON_KEY_SHARE));
}

/** BM25-style rarity, never negative: `ln(1 + (N − df + 0.5) / (df + 0.5))`. */
export function rarity(docs: number, docFrequency: number): number {
  return Math.log(1 + (docs - docFrequency + 0.5) / (docFrequency + 0.5));
}

/** A fact match not yet written out as a `Reason`. */
export interface FactMatch {
  type: string;
  weight: number;
  where: Where;
  /** Evidence string of the record fact. */
  matched: string;
  /** The query fact's text. */
  query: string;
  /** A near figure rather than an equal one: the label reads `matched ≈ query`. */
  approximate: boolean;
}

/** Evidence not yet written out: labels are built only for the results shown. */
export type PendingReason = FactMatch | TextMatch;

/** A text match: its weight, the query terms it matched, and its evidence when shown. */
export interface TextMatch {
  type: 'text';
  weight: number;
  terms: () => Iterable<string>;
  make: (weight: number) => Reason;
}

/** Running score of one record. */
export interface Accumulator {
  facts: number;
  text: number;
  reasons: PendingReason[];
}

/**
 * Per-record scratch for `scoreFacts`, reused across facts and queries: a
 * query fact in thousands of records keeps its best match per record in
 * typed arrays, and only the matches kept become objects.
 */
interface FactScratch {
  stamp: Int32Array;
  weight: Float64Array;
  where: Uint8Array;
  table: Uint8Array;
  evidence: Int32Array;
  lookup: Int32Array;
  approximate: Uint8Array;
  round: number;
}
let scratch: FactScratch | undefined;

function factScratch(docs: number): FactScratch {
  if (scratch && scratch.stamp.length >= docs && scratch.round < 0x7fffffff) return scratch;
  return (scratch = {
    stamp: new Int32Array(docs),
    weight: new Float64Array(docs),
    where: new Uint8Array(docs),
    table: new Uint8Array(docs),
    evidence: new Int32Array(docs),
    lookup: new Int32Array(docs),
    approximate: new Uint8Array(docs),
    round: 0,
  });
}

/** Adds the best match of each query fact in each record. */
export function scoreFacts(queryFacts: QueryFact[], tables: FactTable[], docs: number, acc: Map<number, Accumulator>): void {
  const s = factScratch(docs);
  for (const { fact, lookups } of queryFacts) {
    const round = ++s.round;
    // Records in the order first met: the order their entries are added in.
    const touched: number[] = [];
    const types: string[] = [];
    const implied: string[] = [];
    const queryZh = fact.type === 'concept' ? isChineseVariant(fact.text) : false;
    lookups.forEach((lookup, l) => {
      types.push(typeOfKey(lookup.key));
      implied.push(keyEvidence(lookup.key));
      const lists: Array<{ t: number; postings: number[] }> = [];
      tables.forEach((table, t) => {
        const postings = postingsOf(table, lookup.key);
        if (postings) lists.push({ t, postings });
      });
      if (lists.length === 0) return;
      const stride = strideOf(lookup.key);
      const df = distinctRefs(lists.map((list) => list.postings), stride);
      if (df > maxPostingDocs(docs) && df > 1) return;
      const type = types[l]!;
      const base = (TYPE_WEIGHTS[type] ?? 1) * lookup.factor * rarity(docs, df) * prior(fact.type, type, fact.value);
      for (const { t, postings } of lists) {
        const strings = tables[t]!.strings;
        for (let i = 0; i + stride <= postings.length; i += stride) {
          const ref = postings[i]!;
          if (ref < 0 || ref >= docs) continue;
          const whereCode = postings[i + 1]!;
          const where = WHERE_CODES[whereCode] ?? 'body';
          const id = postings[i + 2]!;
          const evidence = id === 0 ? implied[l]! : (strings[id - 1] ?? '');
          let near = 1;
          if (lookup.range) {
            near = nearness(lookup.range, postings[i + 3]!);
            if (near === 0) continue;
          }
          const language = fact.type === 'concept' && queryZh === chineseEvidence(evidence) ? CONCEPT_SAME_LANGUAGE_FACTOR : 1;
          const weight = base * WHERE_WEIGHTS[where] * near * protocolFactor(fact.protocol, evidence) * language * labelFactor(fact.label, type, evidence);
          if (s.stamp[ref] === round) {
            if (s.weight[ref]! >= weight) continue;
          } else {
            s.stamp[ref] = round;
            touched.push(ref);
          }
          s.weight[ref] = weight;
          s.where[ref] = WHERE_CODES[whereCode] === undefined ? WHERE_CODES.indexOf('body') : whereCode;
          s.table[ref] = t;
          s.evidence[ref] = id;
          s.lookup[ref] = l;
          s.approximate[ref] = lookup.approximate === true || (lookup.range !== undefined && postings[i + 3] !== lookup.range.value) ? 1 : 0;
        }
      }
    });
    // A fact in very many records: keep the best-placed ones (ties in record order).
    if (touched.length > MAX_FACT_DOCS) {
      touched.sort((a, b) => s.weight[b]! - s.weight[a]! || a - b);
      touched.length = MAX_FACT_DOCS;
    }
    for (const ref of touched) {
      const l = s.lookup[ref]!;
      const id = s.evidence[ref]!;
      const matched = id === 0 ? implied[l]! : (tables[s.table[ref]!]!.strings[id - 1] ?? '');
      const where = WHERE_CODES[s.where[ref]!]!;
      addFactMatch(accOf(acc, ref), { type: types[l]!, weight: s.weight[ref]!, where, matched, query: fact.text, approximate: s.approximate[ref] === 1 });
    }
  }
}

/** Adds a fact match to a record's entry. The same record fact found by two query facts counts once, at its best weight. */
export function addFactMatch(entry: Accumulator, match: FactMatch): void {
  const twin = entry.reasons.find((r): r is FactMatch => 'matched' in r && r.matched === match.matched && r.where === match.where);
  if (twin) {
    if (twin.weight >= match.weight) return;
    entry.facts -= twin.weight;
    entry.reasons.splice(entry.reasons.indexOf(twin), 1);
  }
  entry.facts += match.weight;
  entry.reasons.push(match);
}

/** The `Reason` of a fact match. */
function factReason(match: FactMatch): Reason {
  const bridged = match.type === 'concept' && match.query !== match.matched;
  const label = bridged ? `${match.query} ≈ ${match.matched}` : match.approximate ? `${match.matched} ≈ ${match.query}` : match.matched;
  return { type: match.type, label, query: match.query, matched: match.matched, where: match.where, weight: match.weight };
}

function distinctRefs(lists: number[][], stride: number): number {
  let count = 0;
  for (const postings of lists) {
    let last = -1;
    for (let i = 0; i < postings.length; i += stride) {
      if (postings[i] !== last) count++;
      last = postings[i]!;
    }
  }
  return count;
}

function prior(queryType: string, keyType: string, value: number | undefined): number {
  if (keyType === 'port' && value !== undefined && WELL_KNOWN_PORTS.includes(value)) return WELL_KNOWN_PORT_FACTOR;
  if (queryType === 'number' && value !== undefined && value < SMALL_NUMBER) return SMALL_NUMBER_FACTOR;
  return 1;
}

// Whether each evidence string is written in Chinese, asked once per string (a concept in thousands of records repeats a few).
const zhEvidence = new Map<string, boolean>();

/** `isChineseVariant` of a record's evidence, remembered. */
function chineseEvidence(evidence: string): boolean {
  let zh = zhEvidence.get(evidence);
  if (zh === undefined) {
    if (zhEvidence.size > 20_000) zhEvidence.clear();
    zhEvidence.set(evidence, (zh = isChineseVariant(evidence)));
  }
  return zh;
}

/** Labels that say only what kind of number a figure is, not what was measured. */
const PLAIN_LABELS: ReadonlySet<string> = new Set(['', 'count', 'size', 'duration']);

/**
 * Figures whose labels disagree (`usage 41%` for `failure rate 41%`) are
 * less likely the same observation: `LABEL_MISMATCH_FACTOR`; agreeing labels
 * `LABEL_MATCH_FACTOR`; a figure without a label on either side, 1.
 */
function labelFactor(queryLabel: string | undefined, keyType: string, evidence: string): number {
  if (!queryLabel || (keyType !== 'percent' && keyType !== 'figure')) return 1;
  const recordLabel = evidence.replace(/\s*[<>=~]*\d[\s\S]*$/, '').trim().toLowerCase();
  if (PLAIN_LABELS.has(recordLabel)) return 1;
  const query = queryLabel.toLowerCase();
  return recordLabel.includes(query) || query.includes(recordLabel) ? LABEL_MATCH_FACTOR : LABEL_MISMATCH_FACTOR;
}

function protocolFactor(protocol: string | undefined, evidence: string): number {
  if (!protocol || !evidence.startsWith('port ')) return 1;
  const slash = evidence.indexOf('/');
  if (slash < 0) return 1;
  return evidence.slice(slash + 1) === protocol ? PROTOCOL_MATCH_FACTOR : PROTOCOL_MISMATCH_FACTOR;
}

function accOf(acc: Map<number, Accumulator>, ref: number): Accumulator {
  let entry = acc.get(ref);
  if (!entry) acc.set(ref, (entry = { facts: 0, text: 0, reasons: [] }));
  return entry;
}

const FIELD_WHERE: Record<TextField, Where> = { title: 'title', summary: 'summary', symptoms: 'symptom', tags: 'summary' };

/** Adds lunr hits on the short fields. */
export function scoreText(hits: Map<number, TextHit>, display: WordDisplay, acc: Map<number, Accumulator>, factor = 1): void {
  for (const [ref, hit] of hits) {
    const weight = TEXT_WEIGHT * hit.score * factor;
    const entry = accOf(acc, ref);
    entry.text += weight;
    entry.reasons.push({ type: 'text', weight, terms: hit.terms, make: (w) => textHitReason(hit, display, w) });
  }
}

function textHitReason(hit: TextHit, display: WordDisplay, weight: number): Reason {
  let bestField: TextField = 'summary';
  let bestCount = -1;
  const all = new Set<string>();
  for (const [field, terms] of hit.fields()) {
    for (const term of terms) all.add(term);
    if (terms.length > bestCount) {
      bestField = field;
      bestCount = terms.length;
    }
  }
  return textReason(display(all), FIELD_WHERE[bestField], bestField, weight);
}

/** One record's body-text hit: its BM25 score over the loaded body postings and the terms that made it. */
export interface BodyHit {
  ref: number;
  score: number;
  terms: string[];
}

/**
 * BM25 over body word postings (those loaded): each posting carries BM25's
 * term-frequency part (× `BODY_SCORE_SCALE`), multiplied here by the term's
 * rarity over the whole library. Pure, so a second ranking of the same terms
 * (the typo pass) reuses it.
 */
export function bodyHits(terms: string[], postingsOf: (term: string) => WordPostings | undefined, docs: number): BodyHit[] {
  if (docs === 0) return [];
  // Rarest terms first, while the postings walked stay within MAX_BODY_POSTINGS.
  const lists: Array<{ term: string } & WordPostings> = [];
  for (const term of terms) {
    const found = postingsOf(term);
    if (found) lists.push({ term, ...found });
  }
  lists.sort((a, b) => a.df - b.df);
  const scores = new Float64Array(docs);
  const words: Array<string[] | undefined> = new Array(docs);
  const touched: number[] = [];
  let walked = 0;
  for (const { term, df, postings } of lists) {
    walked += postings.length / 2;
    if (walked > MAX_BODY_POSTINGS && touched.length > 0) break;
    const idf = rarity(docs, df) / BODY_SCORE_SCALE;
    for (let i = 0; i + 1 < postings.length; i += 2) {
      const ref = postings[i]!;
      if (scores[ref] === 0) touched.push(ref);
      scores[ref]! += idf * postings[i + 1]!;
      const list = words[ref];
      if (list) list.push(term);
      else words[ref] = [term];
    }
  }
  // Only the best-scoring records get an entry: a common word must not make work for every record.
  if (touched.length > MAX_TEXT_DOCS) touched.sort((a, b) => scores[b]! - scores[a]! || a - b).length = MAX_TEXT_DOCS;
  return touched.map((ref) => ({ ref, score: scores[ref]!, terms: words[ref]! }));
}

/** Adds body-text hits (`bodyHits`). */
export function scoreBody(hits: readonly BodyHit[], display: WordDisplay, acc: Map<number, Accumulator>, factor = 1): void {
  for (const { ref, score, terms } of hits) {
    const weight = BODY_TEXT_WEIGHT * score * factor;
    const entry = accOf(acc, ref);
    entry.text += weight;
    entry.reasons.push({ type: 'text', weight, terms: () => terms, make: (w) => textReason(display(new Set(terms)), 'body', 'body', w) });
  }
}

function textReason(words: string[], where: Where, place: string, weight: number): Reason {
  const shown = words.slice(0, 6).map((w) => `“${w}”`).join(' ');
  return { type: 'text', label: `words ${shown}${words.length > 6 ? ' …' : ''} in ${place}`, query: words.join(' '), matched: words.join(' '), where, weight };
}

/** A ranked entry before it is dressed as a result. */
export interface Ranked {
  ref: number;
  raw: number;
  score: number;
  reasons: Reason[];
  /** What confidence is read from (see `confidence.ts`). */
  evidence: RankEvidence;
}

/** The evidence behind a ranked entry, beyond its raw score (what `confidence.ts` reads). */
export interface RankEvidence {
  /** Sum of typed fact weights. */
  facts: number;
  /** The heaviest single fact match (type × rarity × place × nearness). */
  bestFact: number;
  /** Text relevance before the cap (coverage-weighted): rare words matched add up here without saturating. */
  textRaw: number;
  /** Share of the query's specific words (not words of any incident) this record explains, by text or by a fact, 0..1. */
  specific: number;
}

/** The query's words, for how much of it a record explains. */
export interface QueryWords {
  words: string[];
  specific: boolean[];
}

/**
 * Totals, drops noise, sorts, keeps `limit`; writes out evidence for those only.
 * The best `RERANK_DEPTH` are re-scored with text coverage: the mean share of
 * the query's words a record matches (over the words any candidate matched;
 * a CJK word counts by the share of its bigrams), so a record keeps from
 * `COVERAGE_FLOOR` of its text score for one word of many up to all of it.
 * Without `wordCoverage` (related records) each term counts as a word.
 */
export function rank(acc: Map<number, Accumulator>, limit: number, exclude?: number, wordCoverage?: WordCoverage, query?: QueryWords): Ranked[] {
  const totals: Array<{ ref: number; raw: number; coverage: number; shares: number[] }> = [];
  for (const [ref, entry] of acc) {
    if (ref === exclude) continue;
    const raw = entry.facts + TEXT_CAP * (1 - Math.exp(-entry.text / TEXT_CAP));
    if (raw >= MIN_RAW_SCORE) totals.push({ ref, raw, coverage: 1, shares: [] });
  }
  totals.sort((a, b) => b.raw - a.raw || a.ref - b.ref);
  const candidates = totals.slice(0, Math.max(limit, RERANK_DEPTH));
  const matchedBy = candidates.map(({ ref }) => {
    const terms = new Set<string>();
    for (const reason of acc.get(ref)!.reasons) if ('terms' in reason) for (const term of reason.terms()) terms.add(term);
    return terms;
  });
  const shares = wordCoverage ? matchedBy.map(wordCoverage) : termShares(matchedBy);
  const active = (shares[0] ?? []).map((_, word) => shares.some((s) => (s[word] ?? 0) > 0));
  const activeCount = active.filter(Boolean).length;
  candidates.forEach((candidate, i) => {
    if (activeCount === 0) return;
    const entry = acc.get(candidate.ref)!;
    const covered = shares[i]!.reduce((sum, share, word) => sum + (active[word] ? share : 0), 0) / activeCount;
    candidate.shares = shares[i]!;
    candidate.coverage = COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * covered;
    candidate.raw = entry.facts + TEXT_CAP * (1 - Math.exp(-(entry.text * candidate.coverage) / TEXT_CAP));
  });
  candidates.sort((a, b) => b.raw - a.raw || a.ref - b.ref);
  return candidates
    .filter((c) => c.raw >= MIN_RAW_SCORE)
    .slice(0, limit)
    .map(({ ref, raw, coverage, shares: wordShares }) => {
      const entry = acc.get(ref)!;
      const pending = entry.reasons;
      const heaviest = pending.reduce((max, r) => Math.max(max, r.weight), 0);
      const reasons = pending
        .filter((r) => r.weight > 0 && r.weight >= heaviest * MIN_REASON_SHARE)
        .sort((a, b) => b.weight - a.weight)
        .slice(0, MAX_REASONS)
        .map((r) => ('make' in r ? r.make(r.weight * coverage) : factReason(r)))
        .map((r) => ({ ...r, weight: Math.round(r.weight * 1000) / 1000 }));
      const bestFact = pending.reduce((max, r) => ('matched' in r ? Math.max(max, r.weight) : max), 0);
      const specific = query ? explainedShare(query, wordShares, pending) : 0;
      return { ref, raw, score: toScore(raw), reasons, evidence: { facts: entry.facts, bestFact, textRaw: entry.text * coverage, specific } };
    });
}

/**
 * Share of the query's specific words a record explains: by its matched
 * text terms, or by a matched fact written inside the word (`ECONNRESET`,
 * `限流` bridged to `rate limiting`), whichever covers more of it.
 */
function explainedShare(query: QueryWords, textShares: readonly number[], reasons: readonly PendingReason[]): number {
  const facts = reasons.filter((r): r is FactMatch => 'matched' in r).map((r) => r.query.toLowerCase());
  let total = 0;
  let count = 0;
  query.words.forEach((word, i) => {
    if (!query.specific[i]) return;
    count++;
    const lower = word.toLowerCase();
    let share = textShares[i] ?? 0;
    for (const fact of facts) {
      if (fact === '' || share >= 1) break;
      if (fact.includes(lower)) share = 1;
      else if (lower.includes(fact)) share = Math.max(share, Math.min(1, fact.length / lower.length));
    }
    total += share;
  });
  return count === 0 ? 0 : total / count;
}

/** Each distinct matched term as a word of its own: 1 where a candidate has it, else 0. */
function termShares(matchedBy: Array<Set<string>>): number[][] {
  const all = [...new Set(matchedBy.flatMap((terms) => [...terms]))];
  return matchedBy.map((terms) => all.map((term) => (terms.has(term) ? 1 : 0)));
}

/** `100 × (1 − e^(−raw / SCORE_SCALE))`, one decimal. */
export function toScore(raw: number): number {
  return Math.round(1000 * (1 - Math.exp(-raw / SCORE_SCALE))) / 10;
}
