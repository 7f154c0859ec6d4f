/**
 * Prints problems: one line each, `file:line:column: severity: message  rule`,
 * then a summary; or the same problems as JSON.
 */
import { formatProblem } from '../records/problem.ts';
import type { Problem } from './types.ts';

export { formatProblem };

/** Output formats of the validator. */
export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** The closing line, e.g. `2 errors, 1 warning in 5 files`. */
export function formatSummary(problems: readonly Problem[], fileCount: number): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')}`;
}

/** The whole report in a format, ending with a newline. */
export function formatReport(problems: readonly Problem[], fileCount: number, format: Format = 'text'): string {
  if (format === 'json') return `${JSON.stringify(problems, null, 2)}\n`;
  return [...problems.map(formatProblem), formatSummary(problems, fileCount)].join('\n') + '\n';
}

/** Whether any problem is an error (the run fails). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
