/**
 * The record checks every reader applies before using a record: the schema
 * (with each problem at its place) and the bounds on the Markdown body.
 * The validator runs these and more; the build, the matcher CLI and the
 * importer skip, with these messages, what does not pass them.
 */
import { friendlyIssues } from '../schema/messages.ts';
import { recordSchema, type RecordData } from '../schema/record.ts';
import { checkBodyLimits } from './body-limits.ts';
import type { ParsedRecord } from './frontmatter.ts';
import { locate } from './locate.ts';
import { problemAt, type Problem } from './problem.ts';
import { FRONTMATTER_SCHEMA } from './read-record.ts';

/** Rule id for a body the renderer cannot be trusted with. */
export const MARKDOWN_BODY = 'markdown-body';
/** Rule id for a field the schema does not know. */
export const UNKNOWN_FIELD = 'unknown-field';

/** The body problem of a parsed record, if any: the limit it goes over, at its line in the file. */
export function bodyProblem(file: string, record: ParsedRecord): Problem | undefined {
  const failure = checkBodyLimits(record.body);
  return failure && problemAt(file, { line: record.bodyLine + failure.line - 1, column: 1 }, 'error', failure.reason, MARKDOWN_BODY);
}

/** The schema's verdict on a parsed record: its data, or every problem at its place. */
export function checkRecord(file: string, record: ParsedRecord): { ok: true; data: RecordData } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const parsed = recordSchema.safeParse(record.data ?? {}, { reportInput: true });
  if (!parsed.success) {
    for (const issue of friendlyIssues(parsed.error.issues, recordSchema)) {
      const rule = issue.kind === 'unknown-field' ? UNKNOWN_FIELD : FRONTMATTER_SCHEMA;
      problems.push(problemAt(file, locate(record, issue.path, issue.kind === 'unknown-field' ? 'key' : 'value'), 'error', issue.message, rule));
    }
  }
  const body = bodyProblem(file, record);
  if (body) problems.push(body);
  return problems.length === 0 && parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems };
}
