/**
 * What the output folder already holds: record ids, imported source ids and
 * file names, so an import never overwrites or duplicates a record.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';

/** Records already in the output folder. */
export interface ExistingRecords {
  /** id → file. */
  ids: Map<string, string>;
  /** `system id` → file, for records imported before. */
  sources: Map<string, string>;
  /** File names (relative to the folder, `/` separators). */
  files: Set<string>;
}

/** Key of an imported record's origin. */
export function sourceKey(system: string, id: string): string {
  return `${system} ${id}`;
}

/** Reads the ids of every `.md` file below `dir`; unreadable files still count by name. */
export async function existingRecords(dir: string): Promise<ExistingRecords> {
  const found: ExistingRecords = { ids: new Map(), sources: new Map(), files: new Set() };
  if (!existsSync(dir)) return found;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const file = path.join(entry.parentPath, entry.name);
    found.files.add(path.relative(dir, file).split(path.sep).join('/'));
    try {
      const data = matter(await readFile(file, 'utf8')).data as Record<string, unknown>;
      if (typeof data.id === 'string') found.ids.set(data.id, file);
      const source = data.source as Record<string, unknown> | undefined;
      if (source && typeof source.system === 'string' && typeof source.id === 'string') found.sources.set(sourceKey(source.system, source.id), file);
    } catch {
      // A broken record is the validator's business; its name still blocks an overwrite.
    }
  }
  return found;
}
