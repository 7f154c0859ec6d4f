/**
 * Checks record files and returns every problem, sorted by file and position.
 * Reads each file once, parses it once, then runs every rule; rules that look
 * across files (duplicate ids, links) see all records of the run.
 */
import { existsSync } from 'node:fs';
import { recordSchema } from '../schema/record.ts';
import { friendlyIssues } from '../schema/messages.ts';
import { isMapping } from './data.ts';
import { parseRecordText, type ParsedRecord } from './frontmatter.ts';
import { displayPath, listFiles } from './list-files.ts';
import { locate, RECORD_START } from './locate.ts';
import { readText, MAX_RECORD_BYTES } from './read-text.ts';
import { FILE_RULE, RULES } from './rule-list.ts';
import { FRONTMATTER_SCHEMA } from './rules/frontmatter-schema.ts';
import { RULE_SOURCE, type KnownRecord, type Problem, type Severity } from './types.ts';

/** Options of {@link validateFiles}. */
export interface ValidateOptions {
  /** Directory paths are printed relative to. Default: `process.cwd()`. */
  cwd?: string;
  /**
   * A folder of records known to cross-file rules (duplicate ids, links to
   * `/records/<id>/`) besides the files checked; its own problems are not
   * reported. Default: none.
   */
  recordsDir?: string;
  /** Rule ids (without `precedent:`) to skip. Default: none. */
  ignoreRules?: readonly string[];
  /** Size limit per file in bytes. Default: {@link MAX_RECORD_BYTES}. */
  maxBytes?: number;
}

/** What a run found. */
export interface ValidateResult {
  /** Every problem, sorted by file, line, column. */
  problems: Problem[];
  /** How many files were checked. */
  fileCount: number;
}

interface Loaded {
  absolute: string;
  file: string;
  record?: ParsedRecord;
  problems: Problem[];
}

/** Checks the files and folders in `paths`. */
export async function validateFiles(paths: readonly string[], options: ValidateOptions = {}): Promise<ValidateResult> {
  const cwd = options.cwd ?? process.cwd();
  const targets = await listFiles(paths, cwd);
  const known = new Set(targets);
  const extra = options.recordsDir && existsSync(options.recordsDir) ? (await listFiles([options.recordsDir], cwd)).filter((file) => !known.has(file)) : [];
  // Two passes, one file at a time: keeping every parsed YAML tree alive at once makes garbage collection
  // grow with the square of the number of records. Reading a file twice is cheaper.
  const corpus: KnownRecord[] = [];
  for (const absolute of [...targets, ...extra]) corpus.push(knownRecord(await load(absolute, cwd, options.maxBytes)));
  const ignore = new Set(options.ignoreRules ?? []);
  const problems: Problem[] = [];
  for (const absolute of targets) {
    const loaded = await load(absolute, cwd, options.maxBytes);
    problems.push(...loaded.problems);
    if (loaded.record) problems.push(...runRules(loaded, loaded.record, corpus, ignore));
  }
  return { problems: problems.sort(compareProblems), fileCount: targets.length };
}

async function load(absolute: string, cwd: string, maxBytes: number = MAX_RECORD_BYTES): Promise<Loaded> {
  const file = displayPath(absolute, cwd);
  const read = await readText(absolute, maxBytes);
  if (!read.ok) return { absolute, file, problems: [problem(file, RECORD_START, 'error', read.reason, FILE_RULE)] };
  const parsed = parseRecordText(read.text);
  if (!parsed.ok) {
    return { absolute, file, problems: parsed.failures.map((failure) => problem(file, failure.place, 'error', failure.reason, failure.ruleId)) };
  }
  const { data } = parsed.record;
  if (data !== null && data !== undefined && !isMapping(data)) {
    const message = 'Expected the frontmatter to be a mapping of `field: value` lines';
    return { absolute, file, problems: [problem(file, { line: 2, column: 1 }, 'error', message, FRONTMATTER_SCHEMA)] };
  }
  return { absolute, file, record: parsed.record, problems: [] };
}

function knownRecord(loaded: Loaded): KnownRecord {
  const data = loaded.record?.data;
  const id = isMapping(data) && typeof data.id === 'string' ? data.id : undefined;
  return {
    file: loaded.file,
    absolute: loaded.absolute,
    id,
    idPlace: id !== undefined && loaded.record ? locate(loaded.record, ['id'], 'value') : undefined,
  };
}

function runRules(loaded: Loaded, record: ParsedRecord, corpus: readonly KnownRecord[], ignore: ReadonlySet<string>): Problem[] {
  const data = isMapping(record.data) ? record.data : {};
  const parsed = recordSchema.safeParse(data, { reportInput: true });
  const schemaIssues = parsed.success ? [] : friendlyIssues(parsed.error.issues, recordSchema);
  const found: Problem[] = [];
  for (const rule of RULES) {
    if (ignore.has(rule.id)) continue;
    rule.check({
      file: loaded.file,
      absolute: loaded.absolute,
      record,
      data,
      schemaIssues,
      corpus,
      locate: (path, target) => locate(record, path, target),
      report: ({ message, place, severity, cause }) => found.push({ ...problem(loaded.file, place, severity, message, rule.id), ...(cause ? { cause } : {}) }),
    });
  }
  return found;
}

function problem(file: string, place: { line: number; column: number }, severity: Severity, message: string, rule: string): Problem {
  return { file, line: place.line, column: place.column, severity, message, ruleId: `${RULE_SOURCE}:${rule}` };
}

/** Orders problems by file, line, column, then rule and message, so output is stable. */
export function compareProblems(a: Problem, b: Problem): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
