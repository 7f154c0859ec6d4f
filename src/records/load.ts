/**
 * Reads every record below a folder outside Astro (matcher CLI, eval, tests):
 * the one reader, then the schema and body checks. A file that fails is
 * returned as positioned problems rather than thrown, so one bad record does
 * not hide the others, and nothing in a file can run.
 */
import type { RecordData } from '../schema/record.ts';
import { checkRecord } from './check-record.ts';
import { displayPath, listFiles } from './list-files.ts';
import type { Problem } from './problem.ts';
import { readRecordFile } from './read-record.ts';
import { configuredContentDir, DEFAULT_CONTENT_DIR } from '../config.ts';

/** The records folder when none is configured, relative to the project root (`contentDir` of precedent.config.json overrides it). */
export const CONTENT_DIR = DEFAULT_CONTENT_DIR;

/** A record read from disk. */
export interface LoadedRecord {
  /** Path of the Markdown file, relative to the current directory, with `/` separators. */
  file: string;
  /** Parsed frontmatter. */
  data: RecordData;
  /** The Markdown body, frontmatter removed. */
  body: string;
}

/** A file that could not be read as a record: where and why (`file:line:column`, message, rule). */
export type LoadProblem = Problem;

/** Every record file below `dir` (symbolic links included, to be refused), sorted, relative to the current directory. */
export async function listRecordFiles(dir: string): Promise<string[]> {
  return (await listFiles([dir])).map((file) => displayPath(file));
}

/** Reads and checks every record below `dir` (default: the configured records folder). */
export async function loadRecords(dir: string = configuredContentDir()): Promise<{ records: LoadedRecord[]; problems: LoadProblem[] }> {
  const records: LoadedRecord[] = [];
  const problems: LoadProblem[] = [];
  for (const absolute of await listFiles([dir])) {
    const read = await readRecordFile(absolute);
    if (!read.record) {
      problems.push(...read.problems);
      continue;
    }
    const checked = checkRecord(read.file, read.record);
    if (checked.ok) records.push({ file: read.file, data: checked.data, body: read.record.body });
    else problems.push(...checked.problems);
  }
  return { records, problems };
}
