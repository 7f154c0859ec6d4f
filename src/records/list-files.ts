/**
 * Expands the paths given to a reader into record files: a folder becomes
 * every `.md` file below it; a file is taken as it is, whatever its extension
 * (the author asked for it); a missing path is kept so that reading it
 * reports the problem.
 *
 * Symbolic links below a folder are listed, never followed: reading one
 * refuses it ({@link readText}), so a link to a file or folder outside the
 * records folder is an error everywhere instead of being published by one
 * tool and skipped by another.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Absolute paths of the files to read, deduplicated, sorted. */
export async function listFiles(paths: readonly string[], cwd: string = process.cwd()): Promise<string[]> {
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      for (const file of await recordFilesBelow(absolute)) files.add(file);
    } else {
      files.add(absolute);
    }
  }
  return [...files].sort();
}

/** `.md` files below `dir`, plus every symbolic link named `.md` or leading to a folder (to be refused when read). */
async function recordFilesBelow(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && entry.name.endsWith('.md')) out.push(file);
    else if (entry.isSymbolicLink() && (entry.name.endsWith('.md') || (await stat(file).catch(() => undefined))?.isDirectory())) out.push(file);
  }
  return out;
}

/** How a file is printed: relative to `cwd` with `/` separators when inside it, absolute otherwise. */
export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
