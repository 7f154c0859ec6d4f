/**
 * A `lunr.Index` that grows as chunks arrive: each term's postings are added
 * when the chunk holding it is loaded. lunr reads `invertedIndex[term]` and
 * `fieldVectors["field/ref"]` only for the terms and documents a query
 * touches, so both are views over what is loaded. A field vector holds the
 * loaded terms' weights only; that gives lunr's exact scores, because its
 * similarity is the dot product with the query vector (which has only the
 * query's terms) divided by the query vector's magnitude. Queries are exact
 * terms (no wildcards, no edit distance), so the token set is a dictionary
 * lookup instead of lunr's automaton.
 */
import lunr from 'lunr';

// lunr copies match metadata, so every posting can share one empty object.
const NO_METADATA = Object.freeze({});

/** One term's postings, decoded and checked, ready to add. */
export interface PreparedTerm {
  term: string;
  df: number;
  posting: Record<string, Record<number, object>>;
  pairs: Array<[slot: number, weight: number]>;
}

/** The results of `TextIndex.scoreOptional`. */
export interface OptionalHits {
  /** lunr's score of each record matched. */
  scores: Map<number, number>;
  /** lunr's match metadata of a record matched: term → field → metadata. */
  metadata: (ref: number) => Record<string, Record<string, object>>;
}

/** The core text index: the lunr index over the loaded terms, and what each term costs. */
export class TextIndex {
  /** The lunr index queried by `queryText`. */
  readonly index: lunr.Index;
  private readonly fields: readonly string[];
  private readonly termIds = new Map<string, number>();
  private readonly df: number[] = [];
  private readonly stored: number[] = [];
  private readonly postings: Array<Record<string, Record<number, object>> & { _index: number }> = [];
  /** Per field-document (`field × docs + ref`): loaded `[termId, weight]` pairs, ids ascending. */
  private readonly forward = new Map<number, number[]>();
  private readonly vectors = new Map<string, lunr.Vector>();
  /** Per term: its field-documents (`field × docs + ref`) ascending, the order lunr's query walks them. */
  private readonly slots: Int32Array[] = [];
  /** Per term: its weight in each of those field-documents. */
  private readonly slotWeights: Float64Array[] = [];
  private seen: Int32Array | undefined;
  private dots: Float64Array | undefined;
  private queries = 0;
  private readonly docs: number;

  constructor(fields: readonly string[], docs: number) {
    this.fields = fields;
    this.docs = docs;
    const invertedIndex = new Proxy(Object.create(null) as object, {
      get: (_target, key) => {
        const t = typeof key === 'string' ? this.termIds.get(key) : undefined;
        return t === undefined ? undefined : this.postings[t];
      },
    });
    const fieldVectors = new Proxy({} as object, {
      get: (_target, key) => (typeof key === 'string' ? this.vector(key) : undefined),
    });
    const tokenSet = {
      intersect: (other: lunr.TokenSet) => {
        const words = other.toArray().filter((word) => this.termIds.has(word));
        return { toArray: () => words };
      },
    };
    const attributes = { invertedIndex, fieldVectors, tokenSet, fields: [...fields], pipeline: new lunr.Pipeline() };
    this.index = new lunr.Index(attributes as unknown as ConstructorParameters<typeof lunr.Index>[0]);
  }

  /** Whether `term`'s postings are loaded (a term absent from the library counts once its chunk is). */
  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** Adds one term's stored postings (`[df, field, count, refDelta, weight × 1000, …]`). Throws on a malformed list. */
  addTerm(term: string, encoded: readonly number[]): void {
    this.insert(this.prepare(term, encoded));
  }

  /** Decodes one term's stored postings without adding them; throws on a malformed list (the caller reports the chunk). */
  prepare(term: string, encoded: readonly number[]): PreparedTerm {
    const posting = {} as Record<string, Record<number, object>>;
    for (const field of this.fields) posting[field] = {};
    const pairs: Array<[slot: number, weight: number]> = [];
    for (let i = 1; i < encoded.length; ) {
      const field = encoded[i]!;
      const n = encoded[i + 1]!;
      const name = this.fields[field];
      if (name === undefined || !Number.isInteger(n) || n < 0 || i + 2 + 2 * n > encoded.length) throw new Error(`bad text postings for \`${term}\``);
      i += 2;
      let ref = 0;
      for (let k = 0; k < n; k++, i += 2) {
        ref += encoded[i]!;
        if (!Number.isInteger(ref) || ref < 0 || ref >= this.docs) throw new Error(`bad text postings for \`${term}\``);
        posting[name]![ref] = NO_METADATA;
        pairs.push([field * this.docs + ref, encoded[i + 1]! / 1000]);
      }
    }
    return { term, df: Number(encoded[0]) || pairs.length, posting, pairs };
  }

