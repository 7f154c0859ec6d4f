/**
 * What a matcher has loaded of a term-addressed bundle: the directory, and
 * the key and document chunks fetched so far, merged into the tables the
 * scorer reads. Every chunk is checked against the content hash in its name
 * and its shape before anything of it is used; a bad chunk is refused whole
 * with a `ChunkError` saying which file and why.
 */
import { BUNDLE_VERSION } from './constants.ts';
import {
  chunkOf,
  docChunkFile,
  keyChunkFile,
  strideOf,
  type Directory,
  type DocChunk,
  type DocRow,
  type FactTable,
  type KeyChunk,
} from './bundle-format.ts';
import { contentHash } from './content-hash.ts';
import { TextIndex } from './text-index-load.ts';

/** A chunk that could not be used: its file name and what was wrong. */
export class ChunkError extends Error {
  /** The file (name or URL). */
  readonly file: string;
  /** What was wrong, e.g. `could not be loaded (HTTP 404)`. */
  readonly reason: string;
  constructor(file: string, reason: string) {
    super(`Precedent matcher: ${file} ${reason}`);
    this.file = file;
    this.reason = reason;
    this.name = 'ChunkError';
  }
}

/** Body word postings of one term, refs restored: `[ref, score, …]`. */
export interface WordPostings {
  /** Records holding the term in the whole library. */
  df: number;
  postings: number[];
}

/** Checks the directory's shape; throws a plain `Error` naming what is wrong. */
export function readDirectory(value: unknown): Directory {
  const d = value as Partial<Directory> | null;
  if (!d || typeof d !== 'object') throw new Error('Precedent matcher: manifest.json is not an index directory');
  if (d.version !== BUNDLE_VERSION) {
    throw new Error(`Precedent matcher: index version ${String(d.version)} is not supported (expected ${BUNDLE_VERSION}); rebuild the index`);
  }
  const strings = (list: unknown): list is string[] => Array.isArray(list) && list.every((s) => typeof s === 'string');
  const valid =
    Number.isInteger(d.docs) && d.docs! >= 0 && strings(d.fields) && strings(d.keys) && strings(d.keyHashes) &&
    d.keys.length === d.keyHashes.length && Number.isInteger(d.docsPerChunk) && d.docsPerChunk! >= 1 &&
    strings(d.docHashes) && d.docHashes.length === Math.ceil(d.docs! / d.docsPerChunk!) && Number.isInteger(d.chars);
  if (!valid) throw new Error('Precedent matcher: manifest.json is malformed (rebuild the index)');
  return d as Directory;
}

/** The loaded part of a bundle. */
export class IndexStore {
  readonly directory: Directory;
  /** Evidence strings of every loaded chunk (shared by both tables). */
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  /** Symptom-grade fact postings loaded so far. */
  readonly core: FactTable;
  /** Body fact postings loaded so far. */
  readonly body: FactTable;
  readonly text: TextIndex;
  private readonly words = new Map<string, WordPostings>();
  /** Every key loaded so far (for typo candidates). */
  readonly vocabulary: string[] = [];
  private readonly keyLoaded: boolean[];
  private readonly rows: Array<DocRow[] | undefined>;
  private refs: Map<string, number> | undefined;

  constructor(directory: Directory) {
    this.directory = directory;
    this.core = { strings: this.strings, keys: Object.create(null) as Record<string, number[]> };
    this.body = { strings: this.strings, keys: Object.create(null) as Record<string, number[]> };
    this.text = new TextIndex(directory.fields, directory.docs);
    this.keyLoaded = directory.keyHashes.map(() => false);
    this.rows = directory.docHashes.map(() => undefined);
  }

  /** The key chunk holding `key`. */
  keyChunkOf(key: string): number {
    return chunkOf(this.directory.keys, key);
  }

  /** File name of key chunk `i`. */
  keyFile(i: number): string {
    return keyChunkFile(this.directory.keyHashes[i]!);
  }

  /** File name of document chunk `i`. */
  docFile(i: number): string {
    return docChunkFile(this.directory.docHashes[i]!);
  }

  /** The document chunk holding `ref`. */
  docChunkOf(ref: number): number {
    return Math.floor(ref / this.directory.docsPerChunk);
  }

  hasKeyChunk(i: number): boolean {
    return this.keyLoaded[i] === true;
  }

  hasDocChunk(i: number): boolean {
    return this.rows[i] !== undefined;
  }

  /** Key and document chunks loaded. */
  get loaded(): number {
    return this.keyLoaded.filter(Boolean).length + this.rows.filter((r) => r !== undefined).length;
  }

  /** The row of `ref`, when its chunk is loaded. */
  row(ref: number): DocRow | undefined {
    return this.rows[this.docChunkOf(ref)]?.[ref % this.directory.docsPerChunk];
  }

  /** Ref of record `id` among the loaded rows. */
  refOf(id: string): number | undefined {
    if (!this.refs) {
      this.refs = new Map();
      this.rows.forEach((rows, chunk) => rows?.forEach((row, i) => this.refs!.set(row[0], chunk * this.directory.docsPerChunk + i)));
    }
    return this.refs.get(id);
  }

  /** Body postings of `term`, when loaded. */
  wordPostings(term: string): WordPostings | undefined {
    return this.words.get(term);
  }

