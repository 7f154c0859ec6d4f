/**
 * Builds the term-addressed bundle: every fact key and text term gets one
 * entry (core and body fact postings, lunr postings, body word postings);
 * entries are cut in key order into chunks of about `chunkBytes`; document
 * rows go into chunks of `docsPerChunk`; every chunk is named by its content
 * hash, and `manifest.json` (the directory) says which chunk holds which keys.
 */
import {
  BM25_B,
  BM25_K1,
  BODY_SCORE_SCALE,
  BUNDLE_VERSION,
  FIELD_BOOSTS,
  MAX_BODY_TERM_POSTINGS,
  MAX_DOC_TEXT_CHARS,
} from './constants.ts';
import {
  MANIFEST_FILE,
  WHERE_CODES,
  docChunkFile,
  encodeRefs,
  keyChunkFile,
  separator,
  strideOf,
  type Directory,
  type DocChunk,
  type DocRow,
  type KeyChunk,
  type KeyEntry,
} from './bundle-format.ts';
import { contentHash } from './content-hash.ts';
import { describeFact, indexKeys, keyEvidence } from './describe-fact.ts';
import { bodyFacts, coreFacts, type PlacedFact } from './doc-facts.ts';
import { PostingColumns } from './posting-columns.ts';
import { maxPostingDocs } from './rank.ts';
import { buildTextPostings } from './text-index.ts';
import { tokenizeText } from './text-tokenize.ts';
import type { BuildOptions, IndexBundle, MatchDoc } from './types.ts';

/** Smallest default key-chunk size (raw bytes): below this, requests cost more than bytes. */
export const MIN_CHUNK_BYTES = 4_096;
/** Largest default key-chunk size (raw bytes). */
export const MAX_CHUNK_BYTES = 65_536;
/** Default key-chunk size at 10,000 records; it grows with the square root of the library. */
export const CHUNK_BYTES_AT_10K = 16_384;

/**
 * The default layout for `docs` records: key chunks of about
 * `CHUNK_BYTES_AT_10K × √(docs / 10,000)` raw bytes and document chunks of
 * about `√docs / 8` rows (a power of two), each within bounds. Both grow with
 * the square root of the library, which keeps the directory (one line per
 * chunk) and the chunks a query fetches in balance.
 */
export function defaultChunkLayout(docs: number): { chunkBytes: number; docsPerChunk: number } {
  const scaled = Math.round(CHUNK_BYTES_AT_10K * Math.sqrt(Math.max(1, docs) / 10_000));
  const rows = 2 ** Math.round(Math.log2(Math.max(1, Math.sqrt(docs) / 8)));
  return { chunkBytes: Math.min(MAX_CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, scaled)), docsPerChunk: Math.min(64, Math.max(4, rows)) };
}

