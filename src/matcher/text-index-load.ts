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
