/**
 * Reads one record file: the text (no links, size-bounded, UTF-8), the
 * frontmatter (YAML only, safely) and its body. Every reader of records goes
 * through here, so a file means the same, and is refused the same way, in
 * validate, the build, the matcher, the importer and the scaffolder.
 */
import { isMapping } from './data.ts';
import { parseRecordText, type ParsedRecord } from './frontmatter.ts';
import { displayPath } from './list-files.ts';
import { problemAt, type Problem } from './problem.ts';
import { MAX_RECORD_BYTES, readText } from './read-text.ts';

/** Rule id for files that cannot be read as text (missing, a link, binary, too large). */
export const FILE_RULE = 'file';
/** Rule id for a frontmatter that is not a mapping of fields. */
export const FRONTMATTER_SCHEMA = 'frontmatter-schema';

/** Options of {@link readRecordFile}. */
export interface ReadRecordOptions {
  /** Directory paths are printed relative to. Default: `process.cwd()`. */
  cwd?: string;
  /** Size limit in bytes. Default: {@link MAX_RECORD_BYTES}. */
  maxBytes?: number;
}

/** One record file after reading: the parsed record, or the problems that stopped it. */
export interface RecordFile {
  /** Absolute path. */
  absolute: string;
  /** Path as printed. */
  file: string;
  /** The parsed record, when the file could be read and its frontmatter parsed to a mapping. */
  record?: ParsedRecord;
  /** Why it could not be (empty when `record` is set). */
  problems: Problem[];
}

/** Reads and parses one record file; never throws for anything in the file. */
export async function readRecordFile(absolute: string, options: ReadRecordOptions = {}): Promise<RecordFile> {
  const file = displayPath(absolute, options.cwd);
  const read = await readText(absolute, options.maxBytes ?? MAX_RECORD_BYTES);
  if (!read.ok) return { absolute, file, problems: [problemAt(file, { line: 1, column: 1 }, 'error', read.reason, FILE_RULE)] };
  return parseRecordFile(absolute, file, read.text);
}

/** Parses the text of a record file already read. */
export function parseRecordFile(absolute: string, file: string, text: string): RecordFile {
  const parsed = parseRecordText(text);
  if (!parsed.ok) {
    return { absolute, file, problems: parsed.failures.map((failure) => problemAt(file, failure.place, 'error', failure.reason, failure.ruleId)) };
  }
  const { data } = parsed.record;
  if (data !== null && data !== undefined && !isMapping(data)) {
    const message = 'Expected the frontmatter to be a mapping of `field: value` lines';
    return { absolute, file, problems: [problemAt(file, { line: 2, column: 1 }, 'error', message, FRONTMATTER_SCHEMA)] };
  }
  return { absolute, file, record: parsed.record, problems: [] };
}