/** Builds the bundle. Throws on a duplicate id or a bad option (a build-time mistake). */
export function buildIndex(docs: MatchDoc[], options: BuildOptions = {}): IndexBundle {
  const layout = defaultChunkLayout(docs.length);
  const chunkBytes = option('chunkBytes', options.chunkBytes ?? layout.chunkBytes, 256, 16 * 1024 * 1024);
  const docsPerChunk = option('docsPerChunk', options.docsPerChunk ?? layout.docsPerChunk, 1, 4096);
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.id)) throw new Error(`Precedent matcher: duplicate id \`${doc.id}\``);
    seen.add(doc.id);
  }

  const strings = new StringTable();
  const core = new FactPostings(strings);
  const body = new FactPostings(strings);
  const words = new PostingColumns();
  const bodyLength = new Float64Array(docs.length);
  docs.forEach((doc, ref) => {
    const coreKeys = core.addDoc(ref, coreFacts(doc));
    const placed: PlacedFact[] = [];
    for (const item of bodyFacts(doc)) {
      for (const key of indexKeys(item.fact)) if (!coreKeys.has(key)) placed.push({ ...item, key });
    }
    body.addDoc(ref, placed);
    const terms = tokenizeText(doc.text.length > MAX_DOC_TEXT_CHARS ? doc.text.slice(0, MAX_DOC_TEXT_CHARS) : doc.text);
    bodyLength[ref] = terms.length;
    const tf = new Map<string, number>();
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
    for (const [term, count] of tf) words.add(term, ref, count);
  });
  const text = buildTextPostings(docs);

  const average = bodyLength.reduce((a, b) => a + b, 0) / Math.max(1, docs.length) || 1;
  const tooCommon = maxPostingDocs(docs.length);
  const keys = [...new Set([...core.keys(), ...body.keys(), ...text.keys(), ...words.keys()])].sort();
  const files: Record<string, string> = {};
  const directory: Directory = {
    version: BUNDLE_VERSION,
    docs: docs.length,
    fields: Object.keys(FIELD_BOOSTS),
    keys: [],
    keyHashes: [],
    docsPerChunk,
    docHashes: [],
    chars: 0,
  };

  let chunk: { keys: string[]; entries: Array<[KeyEntry, number[]]> } = { keys: [], entries: [] };
  let size = 0;
  let lastKey = '';
  const flush = () => {
    if (chunk.keys.length === 0) return;
    const local = new Map<number, number>();
    const localStrings: string[] = [];
    const remap = (global: number): number => {
      let id = local.get(global);
      if (id === undefined) {
        local.set(global, (id = localStrings.length + 1));
        localStrings.push(strings.get(global));
      }
      return id;
    };
    const entries = chunk.entries.map(([entry, evidenceSlots]) => {
      for (const slot of evidenceSlots) {
        const list = slot < 0 ? (entry[1] as number[]) : (entry[0] as number[]);
        const at = slot < 0 ? -slot - 1 : slot;
        list[at] = remap(list[at]!);
      }
      return entry;
    });
    const json: KeyChunk = { keys: chunk.keys, strings: localStrings, entries };
    const textJson = JSON.stringify(json);
    const hash = contentHash(textJson);
    directory.keys.push(directory.keys.length === 0 ? '' : separator(lastKey, chunk.keys[0]!));
    directory.keyHashes.push(hash);
    files[keyChunkFile(hash)] = textJson;
    directory.chars += textJson.length;
    lastKey = chunk.keys[chunk.keys.length - 1]!;
    chunk = { keys: [], entries: [] };
    size = 0;
  };

  for (const key of keys) {
    let corePostings = core.get(key);
    let bodyPostings = body.get(key);
    // A key in more than half the records is skipped by the scorer: store nothing for it.
    if ((corePostings || bodyPostings) && distinctRefs(key, corePostings, bodyPostings) > tooCommon) corePostings = bodyPostings = undefined;
    const evidenceSlots: number[] = [];
    const stride = strideOf(key);
    for (const [list, sign] of [[corePostings, 1], [bodyPostings, -1]] as const) {
      if (!list) continue;
      for (let i = 2; i < list.length; i += stride) if (list[i]! > 0) evidenceSlots.push(sign > 0 ? i : -i - 1);
    }
    const wordPostings = words.get(key);
    const entry: KeyEntry = [
      corePostings ? encodeRefs(key, corePostings) : 0,
      bodyPostings ? encodeRefs(key, bodyPostings) : 0,
      text.get(key) ?? 0,
      wordPostings ? bodyScores(wordPostings, bodyLength, average) : 0,
    ];
    if (entry.every((part) => part === 0)) continue;
    // Evidence ids are global until the chunk is written; `flush` makes them local.
    for (const slot of evidenceSlots) {
      const list = slot < 0 ? (entry[1] as number[]) : (entry[0] as number[]);
      const at = slot < 0 ? -slot - 1 : slot;
      list[at] = list[at]! - 1;
    }
    chunk.keys.push(key);
    chunk.entries.push([entry, evidenceSlots]);
    size += key.length + 8 + 4 * entry.reduce<number>((sum, part) => sum + (part === 0 ? 0 : part.length), 0);
    if (size >= chunkBytes) flush();
  }
  flush();

  for (let start = 0; start < docs.length; start += docsPerChunk) {
    const json: DocChunk = { rows: docs.slice(start, start + docsPerChunk).map(docRow) };
    const textJson = JSON.stringify(json);
    const hash = contentHash(textJson);
    directory.docHashes.push(hash);
    files[docChunkFile(hash)] = textJson;
    directory.chars += textJson.length;
  }
  files[MANIFEST_FILE] = JSON.stringify(directory);
  return { manifest: directory, files };
}

