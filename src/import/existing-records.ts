/**
 * What the output folder (and the library, when it is elsewhere) already
 * holds: record ids, imported source ids, file names and every record's
 * frontmatter, so an import never overwrites or duplicates a record.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isMapping } from '../records/data.ts';
import { listFiles } from '../records/list-files.ts';
import type { Problem } from '../records/problem.ts';
import { readRecordFile } from '../records/read-record.ts';
import type { LibraryRecord } from './find-existing.ts';

/** Records already in the output folder. */
export interface ExistingRecords {
  /** id → file. */
  ids: Map<string, string>;
  /** `system id` → file, for records imported before. */
  sources: Map<string, string>;
  /** File names (relative to the output folder, `/` separators). */
  files: Set<string>;
  /** Records that could not be read (a link, not UTF-8, `---js`, an alias bomb…), each at its place. */
  problems: Problem[];
  /** Every record's frontmatter, for recognising the same write-up under another id. */
  records: LibraryRecord[];
}

/** Key of an imported record's origin. */
export function sourceKey(system: string, id: string): string {
  return `${system} ${id}`;
}

/**
 * Reads every record below `dir` (file names count for `dir` only) and below
 * each of `libraryDirs`; unreadable files still count by name.
 */
export async function existingRecords(dir: string, libraryDirs: readonly string[] = []): Promise<ExistingRecords> {
  const found: ExistingRecords = { ids: new Map(), sources: new Map(), files: new Set(), problems: [], records: [] };
  const seen = new Set<string>();
  for (const folder of [dir, ...libraryDirs]) {
    if (!existsSync(folder) || seen.has(path.resolve(folder))) continue;
    seen.add(path.resolve(folder));
    await readFolder(folder, folder === dir, found);
  }
  return found;
}

async function readFolder(dir: string, isOutput: boolean, found: ExistingRecords): Promise<void> {
  for (const absolute of await listFiles([dir])) {
    // Shown as the user named the folder, so messages read `content/incidents/x.md`.
    const file = path.join(dir, path.relative(path.resolve(dir), absolute));
    if (isOutput) found.files.add(path.relative(path.resolve(dir), absolute).split(path.sep).join('/'));
    // The one reader: nothing in a record runs; a broken record is the validator's business, its name still blocks an overwrite.
    const read = await readRecordFile(absolute);
    if (isOutput) found.problems.push(...read.problems);
    const data = read.record?.data;
    if (!isMapping(data)) continue;
    found.records.push({ file: file.split(path.sep).join('/'), data });
    if (typeof data.id === 'string') found.ids.set(data.id, file);
    const source = data.source;
    if (isMapping(source) && typeof source.system === 'string' && typeof source.id === 'string') found.sources.set(sourceKey(source.system, source.id), file);
  }
}
