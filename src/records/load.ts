/**
 * Reads records from a folder outside Astro (CLI, matcher build, importer):
 * gray-matter for the frontmatter, the zod schema to parse it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { recordSchema, type RecordData } from '../schema/record.ts';
import { readYaml } from './read-yaml.ts';

/** The default records folder, relative to the project root. */
export const CONTENT_DIR = 'content/incidents';

/** A record read from disk. */
export interface LoadedRecord {
  /** Path of the Markdown file, relative to the current directory, with `/` separators. */
  file: string;
  /** Parsed frontmatter. */
  data: RecordData;
  /** The Markdown body, frontmatter removed. */
  body: string;
}

/** A file that could not be read as a record. */
export interface LoadProblem {
  file: string;
  message: string;
}

/** Every `.md` file below `dir`, sorted, as paths relative to the current directory. */
export async function listRecordFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => toPosix(path.relative(process.cwd(), path.join(entry.parentPath, entry.name))))
    .sort();
}

/**
 * Reads and parses every record below `dir`. Files that fail are returned as
 * problems rather than thrown, so one bad record does not hide the others.
 */
export async function loadRecords(dir: string = CONTENT_DIR): Promise<{ records: LoadedRecord[]; problems: LoadProblem[] }> {
  const records: LoadedRecord[] = [];
  const problems: LoadProblem[] = [];
  for (const file of await listRecordFiles(dir)) {
    try {
      const { data, content } = matter(await readFile(file, 'utf8'), { engines: { yaml: readYaml } });
      const parsed = recordSchema.safeParse(data);
      if (parsed.success) records.push({ file, data: parsed.data, body: content });
      else problems.push({ file, message: parsed.error.issues.map((i) => `${i.path.join('.') || '(frontmatter)'}: ${i.message}`).join('; ') });
    } catch (error) {
      problems.push({ file, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { records, problems };
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
