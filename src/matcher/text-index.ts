/**
 * Text relevance over the short fields (title, summary, symptom text,
 * tags and services) through lunr. lunr never sees raw user text: both the
 * index and the query use `tokenizeText`, there is no pipeline (nothing
 * needs registering), and queries are built term by term with `idx.query`.
 */
import lunr from 'lunr';
import { BIGRAM_BOOST, FIELD_BOOSTS, MAX_TERM_POSTINGS } from './constants.ts';
import { isBigram, isCjk, tokenizeText } from './text-tokenize.ts';
import type { TextIndex } from './text-index-load.ts';
import type { MatchDoc } from './types.ts';

/** The lunr fields of the core text index. */
export type TextField = keyof typeof FIELD_BOOSTS;

/** Text of each field for one document. */
export function textFields(doc: MatchDoc): Record<TextField, string> {
  const symptoms = doc.symptoms;
  const symptomText: string[] = [];
  if (symptoms) {
    for (const error of symptoms.errors) symptomText.push(String(error.code ?? ''), error.message ?? '');
    for (const figure of symptoms.figures) symptomText.push(figure.label);
    for (const port of symptoms.ports) symptomText.push(port.note ?? '');
    // Hosts are matched as facts; their dotted labels would only add noise words.
    symptomText.push(...symptoms.identifiers);
  }
  for (const product of doc.products ?? []) symptomText.push(product.name);
  return {
    title: [doc.title, doc.titleEn ?? ''].join('\n'),
    summary: doc.summaryEn ? `${doc.summary}\n${doc.summaryEn}` : doc.summary,
    symptoms: symptomText.join('\n'),
    tags: [...doc.tags, ...doc.services].join('\n'),
  };
}

/**
 * Terms of the core fields: `tokenizeText` without lone CJK characters,
 * which double the core's size and say little; bigrams carry Chinese here,
 * and the body shards keep unigrams for one-character queries.
 */
export function coreTerms(text: string): string[] {
  return tokenizeText(text).filter((term) => term.length > 1 || !isCjk(term));
}

/** lunr's BM25 term-frequency saturation (its builder's default). */
export const LUNR_K1 = 1.2;
/** lunr's BM25 length normalisation (its builder's default). */
export const LUNR_B = 0.75;

/**
 * The core text postings of every term, encoded as a chunk stores them
 * (`[df, field, count, refDelta, weight × 1000, …]`, see `KeyEntry`). The
 * weights are exactly those lunr's builder puts in its field vectors (idf
 * over field-documents, BM25 with lunr's k1 and b, field boost, 3 decimals);
 * a unit test pins them to an index built by lunr itself. A term in more
 * than `maxPostings` field-documents keeps its heaviest postings only: those
 * are the ones that could rank. Refs are document positions.
 */
export function buildTextPostings(docs: MatchDoc[], maxPostings: number = MAX_TERM_POSTINGS): Map<string, number[]> {
  const fields = Object.keys(FIELD_BOOSTS) as TextField[];
  const boosts = fields.map((f) => FIELD_BOOSTS[f]);
  const lengths = fields.map(() => new Float64Array(docs.length));
  // Per term, flat (field, ref, tf) triples in (ref, field) order.
  const raw = new Map<string, number[]>();
  docs.forEach((doc, ref) => {
    const values = textFields(doc);
    fields.forEach((field, f) => {
      const terms = coreTerms(values[field]);
      lengths[f]![ref] = terms.length;
      const tf = new Map<string, number>();
      for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
      for (const [term, count] of tf) {
        let list = raw.get(term);
        if (!list) raw.set(term, (list = []));
        list.push(f, ref, count);
      }
    });
  });
  const average = lengths.map((list) => (list.length === 0 ? 1 : list.reduce((a, b) => a + b, 0) / list.length || 1));
  const out = new Map<string, number[]>();
  for (const [term, list] of raw) {
    const df = list.length / 3;
    const idf = Math.log(1 + Math.abs((docs.length - df + 0.5) / (df + 0.5)));
    let entries: Array<[field: number, ref: number, weight: number]> = [];
    for (let i = 0; i < list.length; i += 3) {
      const field = list[i]!;
      const ref = list[i + 1]!;
      const tf = list[i + 2]!;
      const norm = LUNR_K1 * (1 - LUNR_B + (LUNR_B * lengths[field]![ref]!) / average[field]!);
      // The builder's arithmetic, in its order, so the rounded weight is bit-for-bit lunr's.
      const score = ((idf * ((LUNR_K1 + 1) * tf)) / (norm + tf)) * boosts[field]!;
      entries.push([field, ref, Math.round(score * 1000)]);
    }
    if (entries.length > maxPostings) entries = entries.sort((a, b) => b[2] - a[2] || a[1] - b[1]).slice(0, maxPostings);
    entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const encoded: number[] = [df];
    for (let i = 0; i < entries.length; ) {
      const field = entries[i]![0];
      let j = i;
      while (j < entries.length && entries[j]![0] === field) j++;
      encoded.push(field, j - i);
      let last = 0;
      for (let k = i; k < j; k++) {
        encoded.push(entries[k]![1] - last, entries[k]![2]);
        last = entries[k]![1];
      }
      i = j;
    }
    out.set(term, encoded);
  }
  return out;
}

/** A text hit: lunr score and the terms matched per field (worked out only when shown). */
export interface TextHit {
  score: number;
  fields: () => Map<TextField, string[]>;
  /** Query terms matched. */
  terms: () => string[];
}

/** Runs the terms against the index: optional clauses, bigrams boosted, no pipeline, no wildcards. */
export function queryText(text: TextIndex, terms: string[]): Map<number, TextHit> {
  const hits = new Map<number, TextHit>();
  const present = terms.filter((term) => text.docFrequency(term) > 0);
  if (present.length === 0) return hits;
  const results = text.index.query((query) => {
    for (const term of present) {
      query.term(term, { usePipeline: false, boost: termBoost(term), wildcard: lunr.Query.wildcard.NONE });
    }
  });
  for (const result of results) hits.set(Number(result.ref), textHit(result.score, () => result.matchData.metadata as Record<string, Record<string, unknown>>));
  return hits;
}

/** The boost `queryText` gives a term. */
export function termBoost(term: string): number {
  return isBigram(term) ? BIGRAM_BOOST : 1;
}

/** A hit from lunr's score and match metadata (term → field → …, worked out once when first asked). */
export function textHit(score: number, read: () => Record<string, Record<string, unknown>>): TextHit {
  let cached: Record<string, Record<string, unknown>> | undefined;
  const metadata = () => (cached ??= read());
  const fields = () => {
    const byField = new Map<TextField, string[]>();
    for (const [term, inFields] of Object.entries(metadata())) {
      for (const field of Object.keys(inFields) as TextField[]) {
        const list = byField.get(field) ?? [];
        list.push(term);
        byField.set(field, list);
      }
    }
    return byField;
  };
  return { score, fields, terms: () => Object.keys(metadata()) };
}