function option(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Precedent matcher: \`${name}\` must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/**
 * Body word postings as stored: `[df, refDelta, score, …]`, the score being
 * BM25's term-frequency part (`tf (k1 + 1) / (tf + k1 (1 − b + b · len / avg))`)
 * × `BODY_SCORE_SCALE`, rounded, at least 1; the scorer multiplies by the
 * term's rarity. A term in more records keeps its `MAX_BODY_TERM_POSTINGS` heaviest.
 */
function bodyScores(postings: ArrayLike<number>, bodyLength: Float64Array, average: number): number[] {
  const df = postings.length / 2;
  let entries: Array<[ref: number, score: number]> = [];
  for (let i = 0; i < postings.length; i += 2) {
    const ref = postings[i]!;
    const tf = postings[i + 1]!;
    const norm = tf + BM25_K1 * (1 - BM25_B + (BM25_B * bodyLength[ref]!) / average);
    entries.push([ref, Math.max(1, Math.round(((tf * (BM25_K1 + 1)) / norm) * BODY_SCORE_SCALE))]);
  }
  if (entries.length > MAX_BODY_TERM_POSTINGS) {
    entries = entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_BODY_TERM_POSTINGS).sort((a, b) => a[0] - b[0]);
  }
  const out = [df];
  let last = 0;
  for (const [ref, score] of entries) {
    out.push(ref - last, score);
    last = ref;
  }
  return out;
}

function distinctRefs(key: string, a: number[] | undefined, b: number[] | undefined): number {
  const stride = strideOf(key);
  const refs = new Set<number>();
  for (const list of [a, b]) if (list) for (let i = 0; i < list.length; i += stride) refs.add(list[i]!);
  return refs.size;
}

function docRow(doc: MatchDoc): DocRow {
  const fixType = doc.fix ? (doc.fix.type === 'resolution' ? 1 : 2) : 0;
  const row: DocRow = [doc.id, doc.title, doc.titleEn ?? '', doc.kind, doc.date ?? '', doc.file, fixType, doc.fix?.summary ?? '', doc.fix?.command ?? ''];
  if (doc.fixes && doc.fixes.length > 0) row.push(doc.fixes);
  return row;
}

/** Evidence strings of the whole build, by id; chunks store their own subset. */
class StringTable {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      this.ids.set(text, (id = this.list.length));
      this.list.push(text);
    }
    return id;
  }
  get(id: number): string {
    return this.list[id]!;
  }
}

/** Collects postings, keeping per document and key only the best place (and, for figures, each distinct value). */
class FactPostings {
  private readonly lists = new Map<string, number[]>();
  private readonly strings: StringTable;
  constructor(strings: StringTable) {
    this.strings = strings;
  }

  /** Adds one document's facts; returns the keys it was filed under. Evidence is stored as 1 + global string id, 0 when implied. */
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
      let list = this.lists.get(entry.key);
      if (!list) this.lists.set(entry.key, (list = []));
      list.push(ref, entry.where, entry.evidence === keyEvidence(entry.key) ? 0 : this.strings.id(entry.evidence) + 1);
      if (entry.value !== undefined) list.push(entry.value);
    }
    return keys;
  }

  keys(): Iterable<string> {
    return this.lists.keys();
  }

  get(key: string): number[] | undefined {
    return this.lists.get(key);
  }
}
