/**
 * A problem with a record, as data with its place: what the validator
 * prints, what the build fails with, what the CLIs report for a record
 * they skip. One shape and one printed form everywhere.
 */

/** An error fails `validate` and the build; a warning is printed only. */
export type Severity = 'error' | 'warning';

/** Prefix of every rule id, as printed: `precedent:time-order`. */
export const RULE_SOURCE = 'precedent';

/** One problem, as printed and as `validate --format json` emits it. */
export interface Problem {
  /** Path of the file, as given or relative to the current directory. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: Severity;
  message: string;
  /** `precedent:<rule>`. */
  ruleId: string;
  /** The related place elsewhere, e.g. the other record with the same id. */
  cause?: { file: string; line: number; column: number };
}

/** A problem at a place, with its rule id (without the `precedent:` prefix). */
export function problemAt(file: string, place: { line: number; column: number }, severity: Severity, message: string, rule: string): Problem {
  return { file, line: place.line, column: place.column, severity, message, ruleId: `${RULE_SOURCE}:${rule}` };
}

/** One problem as a line, e.g. `content/incidents/x.md:3:11: error: Unexpected …  precedent:frontmatter-schema`. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}  ${problem.ruleId}`;
}
