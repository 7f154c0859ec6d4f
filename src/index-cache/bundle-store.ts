/**
 * The cached index on disk: one folder per records folder, holding the
 * fingerprint last seen (`state.json`) and one immutable folder per cache key
 * with the bundle's files exactly as `buildIndex` named them. A key folder is
 * written under a temporary name and renamed into place, so a reader never
 * sees half an index; readers go through `Matcher.load`, the same fetch-based
 * loader the site uses, so the bundle's layout is the matcher's business.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Matcher } from '../matcher/matcher.ts';
import type { IndexBundle } from '../matcher/types.ts';
import type { FileState } from './fingerprint.ts';
import { keyHash } from './key-hash.ts';

export { CACHE_DIR_ENV, defaultCacheRoot } from './cache-root.ts';

/**
 * Format of the cache (`state.json` and what its key folder holds); a
 * different one is ignored and the index rebuilt: it is part of every cache
 * key (`codeVersion`). Bump it when any of them changes.
 * 2: `problems.json` messages carry `line:column: severity:` and the rule.
 */
export const STATE_VERSION = 2;
/** The fingerprint file in a library's cache folder. */
export const STATE_FILE = 'state.json';
/** The per-file states behind `state.json`. */
export const FILES_FILE = 'files.json';
/** Records that could not be read when the index was built, kept to report them again on every call. */
export const PROBLEMS_FILE = 'problems.json';
/** The manifest `Matcher.load` starts from. */
export const MANIFEST_FILE = 'manifest.json';
/** Temporary folders older than this are left-overs of a killed build and are removed. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/** A record file that could not be read, as the record reader reported it. */
export interface CachedProblem {
  file: string;
  message: string;
}

/** `state.json`: what the records folder looked like when the index `key` was last confirmed. */
export interface CacheState {
  version: number;
  /** Absolute records folder. */
  dir: string;
  /** Epoch ms when the files were listed. */
  recordedAt: number;
  /** The listing's hash (`statFolder`): equal means nothing changed. */
  statKey: string;
  /** The content key the index is stored under. */
  key: string;
}

/** `files.json`, each file as a tuple (a third of the JSON of objects, parsed in a third of the time). */
type StoredFile = [file: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string];

/**
 * The cache folder of one records folder, named by a hash of its absolute
 * path and of the path as seen from the current directory (results name
 * files relative to it).
 */
export function libraryCacheDir(cacheRoot: string, recordsDir: string, cwd: string = process.cwd()): string {
  const absolute = path.resolve(cwd, recordsDir);
  const digest = keyHash(`${absolute}\0${path.relative(cwd, absolute)}`).slice(0, 12);
  const name = `${path.basename(absolute).replace(/[^\w.-]/g, '_').slice(0, 40)}-${digest}`;
  return path.join(cacheRoot, name);
}

/** The recorded state, or undefined when absent, unreadable or of another format. */
export function readState(libDir: string): CacheState | undefined {
  try {
    const state = JSON.parse(readFileSync(path.join(libDir, STATE_FILE), 'utf8')) as CacheState;
    return state.version === STATE_VERSION && typeof state.key === 'string' ? state : undefined;
  } catch {
    return undefined;
  }
}

/** The per-file states recorded with the state (read only when the listing changed). */
export function readFileStates(libDir: string): FileState[] {
  try {
    const stored = JSON.parse(readFileSync(path.join(libDir, FILES_FILE), 'utf8')) as StoredFile[];
    return stored.map(([file, size, mtimeMs, ctimeMs, ino, hash]) => ({ file, size, mtimeMs, ctimeMs, ino, hash }));
  } catch {
    return [];
  }
}

/** Records `state` and the file states (each written to a temporary file and renamed, so never half-written). */
export function writeState(libDir: string, state: CacheState, files: readonly FileState[]): void {
  mkdirSync(libDir, { recursive: true });
  const stored: StoredFile[] = files.map((f) => [f.file, f.size, f.mtimeMs, f.ctimeMs, f.ino, f.hash]);
  writeAtomically(path.join(libDir, FILES_FILE), JSON.stringify(stored));
  writeAtomically(path.join(libDir, STATE_FILE), JSON.stringify(state));
}

