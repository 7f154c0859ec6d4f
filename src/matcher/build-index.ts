/**
 * Builds the index bundle: a small core (document metadata, symptom-grade
 * fact postings, a lunr index over short fields) that answers the first
 * query, and term-hashed body shards (body facts and body word postings)
 * fetched lazily.
 */
import { BUNDLE_VERSION, DEFAULT_DOCS_PER_SHARD, MAX_DEFAULT_SHARDS, MAX_DOC_TEXT_CHARS } from './constants.ts';
import {
  DOCS_FILE,
  FACTS_FILE,
  MANIFEST_FILE,
  TEXT_FILE,
  WHERE_CODES,
  encodeRefs,
  shardFile,
  shardOf,
  strideOf,
  type DocRow,
  type DocsFile,
  type FactTable,
  type ShardFile,
} from './bundle-format.ts';
import { describeFact, indexKeys, keyEvidence } from './describe-fact.ts';
import { bodyFacts, coreFacts, type PlacedFact } from './doc-facts.ts';
import { buildTextIndex } from './text-index.ts';
import { tokenizeText } from './text-tokenize.ts';
import type { BuildOptions, IndexBundle, MatchDoc } from './types.ts';

/** The default shard count for `docs` documents. */
export function defaultShardCount(docs: number): number {
  return Math.min(MAX_DEFAULT_SHARDS, Math.max(1, Math.ceil(docs / DEFAULT_DOCS_PER_SHARD)));
}

/** Builds the bundle. Throws on a duplicate id or a bad option (a build-time mistake). */
export function buildIndex(docs: MatchDoc[], options: BuildOptions = {}): IndexBundle {
  const shardCount = options.shards ?? defaultShardCount(docs.length);
  if (!Number.isInteger(shardCount) || shardCount < 1 || shardCount > 4096) {
    throw new Error(`Precedent matcher: \`shards\` must be a whole number from 1 to 4096, got ${String(shardCount)}`);
  }
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.id)) throw new Error(`Precedent matcher: duplicate id \`${doc.id}\``);
    seen.add(doc.id);
  }

  const core = new FactTableBuilder();
  const shards = Array.from({ length: shardCount }, () => ({ facts: new FactTableBuilder(), terms: new Map<string, number[]>() }));
  const bodyLength: number[] = [];
  docs.forEach((doc, ref) => {
    const coreKeys = core.addDoc(ref, coreFacts(doc));
    const byShard = new Map<number, PlacedFact[]>();
    for (const placed of bodyFacts(doc)) {
      const keys = indexKeys(placed.fact).filter((key) => !coreKeys.has(key));
      for (const key of keys) {
        const shard = shardOf(key, shardCount);
        let list = byShard.get(shard);
        if (!list) byShard.set(shard, (list = []));
        list.push({ ...placed, key });
      }
    }
    for (const [shard, placed] of byShard) shards[shard]!.facts.addDoc(ref, placed);
    const terms = tokenizeText(doc.text.length > MAX_DOC_TEXT_CHARS ? doc.text.slice(0, MAX_DOC_TEXT_CHARS) : doc.text);
    bodyLength.push(terms.length);
    const tf = new Map<string, number>();
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
    for (const [term, count] of tf) {
      const postings = shards[shardOf(term, shardCount)]!.terms;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(ref, count);
    }
  });

  const docsFile: DocsFile = { version: BUNDLE_VERSION, docs: docs.map(docRow), bodyLength, shards: shardCount };
  const files: Record<string, string> = {
    [DOCS_FILE]: JSON.stringify(docsFile),
    [FACTS_FILE]: JSON.stringify(core.toJSON()),
    [TEXT_FILE]: JSON.stringify(buildTextIndex(docs)),
  };
  const shardNames: string[] = [];
  shards.forEach((shard, i) => {
    const file: ShardFile = { facts: shard.facts.toJSON(), terms: Object.fromEntries(shard.terms) };
    shardNames.push(shardFile(i));
    files[shardFile(i)] = JSON.stringify(file);
  });
  const manifest = { version: BUNDLE_VERSION, docs: docs.length, core: [DOCS_FILE, FACTS_FILE, TEXT_FILE], shards: shardNames };
  files[MANIFEST_FILE] = JSON.stringify(manifest);
  return { manifest, files };
}

function docRow(doc: MatchDoc): DocRow {
  const fixType = doc.fix ? (doc.fix.type === 'resolution' ? 1 : 2) : 0;
  return [doc.id, doc.title, doc.titleEn ?? '', doc.kind, doc.date ?? '', doc.file, fixType, doc.fix?.summary ?? '', doc.fix?.command ?? ''];
}

/** Collects postings, keeping per document and key only the best place (and, for figures, each distinct value). */
class FactTableBuilder {
  private readonly strings = new Map<string, number>();
  private readonly keys = new Map<string, number[]>();

  /** Adds one document's facts; returns the keys it was filed under. */
  addDoc(ref: number, placed: PlacedFact[]): Set<string> {
    const best = new Map<string, { where: number; evidence: string; value: number | undefined; key: string }>();
    for (const item of placed) {
      const where = WHERE_CODES.indexOf(item.where);
      for (const key of item.key !== undefined ? [item.key] : indexKeys(item.fact)) {
        const numeric = strideOf(key) === 4 ? item.fact.value : undefined;
        const slot = numeric === undefined ? key : `${key}\u0000${numeric}`;
        const current = best.get(slot);
        if (!current || where < current.where) best.set(slot, { where, evidence: describeFact(item.fact), value: numeric, key });
      }
    }
    const keys = new Set<string>();
    for (const entry of best.values()) {
      keys.add(entry.key);
      let list = this.keys.get(entry.key);
      if (!list) this.keys.set(entry.key, (list = []));
      list.push(ref, entry.where, entry.evidence === keyEvidence(entry.key) ? 0 : this.stringId(entry.evidence) + 1);
      if (entry.value !== undefined) list.push(entry.value);
    }
    return keys;
  }

  private stringId(text: string): number {
    let id = this.strings.get(text);
    if (id === undefined) this.strings.set(text, (id = this.strings.size));
    return id;
  }

  toJSON(): FactTable {
    const keys: Record<string, number[]> = {};
    for (const [key, postings] of this.keys) keys[key] = encodeRefs(key, postings);
    return { strings: [...this.strings.keys()], keys };
  }
}
