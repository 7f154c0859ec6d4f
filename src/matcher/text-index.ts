/**
 * Text relevance over the short fields (title, summary, symptom text,
 * tags and services) through lunr. lunr never sees raw user text: both the
 * index and the query use `tokenizeText`, the builder's pipeline is empty
 * (so nothing needs registering before serializing or loading), and queries
 * are built term by term with `idx.query`.
 */
import lunr from 'lunr';
import { BIGRAM_BOOST, FIELD_BOOSTS } from './constants.ts';
import { isBigram, tokenizeText } from './text-tokenize.ts';
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
    symptomText.push(...symptoms.identifiers, ...symptoms.hosts);
  }
  for (const product of doc.products ?? []) symptomText.push(product.name);
  return {
    title: [doc.title, doc.titleEn ?? ''].join('\n'),
    summary: doc.summary,
    symptoms: symptomText.join('\n'),
    tags: [...doc.tags, ...doc.services].join('\n'),
  };
}

function lunrTokens(value: unknown): lunr.Token[] {
  return tokenizeText(typeof value === 'string' ? value : '').map((term) => new lunr.Token(term, {}));
}

/** Builds and serializes the lunr index; refs are document positions. */
export function buildTextIndex(docs: MatchDoc[]): object {
  const builder = new lunr.Builder();
  builder.ref('ref');
  for (const [field, boost] of Object.entries(FIELD_BOOSTS)) builder.field(field, { boost });
  (builder as unknown as { tokenizer: typeof lunrTokens }).tokenizer = lunrTokens;
  builder.metadataWhitelist = [];
  docs.forEach((doc, ref) => builder.add({ ref: String(ref), ...textFields(doc) }));
  return builder.build().toJSON();
}

/** Loads a serialized text index. */
export function loadTextIndex(json: object): lunr.Index {
  return lunr.Index.load(json);
}

/** A text hit: lunr score and the terms matched per field. */
export interface TextHit {
  score: number;
  fields: Map<TextField, string[]>;
}

/** Number of documents whose short fields contain `term`. */
export function termDocFrequency(index: lunr.Index, term: string): number {
  const posting = (index as unknown as { invertedIndex: Record<string, Record<string, object>> }).invertedIndex[term];
  if (!posting || !Object.hasOwn((index as unknown as { invertedIndex: object }).invertedIndex, term)) return 0;
  let count = 0;
  for (const field of Object.keys(FIELD_BOOSTS)) count += Object.keys(posting[field] ?? {}).length;
  return count;
}

/** Runs the terms against the index: optional clauses, bigrams boosted, no pipeline, no wildcards. */
export function queryText(index: lunr.Index, terms: string[]): Map<number, TextHit> {
  const hits = new Map<number, TextHit>();
  const present = terms.filter((term) => termDocFrequency(index, term) > 0);
  if (present.length === 0) return hits;
  const results = index.query((query) => {
    for (const term of present) {
      query.term(term, { usePipeline: false, boost: isBigram(term) ? BIGRAM_BOOST : 1, wildcard: lunr.Query.wildcard.NONE });
    }
  });
  for (const result of results) {
    const fields = new Map<TextField, string[]>();
    for (const [term, byField] of Object.entries(result.matchData.metadata)) {
      for (const field of Object.keys(byField) as TextField[]) {
        const list = fields.get(field) ?? [];
        list.push(term);
        fields.set(field, list);
      }
    }
    hits.set(Number(result.ref), { score: result.score, fields });
  }
  return hits;
}