  /** Adds a prepared term (once; a second time is ignored). */
  insert({ term, df, posting, pairs }: PreparedTerm): void {
    if (this.termIds.has(term)) return;
    const t = this.df.length;
    for (const [slot, weight] of pairs) {
      const list = this.forward.get(slot);
      if (list) list.push(t, weight);
      else this.forward.set(slot, [t, weight]);
    }
    this.termIds.set(term, t);
    this.df.push(df);
    this.stored.push(pairs.length);
    // lunr walks a term's field-documents field by field, refs ascending, and its vectors hold a term once per field-document.
    const weightOf = new Map<number, number>();
    for (const [slot, weight] of pairs) if (!weightOf.has(slot)) weightOf.set(slot, weight);
    const slots = Int32Array.from(weightOf.keys()).sort();
    this.slots.push(slots);
    this.slotWeights.push(Float64Array.from(slots, (slot) => weightOf.get(slot)!));
    this.postings.push(Object.assign(posting, { _index: t }));
    // Vectors made before this term lack it; they are cheap to remake.
    this.vectors.clear();
  }

  /** Field-documents containing `term` in the whole library (lunr's count, over all fields), 0 when absent or not loaded. */
  docFrequency(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.df[t]!;
  }

  /** Postings lunr will walk for `term`: those stored (a common term keeps its heaviest). */
  postingsAsked(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.stored[t]!;
  }

  /**
   * What `index.query` returns for an all-optional query of `terms` (each with
   * its boost), worked out from the postings without lunr's per-query objects:
   * each record's score, and lunr's match metadata of a record when asked.
   * The same numbers in lunr's order of arithmetic: the query vector's
   * magnitude over the terms in index order, each field-document's dot product
   * in index order, a record's field scores summed in the order lunr meets the
   * field-documents (term by term, field by field, refs ascending). For many
   * queries in a row (the related lists of a build); a unit test holds it
   * equal to lunr's own.
   */
  scoreOptional(terms: readonly string[], boostOf: (term: string) => number): OptionalHits {
    const scores = new Map<number, number>();
    const present = [...new Set(terms.filter((term) => this.docFrequency(term) > 0))];
    const metadata = (ref: number) => this.metadataOf(ref, present);
    if (present.length === 0) return { scores, metadata };
    const boosts = new Map<number, number>();
    for (const term of present) boosts.set(this.termIds.get(term)!, boostOf(term));
    let sumOfSquares = 0;
    for (const t of [...boosts.keys()].sort((a, b) => a - b)) sumOfSquares += boosts.get(t)! * boosts.get(t)!;
    const magnitude = Math.sqrt(sumOfSquares);
    const size = this.fields.length * this.docs;
    const seen = (this.seen ??= new Int32Array(size).fill(-1));
    const dots = (this.dots ??= new Float64Array(size));
    const query = ++this.queries;
    // Dot products first, adding each term's products in index order as lunr's vector walk does.
    for (const t of [...boosts.keys()].sort((a, b) => a - b)) {
      const boost = boosts.get(t)!;
      const slots = this.slots[t]!;
      const weights = this.slotWeights[t]!;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        if (seen[slot] !== query) {
          seen[slot] = query;
          dots[slot] = 0;
        }
        dots[slot]! += boost * weights[i]!;
      }
    }
    // Then each record's field scores, summed in the order lunr's query meets its field-documents.
    for (const term of present) {
      for (const slot of this.slots[this.termIds.get(term)!]!) {
        if (seen[slot] !== query) continue;
        seen[slot] = -1;
        const score = dots[slot]! / magnitude || 0;
        const ref = slot % this.docs;
        const sum = scores.get(ref);
        scores.set(ref, sum === undefined ? score : sum + score);
      }
    }
    return { scores, metadata };
  }

  /** lunr's `matchData.metadata` of record `ref`: each of its field-documents' terms in query order, combined in the order met. */
  private metadataOf(ref: number, present: readonly string[]): Record<string, Record<string, object>> {
    const perField = new Map<number, Record<string, Record<string, object>>>();
    for (const term of present) {
      const slots = this.slots[this.termIds.get(term)!]!;
      this.fields.forEach((field, f) => {
        if (!hasSlot(slots, f * this.docs + ref)) return;
        let own = perField.get(f);
        if (!own) perField.set(f, (own = Object.create(null) as Record<string, Record<string, object>>));
        (own[term] ??= Object.create(null) as Record<string, object>)[field] ??= NO_METADATA;
      });
    }
    const combined = Object.create(null) as Record<string, Record<string, object>>;
    for (const own of perField.values()) {
      for (const term of Object.keys(own)) {
        combined[term] ??= Object.create(null) as Record<string, object>;
        for (const f of Object.keys(own[term]!)) combined[term][f] ??= NO_METADATA;
      }
    }
    return combined;
  }

  private vector(fieldRef: string): lunr.Vector | undefined {
    const cached = this.vectors.get(fieldRef);
    if (cached) return cached;
    const slash = fieldRef.indexOf('/');
    const field = this.fields.indexOf(fieldRef.slice(0, slash));
    const ref = Number(fieldRef.slice(slash + 1));
    if (field < 0 || !Number.isInteger(ref) || ref < 0 || ref >= this.docs) return undefined;
    const built = new lunr.Vector((this.forward.get(field * this.docs + ref) ?? []).slice());
    this.vectors.set(fieldRef, built);
    return built;
  }
}

/** Whether ascending `slots` holds `slot` (binary search). */
function hasSlot(slots: Int32Array, slot: number): boolean {
  let lo = 0;
  let hi = slots.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = slots[mid]!;
    if (value === slot) return true;
    if (value < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
