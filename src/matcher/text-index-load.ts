/**
 * Loads the compact text index into a `lunr.Index` cheaply: nothing is
 * materialised up front. lunr reads `invertedIndex[term]` and
 * `fieldVectors["field/ref"]` only for the terms and documents a query
 * touches, so both are lazy views over typed arrays, computed with exactly
 * the formula of lunr's builder (BM25 weight × field boost, 3 decimals).
 * Queries are exact terms (no wildcards, no edit distance), so the token set
 * is a dictionary lookup instead of lunr's automaton.
 */
import lunr from 'lunr';
import { MAX_TERM_POSTINGS } from './constants.ts';
import type { CompactTextIndex } from './text-index.ts';

/** lunr's BM25 term-frequency saturation (its builder's default). */
export const LUNR_K1 = 1.2;
/** lunr's BM25 length normalisation (its builder's default). */
export const LUNR_B = 0.75;

/** A loaded text index: the lunr index and each term's document frequency. */
export interface TextIndex {
  index: lunr.Index;
  /** Field-documents containing `term` (lunr's own count, over all fields), 0 when absent. */
  docFrequency(term: string): number;
  /** Postings lunr will walk for `term` (its document frequency, capped at the loader's `maxPostings`). */
  postingsAsked(term: string): number;
}

const NO_METADATA = Object.freeze({});


/** Makes a lunr index over the compact form. */
export function loadTextIndex(compact: CompactTextIndex, maxPostings: number = MAX_TERM_POSTINGS): TextIndex {
  const { fields, boosts, docs, terms, lengths } = compact;
  const fieldCount = fields.length;
  const termIds = new Map<string, number>();
  terms.forEach((term, i) => termIds.set(term, i));

  // Postings into flat typed arrays (no per-term garbage): term t owns entries termStart[t] … termStart[t+1].
  const termStart = new Int32Array(terms.length + 1);
  compact.postings.forEach((stored, t) => {
    let entries = 0;
    for (let i = 0; i < stored.length; ) {
      const count = stored[i + 1]!;
      entries += count;
      i += 2;
      for (let k = 0; k < count; k++) i += stored[i]! & 1 ? 2 : 1;
    }
    termStart[t + 1] = termStart[t]! + entries;
  });
  const total = termStart[terms.length]!;
  const entryField = new Int32Array(total);
  const entryRef = new Int32Array(total);
  const entryTf = new Int32Array(total);
  const counts = new Int32Array(fieldCount * docs + 1);
  compact.postings.forEach((stored, t) => {
    let slot = termStart[t]!;
    for (let i = 0; i < stored.length; ) {
      const field = stored[i]!;
      const count = stored[i + 1]!;
      i += 2;
      let ref = 0;
      for (let k = 0; k < count; k++, slot++) {
        const e = stored[i++]!;
        ref += e >> 1;
        entryField[slot] = field;
        entryRef[slot] = ref;
        entryTf[slot] = e & 1 ? stored[i++]! : 1;
        counts[field * docs + ref]!++;
      }
    }
  });
  const df = new Float64Array(terms.length);
  for (let t = 0; t < terms.length; t++) df[t] = termStart[t + 1]! - termStart[t]!;

  // Forward index: for each field-document, its term ids (ascending) and term frequencies.
  const offsets = new Int32Array(fieldCount * docs + 1);
  for (let i = 0; i < fieldCount * docs; i++) offsets[i + 1] = offsets[i]! + counts[i]!;
  const forwardTerm = new Int32Array(total);
  const forwardTf = new Int32Array(total);
  const fill = offsets.slice(0, fieldCount * docs);
  for (let t = 0; t < terms.length; t++) {
    for (let e = termStart[t]!; e < termStart[t + 1]!; e++) {
      const slot = fill[entryField[e]! * docs + entryRef[e]!]!++;
      forwardTerm[slot] = t;
      forwardTf[slot] = entryTf[e]!;
    }
  }
  const idf = Array.from(df, (d) => Math.log(1 + Math.abs((docs - d + 0.5) / (d + 0.5))));
  const average = lengths.map((list) => (list.length === 0 ? 1 : list.reduce((a, b) => a + b, 0) / list.length || 1));

  const postingCache = new Map<number, Record<string, unknown>>();
  const weight = (field: number, ref: number, t: number, tf: number): number => {
    const norm = LUNR_K1 * (1 - LUNR_B + (LUNR_B * lengths[field]![ref]!) / average[field]!);
    return Math.round(((idf[t]! * ((LUNR_K1 + 1) * tf)) / (norm + tf)) * (boosts[field] ?? 1) * 1000) / 1000;
  };
  const posting = (t: number): Record<string, unknown> => {
    let cached = postingCache.get(t);
    if (cached) return cached;
    cached = { _index: t };
    for (const field of fields) cached[field] = {};
    const entries: Array<[field: number, ref: number, weight: number]> = [];
    for (let e = termStart[t]!; e < termStart[t + 1]!; e++) {
      const field = entryField[e]!;
      const ref = entryRef[e]!;
      entries.push([field, ref, df[t]! > maxPostings ? weight(field, ref, t, entryTf[e]!) : 0]);
    }
    // A very common term keeps only its heaviest postings: those are the ones that could rank.
    if (entries.length > maxPostings) entries.sort((a, b) => b[2] - a[2] || a[1] - b[1]).length = maxPostings;
    for (const [field, ref] of entries) {
      // lunr copies match metadata, so every posting can share one empty object.
      (cached[fields[field]!] as Record<number, object>)[ref] = NO_METADATA;
    }
    postingCache.set(t, cached);
    return cached;
  };
  const invertedIndex = new Proxy(Object.create(null) as object, {
    get: (_target, key) => {
      const t = typeof key === 'string' ? termIds.get(key) : undefined;
      return t === undefined ? undefined : posting(t);
    },
  });

  const vectorCache = new Map<string, lunr.Vector>();
  const vector = (fieldRef: string): lunr.Vector | undefined => {
    const slash = fieldRef.indexOf('/');
    const field = fields.indexOf(fieldRef.slice(0, slash));
    const ref = Number(fieldRef.slice(slash + 1));
    if (field < 0 || !Number.isInteger(ref) || ref < 0 || ref >= docs) return undefined;
    const elements: number[] = [];
    for (let slot = offsets[field * docs + ref]!; slot < offsets[field * docs + ref + 1]!; slot++) {
      elements.push(forwardTerm[slot]!, weight(field, ref, forwardTerm[slot]!, forwardTf[slot]!));
    }
    const built = new lunr.Vector(elements);
    vectorCache.set(fieldRef, built);
    return built;
  };
  const fieldVectors = new Proxy({} as object, {
    get: (_target, key) => (typeof key === 'string' ? (vectorCache.get(key) ?? vector(key)) : undefined),
  });

  // Exact-term lookup standing in for lunr's token-set automaton (queries never use wildcards or edit distance).
  const tokenSet = {
    intersect: (other: lunr.TokenSet) => {
      const words = other.toArray().filter((word) => termIds.has(word));
      return { toArray: () => words };
    },
  };
  const attributes = { invertedIndex, fieldVectors, tokenSet, fields, pipeline: new lunr.Pipeline() };
  return {
    index: new lunr.Index(attributes as unknown as ConstructorParameters<typeof lunr.Index>[0]),
    docFrequency: (term) => {
      const t = termIds.get(term);
      return t === undefined ? 0 : df[t]!;
    },
    postingsAsked: (term) => {
      const t = termIds.get(term);
      return t === undefined ? 0 : Math.min(df[t]!, maxPostings);
    },
  };
}
