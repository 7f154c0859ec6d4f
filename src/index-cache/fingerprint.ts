/**
 * What the cached index depends on, computed cheaply on every call: every
 * file below the records folder and the code that turns records into an
 * index.
 *
 * Two levels, as git's index does it. `quickStat` stats the files and
 * hashes their names, sizes, times and inodes (the "stat key"): when
 * it equals the one recorded with the cache, nothing changed and no file is
 * read. Otherwise `contentKey` hashes the bytes of every file whose metadata
 * differs from its recorded state (the rest keep their recorded hash), and
 * the key is a hash of all content hashes: touching a file without changing
 * it keeps the key; any edit, addition or removal changes it.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATE_VERSION } from './bundle-store.ts';
import { cyrb53 } from '../matcher/content-hash.ts';
import { KEY_SEED, keyHash } from './key-hash.ts';

/** One file of the records folder: its metadata, and its content hash once known. */
export interface FileState {
  /** Path relative to the records folder, `/`-separated. */
  file: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** SHA-256 of the bytes, first 128 bits in hex; empty until hashed. */
  hash: string;
}

/** A folder's listing with metadata. */
export interface FolderStat {
  files: FileState[];
  /** Hash of the listing (names, sizes, times, inodes) and of the code version. */
  statKey: string;
  /** Latest modification time seen, epoch ms. */
  newestMs: number;
}

/**
 * A file modified this close to the moment its state was recorded may have
 * changed again within the same timestamp tick ("racily clean" in git's
 * terms), so it is always re-read.
 */
export const RACY_WINDOW_MS = 2_000;

/** Source folders whose code decides what the index holds. */
const CODE_DIRS = ['../matcher/', '../records/', '../schema/', '../index-cache/'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

let codeHash: string | undefined;

/**
 * A hash of the cache format and of the matcher's, the record reader's, the
 * schema's and this cache's source files: their names, sizes and modification times (reading their bytes
 * costs more than the rest of a warm call; any edit or checkout changes a
 * time, and a needless rebuild is the worst a touched file can cause).
 */
export function codeVersion(): string {
  if (codeHash) return codeHash;
  // The cache format is part of every key, so bumping it rebuilds even where no source time changed.
  const lines = [`format ${STATE_VERSION}\n`];
  for (const dir of CODE_DIRS) {
    for (const file of walk(dir).filter((f) => /\.(ts|js|json)$/.test(f))) {
      const stats = statSync(`${dir}${path.sep}${file}`);
      lines.push(`${file}\0${stats.size}\0${stats.mtimeMs}\n`);
    }
  }
  codeHash = keyHash(lines.join(''));
  return codeHash;
}

/**
 * The stat key of `dir` and its newest modification time, keeping nothing of
 * the listing: what a warm call asks ("has anything changed?"). At 10,000
 * files, building a text listing and a `FileState` per file (and collecting
 * them) cost 40–50 ms over the stats themselves.
 */
export function quickStat(dir: string): Omit<FolderStat, 'files'> {
  return listFolder(dir, () => {});
}

/** Lists `dir` with each file's metadata (links are followed; what is not a file is left out), sorted by name. */
export function statFolder(dir: string): FolderStat {
  const files: FileState[] = [];
  const { statKey, newestMs } = listFolder(dir, (file, stats) => {
    files.push({ file, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino, hash: '' });
  });
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, statKey, newestMs };
}

/** A file's metadata as 32-bit words, hashed as they are: writing numbers as text cost more than hashing them. */
const METADATA = new Float64Array(4);
const METADATA_WORDS = new Uint32Array(METADATA.buffer);
const TWO_32 = 2 ** 32;

/**
 * Stats every file below `dir`, calling `onFile` for each, and returns the
 * stat key: the code version, the number of files, and the sums of each
 * file's hash (its name, size, times and inode) under two seeds. Sums, so the
 * key does not depend on the order a folder lists its files in, and the
 * listing needs no sort.
 */
