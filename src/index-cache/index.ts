/**
 * The matcher index cached on disk for the command-line tools: keyed by a
 * hash of the records folder's files and of the index code, rebuilt when
 * either changes, read back through the matcher's public `Matcher.load`.
 */
export { openIndex, type BuildPhase, type OpenIndexOptions, type OpenedIndex } from './open-index.ts';
export { quickStat, statFolder, contentKey, codeVersion, RACY_WINDOW_MS, type FileState, type FolderStat } from './fingerprint.ts';
export { defaultCacheRoot, libraryCacheDir, loadIndexFolder, CACHE_DIR_ENV, type CachedProblem } from './bundle-store.ts';
