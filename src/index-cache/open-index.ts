/**
 * The CLI's and the MCP server's way to a matcher: the cached index when the
 * records folder and the code are as they were, else a fresh build from the
 * records, cached for the next call.
 */
import path from 'node:path';
import type { Matcher } from '../matcher/matcher.ts';
import {
  STATE_VERSION,
  defaultCacheRoot,
  hasBundle,
  libraryCacheDir,
  loadBundle,
  readFileStates,
  readState,
  writeBundle,
  writeState,
  type CachedProblem,
} from './bundle-store.ts';
import { RACY_WINDOW_MS, contentKey, quickStat, statFolder, type FolderStat } from './fingerprint.ts';

/** Build phases reported to `onProgress`. */
export type BuildPhase = 'reading' | 'preparing' | 'indexing' | 'writing';

/** Options of {@link openIndex}. */
export interface OpenIndexOptions {
  /** Records folder. */
  dir: string;
  /** Cache folder (default {@link defaultCacheRoot}). */
  cacheRoot?: string;
  /** Build even when the cache is current. */
  rebuild?: boolean;
  /** Called while building: a phase, and records done of total when known. */
  onProgress?: (phase: BuildPhase, done: number, total: number) => void;
}

/** An opened index. */
export interface OpenedIndex {
  matcher: Matcher;
  /** Record files that could not be read (reported again on every call until fixed). */
  problems: CachedProblem[];
  /** Whether the index was built by this call (cold cache, changed records or code, `rebuild`). */
  built: boolean;
  /** The cache key: a hash of the records folder's files and the index code. */
  key: string;
  /** Where the index lives. */
  cacheDir: string;
}

/** Opens the index of `dir`, building and caching it when needed. */
export async function openIndex(options: OpenIndexOptions): Promise<OpenedIndex> {
  const dir = path.resolve(options.dir);
  const libDir = libraryCacheDir(options.cacheRoot ?? defaultCacheRoot(dir), options.dir);
  const listedAt = Date.now();
  const state = readState(libDir);
  const quick = quickStat(dir);
  // The files themselves, listed again (and hashed where changed) only when the quick key differs or a state is recorded.
  let folder: FolderStat | undefined;
  let key: string;
  let changed = true;
  if (state && state.dir === dir && state.statKey === quick.statKey && quick.newestMs < state.recordedAt - RACY_WINDOW_MS) {
    key = state.key; // Nothing listed differs: no file is read.
    changed = false;
  } else {
    folder = statFolder(dir);
    const previous = state?.dir === dir ? readFileStates(libDir) : [];
    key = contentKey(dir, folder, previous, state?.recordedAt ?? 0).key;
  }
  const record = () => safe(() => {
    const listed = (folder ??= statFolder(dir));
    writeState(libDir, { version: STATE_VERSION, dir, recordedAt: listedAt, statKey: listed.statKey, key }, listed.files);
  });
  if (!options.rebuild && hasBundle(libDir, key)) {
    try {
      const { matcher, problems } = await loadBundle(libDir, key);
      if (changed) record(); // Touched but unchanged files: remember their new metadata.
      return { matcher, problems, built: false, key, cacheDir: path.join(libDir, key) };
    } catch {
      // A damaged cache entry: build again below.
    }
  }
  const progress = options.onProgress ?? (() => {});
  const [{ loadRecords }, { buildIndex, recordToDoc, Matcher }] = await Promise.all([import('../records/load.ts'), import('../matcher/index.ts')]);
  progress('reading', 0, 0);
  const { records, problems: loadProblems } = await loadRecords(options.dir);
  const docs = [];
  for (const [i, record] of records.entries()) {
    docs.push(recordToDoc(record));
    if (i % 100 === 0) progress('preparing', i, records.length);
  }
  progress('indexing', records.length, records.length);
  const bundle = buildIndex(docs);
  // The reader's positioned problem, `line:column: severity: message  rule`, printed after the file name.
  const problems = loadProblems.map((p) => ({ file: p.file, message: `${p.line}:${p.column}: ${p.severity}: ${p.message}  ${p.ruleId}` }));
  progress('writing', records.length, records.length);
  // A read-only or full disk: answer from memory; the next call builds again.
  if (safe(() => writeBundle(libDir, key, bundle, problems))) record();
  return { matcher: Matcher.fromBundle(bundle), problems, built: true, key, cacheDir: path.join(libDir, key) };
}

function safe(write: () => void): boolean {
  try {
    write();
    return true;
  } catch {
    return false;
  }
}
