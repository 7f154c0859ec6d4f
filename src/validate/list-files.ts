/**
 * Expands the paths given to the validator into record files: a folder
 * becomes every `.md` file below it; a file is taken as it is, whatever its
 * extension (the author asked for it); a missing path is kept so that reading
 * it reports the problem.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Absolute paths of the files to check, deduplicated, sorted. */
export async function listFiles(paths: readonly string[], cwd: string = process.cwd()): Promise<string[]> {
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        if (entry.isFile() && entry.name.endsWith('.md')) files.add(path.join(entry.parentPath, entry.name));
      }
    } else {
      files.add(absolute);
    }
  }
  return [...files].sort();
}

/** How a file is printed: relative to `cwd` with `/` separators when inside it, absolute otherwise. */
export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
