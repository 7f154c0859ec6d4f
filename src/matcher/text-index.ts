/**
 * Text relevance over the short fields (title, summary, symptom text,
 * tags and services) through lunr. lunr never sees raw user text: both the
 * index and the query use `tokenizeText`, the builder's pipeline is empty
 * (so nothing needs registering before serializing or loading), and queries
 * are built term by term with `idx.query`.
 */
import lunr from 'lunr';
import { BIGRAM_BOOST, FIELD_BOOSTS } from './constants.ts';
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
    summary: doc.summary,
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

function lunrTokens(value: unknown): lunr.Token[] {
  return coreTerms(typeof value === 'string' ? value : '').map((term) => new lunr.Token(term, {}));
}

/**
 * The text index as stored: lunr's own JSON repeats every score and ref as
 * text; this keeps term frequencies and field lengths, from which `loadTextIndex`
 * recomputes exactly the vectors lunr's builder makes.
 */
export interface CompactTextIndex {
  fields: string[];
  boosts: number[];
  docs: number;
  /** Sorted terms; a term's position is its lunr term index. */
  terms: string[];
  /**
   * Per term, for each field it occurs in: `[field, count, e, e, …]` where
   * `e = refDelta × 2` when the term occurs once, or `refDelta × 2 + 1, tf`
   * (most terms occur once, so most postings are one small number).
   */
  postings: number[][];
  /** Per field: length in terms of each document's field. */
  lengths: number[][];
}

type LunrBuilderInternals = {
  tokenizer: typeof lunrTokens;
  fieldTermFrequencies: Record<string, Record<string, number>>;
  fieldLengths: Record<string, number>;
};

/** Builds the core text index with lunr's builder and stores it compactly; refs are document positions. */
export function buildTextIndex(docs: MatchDoc[]): CompactTextIndex {
  const builder = new lunr.Builder();
  const internals = builder as unknown as LunrBuilderInternals;
  builder.ref('ref');
  const fields = Object.keys(FIELD_BOOSTS) as TextField[];
  for (const field of fields) builder.field(field, { boost: FIELD_BOOSTS[field] });
  internals.tokenizer = lunrTokens;
  builder.metadataWhitelist = [];
  docs.forEach((doc, ref) => builder.add({ ref: String(ref), ...textFields(doc) }));
  const byTerm = new Map<string, Array<[number, number, number]>>();
  const lengths = fields.map(() => new Array<number>(docs.length).fill(0));
  for (const [fieldRef, frequencies] of Object.entries(internals.fieldTermFrequencies)) {
    const slash = fieldRef.indexOf('/');
    const field = fields.indexOf(fieldRef.slice(0, slash) as TextField);
    const ref = Number(fieldRef.slice(slash + 1));
    lengths[field]![ref] = internals.fieldLengths[fieldRef] ?? 0;
    for (const [term, tf] of Object.entries(frequencies)) {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push([field, ref, tf]);
    }
  }
  const terms = [...byTerm.keys()].sort();
  const postings = terms.map((term) => {
    const list = byTerm.get(term)!.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const out: number[] = [];
    for (let i = 0; i < list.length; ) {
      const field = list[i]![0];
      let j = i;
      while (j < list.length && list[j]![0] === field) j++;
      out.push(field, j - i);
      let last = 0;
      for (let k = i; k < j; k++) {
        const [, ref, tf] = list[k]!;
        if (tf === 1) out.push((ref - last) * 2);
        else out.push((ref - last) * 2 + 1, tf);
        last = ref;
      }
      i = j;
    }
    return out;
  });
  return { fields, boosts: fields.map((f) => FIELD_BOOSTS[f]), docs: docs.length, terms, postings, lengths };
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
      query.term(term, { usePipeline: false, boost: isBigram(term) ? BIGRAM_BOOST : 1, wildcard: lunr.Query.wildcard.NONE });
    }
  });
  for (const result of results) {
    const fields = () => {
      const byField = new Map<TextField, string[]>();
      for (const [term, inFields] of Object.entries(result.matchData.metadata)) {
        for (const field of Object.keys(inFields) as TextField[]) {
          const list = byField.get(field) ?? [];
          list.push(term);
          byField.set(field, list);
        }
      }
      return byField;
    };
    hits.set(Number(result.ref), { score: result.score, fields, terms: () => Object.keys(result.matchData.metadata) });
  }
  return hits;
}
