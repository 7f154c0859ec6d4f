/**
 * Ids already used by the records in a folder, so a new record gets a free
 * one (`slug`, then `slug-2`, `slug-3`, …).
 */
import { existsSync } from 'node:fs';
import { isMapping } from '../validate/data.ts';
import { parseRecordText } from '../validate/frontmatter.ts';
import { listFiles } from '../validate/list-files.ts';
import { readText } from '../validate/read-text.ts';

/** Every string `id` in the `.md` files below `dir`; unreadable files are skipped. */
export async function existingIds(dir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  if (!existsSync(dir)) return ids;
  for (const file of await listFiles([dir])) {
    const read = await readText(file);
    if (!read.ok) continue;
    const parsed = parseRecordText(read.text);
    if (parsed.ok && isMapping(parsed.record.data) && typeof parsed.record.data.id === 'string') ids.add(parsed.record.data.id);
  }
  return ids;
}

/** `id` if free, else the first free `id-2`, `id-3`, …. */
export function freeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}