function listFolder(dir: string, onFile: (file: string, stats: Stats) => void): Omit<FolderStat, 'files'> {
  let [aLow, aHigh, bLow, bHigh] = [0, 0, 0, 0];
  let count = 0;
  let newestMs = 0;
  const visit = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        visit(`${folder}${path.sep}${entry.name}`, `${file}/`);
        continue;
      }
      const stats = statSync(`${folder}${path.sep}${entry.name}`, { throwIfNoEntry: false });
      // Gone since listed, a dangling link or a socket: the record reader reports what matters.
      if (!stats?.isFile()) continue;
      onFile(file, stats);
      METADATA[0] = stats.size;
      METADATA[1] = stats.mtimeMs;
      METADATA[2] = stats.ctimeMs;
      METADATA[3] = stats.ino;
      const a = cyrb53(file, 0, METADATA_WORDS);
      const b = cyrb53(file, KEY_SEED, METADATA_WORDS);
      // Each 53-bit hash summed as 32 + 21 bits, each sum kept to 32: exact, unlike doubles summed past 2^53.
      aLow = (aLow + (a >>> 0)) >>> 0;
      aHigh = (aHigh + Math.floor(a / TWO_32)) >>> 0;
      bLow = (bLow + (b >>> 0)) >>> 0;
      bHigh = (bHigh + Math.floor(b / TWO_32)) >>> 0;
      count += 1;
      if (stats.mtimeMs > newestMs) newestMs = stats.mtimeMs;
    }
  };
  visit(dir, '');
  return { statKey: keyHash(`${codeVersion()}\0${count}\0${aLow}\0${aHigh}\0${bLow}\0${bHigh}`), newestMs };
}

/**
 * Fills in the content hash of each of `folder`'s files, reusing the hash
 * recorded in `previous` (at `recordedAt`, epoch ms) for a file whose
 * metadata is unchanged and was not racily recent, and returns the content
 * key and how many files had to be read.
 */
export function contentKey(dir: string, folder: FolderStat, previous: readonly FileState[] = [], recordedAt = 0): { key: string; rehashed: number } {
  const known = new Map(previous.map((state) => [state.file, state]));
  const key = sha256().update(codeVersion());
  let rehashed = 0;
  for (const state of folder.files) {
    const before = known.get(state.file);
    const same = before !== undefined && before.hash !== '' && before.size === state.size && before.mtimeMs === state.mtimeMs
      && before.ctimeMs === state.ctimeMs && before.ino === state.ino && state.mtimeMs < recordedAt - RACY_WINDOW_MS;
    if (same) state.hash = before.hash;
    else {
      state.hash = hashFile(`${dir}${path.sep}${state.file}`);
      rehashed += 1;
    }
    key.update(`${state.file}\0${state.hash}\n`);
  }
  return { key: key.digest('hex').slice(0, 32), rehashed };
}

/** A SHA-256 hash, from `node:crypto` loaded here only: a warm call with nothing changed never loads it. */
function sha256() {
  return process.getBuiltinModule('node:crypto').createHash('sha256');
}

function hashFile(file: string): string {
  try {
    return sha256().update(readFileSync(file)).digest('hex').slice(0, 32);
  } catch {
    return 'unreadable'; // The record reader reports it; the key changes when it becomes readable.
  }
}

/**
 * Every entry below `dir` (files and links; folders are descended, hidden
 * ones too), relative, `/`-separated, sorted. One flat `readdirSync` per
 * folder and string joins: `readdirSync`'s `recursive` option and
 * `path.relative` cost ten times as much on a 10,000-file folder.
 */
function walk(dir: string): string[] {
  const out: string[] = [];
  const visit = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(`${folder}${path.sep}${entry.name}`, `${prefix}${entry.name}/`);
      else out.push(`${prefix}${entry.name}`);
    }
  };
  visit(dir, '');
  return out.sort();
}
