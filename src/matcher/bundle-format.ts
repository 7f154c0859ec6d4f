/**
 * The JSON shapes inside an index bundle, shared by the builder and the
 * loader, and the term-hash that places a key in a body shard.
 *
 * Postings are flat number arrays: `[ref, where, evidence]` repeated, with a
 * fourth number (the exact value) for figure buckets (keys starting `~`).
 * `ref` is the document's position, stored as the difference from the
 * previous posting's (refs ascend, so the numbers stay small and compress
 * well; `postingsOf` restores them on first use); `where` indexes `WHERE_CODES`;
 * `evidence` is 0 when the key implies it (`port:5002` → `port 5002`, see
 * `keyEvidence`), else 1 + its index in the file's string table.
 */
import type { Where } from './types.ts';

/** The bundle's manifest: version, record count, core files, shards. */
export const MANIFEST_FILE = 'manifest.json';
/** Core: record metadata and fixes. */
export const DOCS_FILE = 'docs.json';
/** Core: symptom-grade fact postings. */
export const FACTS_FILE = 'facts.json';
/** Core: the compact lunr index over short fields. */
export const TEXT_FILE = 'text.json';
/** Name of body shard `i`. */
export function shardFile(i: number): string {
  return `body-${i}.json`;
}

/** `where` codes, in descending weight. */
export const WHERE_CODES: readonly Where[] = ['symptom', 'title', 'summary', 'fix', 'body'];

/** One document's metadata: id, title, titleEn, kind, date, file, fix type (0 none, 1 resolution, 2 workaround), fix summary, fix command. */
export type DocRow = [string, string, string, string, string, string, 0 | 1 | 2, string, string];

/** `docs.json`. */
export interface DocsFile {
  version: number;
  docs: DocRow[];
  /** Body length in terms, per document, for BM25. */
  bodyLength: number[];
  /** Number of body shards. */
  shards: number;
}

/** Fact postings with their evidence strings (`facts.json`, and the `facts` of a shard). */
export interface FactTable {
  strings: string[];
  keys: Record<string, number[]>;
}

/** `body-<i>.json`: body facts and body term postings (`[ref, tf]` repeated) for the keys hashed to it. */
export interface ShardFile {
  facts: FactTable;
  terms: Record<string, number[]>;
}

/** Stride of a posting list under `key`. */
export function strideOf(key: string): number {
  return key.startsWith('~') ? 4 : 3;
}

/**
 * The body shard of a fact key or term: FNV-1a over UTF-16 units, modulo the
 * shard count. All network keys share one shard, since one address looks up
 * every prefix length (`cidr:10.0.0.0/8` … `/32`).
 */
export function shardOf(key: string, shards: number): number {
  const routed = key.startsWith('cidr:') ? 'cidr:' : key;
  let hash = 0x811c9dc5;
  for (let i = 0; i < routed.length; i++) {
    hash ^= routed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** Own-property lookup in a parsed JSON object (a term may be `constructor`). */
export function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const decoded = new WeakSet<number[]>();

/**
 * The postings of `key` in a table, refs restored from their stored
 * differences on first use (in place, once): loading stays a plain JSON.parse.
 */
export function postingsOf(table: FactTable, key: string): number[] | undefined {
  const postings = own(table.keys, key);
  if (postings && !decoded.has(postings)) {
    const stride = strideOf(key);
    let ref = 0;
    for (let i = 0; i < postings.length; i += stride) postings[i] = ref += postings[i]!;
    decoded.add(postings);
  }
  return postings;
}

/** Turns refs into differences (the stored form). */
export function encodeRefs(key: string, postings: number[]): number[] {
  const stride = strideOf(key);
  const out = postings.slice();
  for (let i = out.length - stride; i >= stride; i -= stride) out[i] = out[i]! - out[i - stride]!;
  return out;
}
