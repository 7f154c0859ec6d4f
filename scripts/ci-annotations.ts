/**
 * Turns `npm run validate -- --format json` output into GitHub Actions
 * workflow commands, so each problem shows as an annotation on its line of
 * the pull request diff:
 *
 *   npm run -s validate -- --format json > validate.json || true
 *   node scripts/ci-annotations.ts validate.json
 *
 * Prints one `::error …::` / `::warning …::` line per problem and a summary,
 * and exits 1 when there is an error, 2 when the input is not the
 * validator's JSON (so a crashed validator never passes as "no problems").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One problem as the validator's JSON format writes it. */
export interface ValidateProblem {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  ruleId: string;
}

/** Escapes a workflow command's message (GitHub's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command property value (GitHub's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A problem as a workflow command; `file` made relative to `root` with `/` separators. */
export function toAnnotation(problem: ValidateProblem, root: string = process.cwd()): string {
  const relative = path.isAbsolute(problem.file) ? path.relative(root, problem.file) : problem.file;
  const file = relative.split(path.sep).join('/');
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${problem.line}`,
    `col=${problem.column}`,
    `title=${escapeProperty(problem.ruleId)}`,
  ].join(',');
  return `::${problem.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(problem.message)}`;
}

/** Checks that `value` is the validator's JSON output; throws a one-line reason otherwise. */
export function parseProblems(value: unknown): ValidateProblem[] {
  if (!Array.isArray(value)) throw new Error('expected a JSON array of problems');
  return value.map((item: unknown, index) => {
    const p = item as Partial<ValidateProblem> | null;
    const valid =
      p !== null &&
      typeof p === 'object' &&
      typeof p.file === 'string' &&
      Number.isInteger(p.line) &&
      Number.isInteger(p.column) &&
      (p.severity === 'error' || p.severity === 'warning') &&
      typeof p.message === 'string' &&
      typeof p.ruleId === 'string';
    if (!valid) throw new Error(`problem ${index} lacks file, line, column, severity, message or ruleId`);
    return p as ValidateProblem;
  });
}

function main(argv: string[]): number {
  const source = argv[0] ?? '/dev/stdin';
  let problems: ValidateProblem[];
  try {
    problems = parseProblems(JSON.parse(readFileSync(source, 'utf8')));
  } catch (error) {
    console.error(`ci-annotations: ${source} is not validator JSON output: ${(error as Error).message}`);
    return 2;
  }
  for (const problem of problems) console.log(toAnnotation(problem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  console.log(`${errors} errors, ${problems.length - errors} warnings`);
  return errors > 0 ? 1 : 0;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