  /** Checks and merges key chunk `i` from its text. Throws `ChunkError`. */
  addKeyChunk(i: number, text: string): void {
    if (this.keyLoaded[i]) return;
    const file = this.keyFile(i);
    const chunk = parse(file, text, this.directory.keyHashes[i]!) as Partial<KeyChunk>;
    const { keys, strings, entries } = chunk;
    const ok =
      Array.isArray(keys) && Array.isArray(strings) && Array.isArray(entries) && keys.length === entries.length &&
      keys.every((k) => typeof k === 'string' && this.keyChunkOf(k) === i) && strings.every((s) => typeof s === 'string') &&
      entries.every((e) => Array.isArray(e) && e.length === 4 && e.every((part) => part === 0 || isNumbers(part)));
    if (!ok) throw new ChunkError(file, 'is malformed (not a key chunk of this index)');
    try {
      const local = strings.map((s) => this.stringId(s));
      // Check everything before merging anything: a bad chunk leaves the store as it was.
      const decoded = entries.map(([core, body, text, words], k) => [
        core === 0 ? undefined : decodeFacts(keys[k]!, core, local, this.directory.docs),
        body === 0 ? undefined : decodeFacts(keys[k]!, body, local, this.directory.docs),
        text === 0 ? undefined : this.text.prepare(keys[k]!, text),
        words === 0 ? undefined : decodeWords(words, this.directory.docs),
      ] as const);
      keys.forEach((key, k) => {
        const [core, body, text, words] = decoded[k]!;
        this.vocabulary.push(key);
        if (core) this.core.keys[key] = core;
        if (body) this.body.keys[key] = body;
        if (text) this.text.insert(text);
        if (words) this.words.set(key, words);
      });
    } catch (error) {
      throw new ChunkError(file, `is malformed (${error instanceof Error ? error.message : String(error)})`);
    }
    this.keyLoaded[i] = true;
  }

  /** Checks and stores document chunk `i` from its text. Throws `ChunkError`. */
  addDocChunk(i: number, text: string): void {
    if (this.rows[i]) return;
    const file = this.docFile(i);
    const chunk = parse(file, text, this.directory.docHashes[i]!) as Partial<DocChunk>;
    const expected = Math.min(this.directory.docsPerChunk, this.directory.docs - i * this.directory.docsPerChunk);
    const rows = chunk.rows;
    const ok = Array.isArray(rows) && rows.length === expected &&
      rows.every((r) => Array.isArray(r) && (r.length === 9 || (r.length === 10 && isFixes(r[9]))) &&
        r.slice(0, 9).every((v, k) => (k === 6 ? v === 0 || v === 1 || v === 2 : typeof v === 'string')));
    if (!ok) throw new ChunkError(file, 'is malformed (not a document chunk of this index)');
    this.rows[i] = rows;
    this.refs = undefined;
  }

  private stringId(text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      this.stringIds.set(text, (id = this.strings.length));
      this.strings.push(text);
    }
    return id;
  }
}

function parse(file: string, text: string, hash: string): unknown {
  if (contentHash(text) !== hash) throw new ChunkError(file, 'does not match the hash in its name (a stale or damaged copy)');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ChunkError(file, 'is not valid JSON');
  }
}

function isNumbers(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((n) => typeof n === 'number');
}

/** Fact postings with refs restored and evidence ids mapped to the store's strings (still 1-based, 0 = implied). */
function decodeFacts(key: string, stored: number[], local: number[], docs: number): number[] {
  const stride = strideOf(key);
  if (stored.length % stride !== 0) throw new Error(`postings of \`${key}\` are cut short`);
  const out = stored.slice();
  let ref = 0;
  for (let i = 0; i < out.length; i += stride) {
    out[i] = ref += out[i]!;
    if (!Number.isInteger(ref) || ref < 0 || ref >= docs) throw new Error(`postings of \`${key}\` name record ${ref}`);
    const id = out[i + 2]!;
    if (id !== 0) {
      const global = local[id - 1];
      if (global === undefined) throw new Error(`postings of \`${key}\` name evidence ${id}`);
      out[i + 2] = global + 1;
    }
  }
  return out;
}

function decodeWords(stored: number[], docs: number): WordPostings {
  if (stored.length % 2 !== 1) throw new Error('word postings are cut short');
  const postings = stored.slice(1);
  let ref = 0;
  for (let i = 0; i < postings.length; i += 2) {
    postings[i] = ref += postings[i]!;
    if (!Number.isInteger(ref) || ref < 0 || ref >= docs) throw new Error(`word postings name record ${ref}`);
  }
  return { df: stored[0]!, postings };
}

/** Whether `value` is a row's list of fixes (see `MatchFix`): untrusted JSON until checked. */
function isFixes(value: unknown): boolean {
  const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
  return Array.isArray(value) && value.every((fix) => {
    if (typeof fix !== 'object' || fix === null) return false;
    const f = fix as Record<string, unknown>;
    return (f.type === 'workaround' || f.type === 'resolution') && typeof f.summary === 'string' &&
      optionalString(f.summaryEn) && optionalString(f.command) &&
      (f.commands === undefined || (Array.isArray(f.commands) && f.commands.every((c) =>
        typeof c === 'object' && c !== null && typeof (c as Record<string, unknown>).code === 'string' && optionalString((c as Record<string, unknown>).lang))));
  });
}
