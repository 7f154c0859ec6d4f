/**
 * The JSON shapes inside an index bundle, shared by the builder and the
 * loader.
 *
 * The bundle is term-addressed: `manifest.json` (the directory) lists key
 * chunks by the lowest key each holds and document chunks by position; every
 * other file is named by its content hash (`k-<hash>.json`, `d-<hash>.json`).
 * A query fetches the directory, then the chunks holding its fact keys and
 * text terms, then the document rows of the results it shows.
 *
 * Fact postings are flat number arrays: `[ref, where, evidence]` repeated,
 * with a fourth number (the exact value) for figure buckets (keys starting
 * `~`). `ref` is the document's position, stored as the difference from the
 * previous posting's (refs ascend, so the numbers stay small and compress
 * well); `where` indexes `WHERE_CODES`; `evidence` is 0 when the key implies
 * it (`port:5002` → `port 5002`, see `keyEvidence`), else 1 + its index in the
 * chunk's string table (evidence strings travel with their postings).
 */
import type { MatchFix, Where } from './types.ts';

/** The directory: the one file with a fixed name (revalidate it; cache the rest forever). */
export const MANIFEST_FILE = 'manifest.json';
/** File name of the key chunk with content hash `hash`. */
export function keyChunkFile(hash: string): string {
  return `k-${hash}.json`;
}
/** File name of the document chunk with content hash `hash`. */
export function docChunkFile(hash: string): string {
  return `d-${hash}.json`;
}

/** `where` codes, in descending weight. */
export const WHERE_CODES: readonly Where[] = ['symptom', 'title', 'summary', 'fix', 'body'];

/**
 * One document's metadata: id, title, titleEn, kind, date, file, fix type (0 none, 1 resolution, 2 workaround),
 * fix summary, fix command, and every fix (workaround first) when there is one.
 */
export type DocRow = [string, string, string, string, string, string, 0 | 1 | 2, string, string, MatchFix[]?];

/** `manifest.json`: what a loader needs before any chunk. */
export interface Directory {
  version: number;
  /** Records indexed. */
  docs: number;
  /** lunr fields of the core text postings, by position. */
  fields: string[];
  /**
   * Key chunks in key order: chunk `i` holds every key `k` with
   * `keys[i] <= k < keys[i + 1]` (UTF-16 order). `keys[0]` is `''`; the
   * others are the shortest prefixes that separate a chunk from the one before.
   */
  keys: string[];
  /** Content hash of each key chunk. */
  keyHashes: string[];
  /** Document rows per document chunk: chunk `i` holds refs `i × docsPerChunk …`. */
  docsPerChunk: number;
  /** Content hash of each document chunk. */
  docHashes: string[];
  /** Characters in all chunks together: a small library is fetched whole on first use. */
  chars: number;
}

/**
 * Everything filed under one key (a fact key such as `port:5002`, or a text
 * term such as `udp`; the two never collide, as terms have no `:` or `~`),
 * 0 where there is nothing:
 * - core fact postings (symptoms, title, summary, fix, products);
 * - body fact postings (keys already in the core for that record left out);
 * - core text postings for lunr: `[df, field, count, refDelta, weight × 1000, …, field, count, …]`,
 *   `df` being lunr's document frequency (field-documents, all fields) and the weight lunr's
 *   builder would store in the field vector; a common term keeps only its heaviest postings;
 * - body text postings: `[df, refDelta, bm25 × BODY_SCORE_SCALE, …]`, heaviest postings of a common term.
 */
export type KeyEntry = [core: number[] | 0, body: number[] | 0, text: number[] | 0, words: number[] | 0];

/** `k-<hash>.json`: the entries of a run of consecutive keys and their evidence strings. */
export interface KeyChunk {
  keys: string[];
  strings: string[];
  entries: KeyEntry[];
}

/** `d-<hash>.json`: document rows of consecutive refs. */
export interface DocChunk {
  rows: DocRow[];
}

/** Fact postings with their evidence strings, as the scorer reads them. */
export interface FactTable {
  strings: string[];
  keys: Record<string, number[]>;
}

/** Stride of a fact posting list under `key`. */
export function strideOf(key: string): number {
  return key.startsWith('~') ? 4 : 3;
}

/** The key chunk that holds `key`: the last chunk whose lowest key is at most `key`. */
export function chunkOf(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keys[mid]! <= key) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The shortest prefix of `first` that sorts after `previous` (`previous < first`). */
export function separator(previous: string, first: string): string {
  for (let n = 1; n < first.length; n++) {
    const prefix = first.slice(0, n);
    if (prefix > previous) return prefix;
  }
  return first;
}

/** Own-property lookup in a parsed JSON object (a term may be `constructor`). */
export function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The postings of `key` in a table (refs already restored when the chunk was added). */
export function postingsOf(table: FactTable, key: string): number[] | undefined {
  return own(table.keys, key);
}

/** Turns refs into differences (the stored form). */
export function encodeRefs(key: string, postings: number[]): number[] {
  const stride = strideOf(key);
  const out = postings.slice();
  for (let i = out.length - stride; i >= stride; i -= stride) out[i] = out[i]! - out[i - stride]!;
  return out;
}