function writeAtomically(file: string, text: string): void {
  const temp = `${path.dirname(file)}${path.sep}.${path.basename(file)}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** Whether the index for `key` is on disk. */
export function hasBundle(libDir: string, key: string): boolean {
  return existsSync(path.join(libDir, key, MANIFEST_FILE));
}

/**
 * Writes `bundle` (and the load problems) as the index for `key`, then
 * removes the library's other indexes. Another process writing the same key
 * at the same time is fine: both are identical.
 */
export function writeBundle(libDir: string, key: string, bundle: IndexBundle, problems: readonly CachedProblem[]): void {
  mkdirSync(libDir, { recursive: true });
  const temp = mkdtempSync(path.join(libDir, '.tmp-'));
  try {
    const files = { ...bundle.files, [MANIFEST_FILE]: bundle.files[MANIFEST_FILE] ?? JSON.stringify(bundle.manifest) };
    for (const [name, text] of Object.entries(files)) {
      const target = path.resolve(temp, name);
      if (!target.startsWith(temp + path.sep)) throw new Error(`index file name escapes the cache folder: ${name}`);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    writeFileSync(path.join(temp, PROBLEMS_FILE), JSON.stringify(problems));
    const target = path.join(libDir, key);
    // A folder already there for this key is damaged (or `--rebuild` was asked): set it aside first.
    if (existsSync(target)) {
      try {
        renameSync(target, `${temp}-replaced`);
      } catch {
        // Another process moved it meanwhile.
      }
    }
    try {
      renameSync(temp, target);
    } catch (error) {
      if (!hasBundle(libDir, key)) throw error; // Another process put the same index in place first.
    }
    rmSync(`${temp}-replaced`, { recursive: true, force: true });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  prune(libDir, key);
}

/** Opens the index for `key` through `Matcher.load`: the core now, body files when a query needs them. */
export async function loadBundle(libDir: string, key: string): Promise<{ matcher: Matcher; problems: CachedProblem[] }> {
  const dir = path.join(libDir, key);
  const matcher = await loadIndexFolder(dir);
  let problems: CachedProblem[] = [];
  try {
    problems = JSON.parse(readFileSync(path.join(dir, PROBLEMS_FILE), 'utf8')) as CachedProblem[];
  } catch {
    // None recorded.
  }
  return { matcher, problems };
}

/**
 * A matcher over an index folder on disk (the cache's, or a built site's
 * `dist/matcher/`): `Matcher.load` with a fetch that reads files below `dir` only.
 */
export function loadIndexFolder(dir: string): Promise<Matcher> {
  const root = path.resolve(dir);
  const fetchFile = async (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let file: string;
    try {
      file = path.resolve(fileURLToPath(url));
    } catch {
      return fileResponse(400);
    }
    if (!file.startsWith(root + path.sep)) return fileResponse(403);
    try {
      return fileResponse(200, readFileSync(file));
    } catch {
      return fileResponse(404);
    }
  };
  return Matcher.load(pathToFileURL(root).href, fetchFile as typeof fetch);
}

/**
 * The part of a fetch `Response` a loader reads. Not the global `Response`:
 * its first use loads undici, which costs more start-up than reading the index.
 */
function fileResponse(status: number, body?: Buffer): Response {
  const bytes = body ?? Buffer.alloc(0);
  const response = {
    ok: status === 200,
    status,
    text: async () => bytes.toString('utf8'),
    json: async () => JSON.parse(bytes.toString('utf8')) as unknown,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    bytes: async () => new Uint8Array(bytes),
  };
  return response as unknown as Response;
}

/** Removes the library's indexes other than `keep`, and temporary folders left by killed builds. */
function prune(libDir: string, keep: string): void {
  for (const name of readdirSync(libDir)) {
    if (name === keep || name === STATE_FILE || name === FILES_FILE || /^\.(state|files)\.json\./.test(name)) continue;
    const full = path.join(libDir, name);
    try {
      if (name.startsWith('.tmp-') && Date.now() - statSync(full).mtimeMs < STALE_TEMP_MS) continue;
      rmSync(full, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}
