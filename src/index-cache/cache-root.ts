/**
 * Where the command-line tools keep what they cache (indexes, checked
 * settings). Its own module so a caller that needs only the folder does not
 * load the matcher.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** Environment variable naming the cache folder. */
export const CACHE_DIR_ENV = 'PRECEDENT_INDEX_CACHE';

/**
 * The cache folder: `$PRECEDENT_INDEX_CACHE`, else `node_modules/.cache/precedent/`
 * of the nearest project above `dir`, else
 * `$XDG_CACHE_HOME/precedent/` (`~/.cache/precedent/`).
 */
export function defaultCacheRoot(dir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env[CACHE_DIR_ENV]) return path.resolve(env[CACHE_DIR_ENV]);
  for (let folder = path.resolve(dir); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'node_modules'))) return path.join(folder, 'node_modules', '.cache', 'precedent');
    if (path.dirname(folder) === folder) break;
  }
  return path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'precedent');
}
