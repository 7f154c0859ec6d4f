/**
 * Checks record files and returns every problem, sorted by file and position.
 * Reads each file once, parses it once, then runs every rule; rules that look
 * across files (duplicate ids, links) see all records of the run.
 */
import { existsSync } from 'node:fs';
import { recordSchema } from '../schema/record.ts';
import { friendlyIssues } from '../schema/messages.ts';
import { isMapping } from '../records/data.ts';
import type { ParsedRecord } from '../records/frontmatter.ts';
import { listFiles } from '../records/list-files.ts';
import { locate } from '../records/locate.ts';
import { problemAt } from '../records/problem.ts';
import { MAX_RECORD_BYTES } from '../records/read-text.ts';
import { readRecordFile, type RecordFile } from '../records/read-record.ts';
import { readSeverityMaps, SEVERITY_MAPS_RULE, type SeverityMapsRead } from '../records/severity-maps.ts';
import { NO_SEVERITY_MAPS } from '../schema/severity-maps.ts';
import { RULES } from './rule-list.ts';
import type { KnownRecord, Problem } from './types.ts';

/** Options of {@link validateFiles}. */
export interface ValidateOptions {
  /** Directory paths are printed relative to. Default: `process.cwd()`. */
  cwd?: string;
  /**
   * A folder of records known to cross-file rules (duplicate ids, links to
   * `/records/<id>/`) besides the files checked; its own problems are not
   * reported. Its `severity-maps.json` is read (a problem in it is reported)
   * and the records' source labels checked against it. Default: none.
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

type Loaded = RecordFile;

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
  const maps: SeverityMapsRead = options.recordsDir ? readSeverityMaps(options.recordsDir, cwd) : { maps: NO_SEVERITY_MAPS, file: '' };
  if (maps.problem && !ignore.has(SEVERITY_MAPS_RULE)) problems.push(maps.problem);
  for (const absolute of targets) {
    const loaded = await load(absolute, cwd, options.maxBytes);
    problems.push(...loaded.problems);
    if (loaded.record) problems.push(...runRules(loaded, loaded.record, corpus, maps, ignore));
  }
  return { problems: problems.sort(compareProblems), fileCount: targets.length };
}

function load(absolute: string, cwd: string, maxBytes: number = MAX_RECORD_BYTES): Promise<Loaded> {
  return readRecordFile(absolute, { cwd, maxBytes });
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

function runRules(loaded: Loaded, record: ParsedRecord, corpus: readonly KnownRecord[], severityMaps: SeverityMapsRead, ignore: ReadonlySet<string>): Problem[] {
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
      severityMaps,
      locate: (path, target) => locate(record, path, target),
      report: ({ message, place, severity, cause }) => found.push({ ...problemAt(loaded.file, place, severity, message, rule.id), ...(cause ? { cause } : {}) }),
    });
  }
  return found;
}

/** Orders problems by file, line, column, then rule and message, so output is stable. */
export function compareProblems(a: Problem, b: Problem): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
