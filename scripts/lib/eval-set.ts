/**
 * The evaluation set: queries as a responder types them, each with the ids of
 * the records that answer it. Read from YAML (`test/eval/queries.yaml`) or
 * JSON: a list of `{ query, expect, note? }`, bare or as `{ queries: [...] }`;
 * every problem is reported with its line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isNode, isSeq, LineCounter, parseDocument } from 'yaml';
import { REPO_ROOT } from './corpus.ts';

/** The project's evaluation set. */
export const EVAL_SET_PATH = path.join(REPO_ROOT, 'test/eval/queries.yaml');
/** Symptoms no record explains (`expect: []`), for calibrating confidence. */
export const OUT_OF_LIBRARY_PATH = path.join(REPO_ROOT, 'test/eval/out-of-library.yaml');

/** One query of the evaluation set. */
export interface EvalQuery {
  /** The text as typed. */
  query: string;
  /** Ids of the records that are a correct answer; finding any one of them counts. Empty: no record answers it (out of library). */
  expect: string[];
  /** A slice of the set reported on its own, e.g. `cross-language`. */
  category?: string;
  /** Why this query, or what it tests. */
  note?: string;
  /** 1-based line of the entry in its file. */
  line: number;
}

/** The language mix of a query: Chinese only, English (or codes and numbers) only, or both. */
export type QueryLanguage = 'zh' | 'en' | 'mixed';

/** The evaluation set is not usable; `problems` lists every `file:line: message`. */
export class EvalSetError extends Error {
  override name = 'EvalSetError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

const ENTRY_KEYS = new Set(['query', 'expect', 'note', 'category']);

/** Reads and checks an evaluation set file; throws `EvalSetError` listing every problem. */
export function loadEvalSet(file: string = EVAL_SET_PATH): EvalQuery[] {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new EvalSetError([`${file}: cannot read the evaluation set (${error instanceof Error ? error.message : String(error)})`]);
  }
  return parseEvalSet(source, file);
}

/** Parses evaluation-set YAML; `file` only names the source in messages. */
export function parseEvalSet(source: string, file: string): EvalQuery[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    throw new EvalSetError(doc.errors.map((e) => `${file}:${lineOf(e.pos[0])}: ${e.message.split('\n')[0]}`));
  }
  // A bare list, or `{ queries: [...] }` (JSON sets often wrap the list); JSON parses as YAML.
  const top = doc.contents;
  const root = isMap(top) && isSeq(top.get('queries', true)) ? top.get('queries', true) : top;
  if (!isSeq(root)) throw new EvalSetError([`${file}:1: expected a list of \`{ query, expect, note? }\` entries`]);

  const problems: string[] = [];
  const queries: EvalQuery[] = [];
  root.items.forEach((item, index) => {
    const line = lineOf(isNode(item) ? item.range?.[0] : undefined);
    const where = `${file}:${line}: entry ${index + 1}`;
    if (!isMap(item)) {
      problems.push(`${where}: expected a mapping with \`query\` and \`expect\``);
      return;
    }
    const value = item.toJSON() as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      if (!ENTRY_KEYS.has(key)) problems.push(`${where}: unknown key \`${key}\`, expected \`query\`, \`expect\`, \`note\` or \`category\``);
    }
    const query = typeof value.query === 'string' ? value.query.trim() : '';
    if (query === '') problems.push(`${where}: \`query\` must be a non-empty string`);
    const expect = value.expect;
    const ids = Array.isArray(expect) ? expect : [];
    // `expect: []` written out says no record answers the query; a missing `expect` is a mistake.
    if (!Array.isArray(expect) || !ids.every((id) => typeof id === 'string' && id.trim() !== '')) {
      problems.push(`${where}: \`expect\` must be a list of record ids (\`[]\` when no record answers the query)`);
    }
    if (value.category !== undefined && (typeof value.category !== 'string' || !/^[a-z][a-z0-9-]{0,40}$/.test(value.category))) {
      problems.push(`${where}: \`category\` must be a lower-case name such as \`cross-language\``);
    }
    if (value.note !== undefined && typeof value.note !== 'string') problems.push(`${where}: \`note\` must be a string`);
    queries.push({
      query,
      expect: ids.map(String),
      ...(typeof value.note === 'string' ? { note: value.note } : {}),
      ...(typeof value.category === 'string' ? { category: value.category } : {}),
      line,
    });
  });
  if (queries.length === 0 && problems.length === 0) problems.push(`${file}:1: the evaluation set is empty`);
  if (problems.length > 0) throw new EvalSetError(problems);
  return queries;
}

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /\p{Script=Latin}{2,}/u;

/**
 * Chinese when the query has Han characters and no Latin word, mixed when it
 * has both, English otherwise (codes, ports and numbers count as English).
 */
export function queryLanguage(query: string): QueryLanguage {
  const han = HAN.test(query);
  if (!han) return 'en';
  return LATIN_WORD.test(query) ? 'mixed' : 'zh';
}

/** Lowercased, whitespace collapsed: the form in which a copied query is detected. */
export function normalizeForCopyCheck(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}
