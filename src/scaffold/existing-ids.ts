/**
 * Ids already used by the records in a folder, so a new record gets a free
 * one (`slug`, then `slug-2`, `slug-3`, …).
 */
import { existsSync } from 'node:fs';
import { isMapping } from '../records/data.ts';
import { listFiles } from '../records/list-files.ts';
import { readRecordFile } from '../records/read-record.ts';

/** Every string `id` in the `.md` files below `dir`; unreadable files are skipped. */
export async function existingIds(dir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  if (!existsSync(dir)) return ids;
  for (const file of await listFiles([dir])) {
    const data = (await readRecordFile(file)).record?.data;
    if (isMapping(data) && typeof data.id === 'string') ids.add(data.id);
  }
  return ids;
}

/** `id` if free, else the first free `id-2`, `id-3`, …. */
export function freeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}
