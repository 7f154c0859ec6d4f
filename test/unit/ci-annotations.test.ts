/**
 * scripts/ci-annotations.ts: validator JSON → GitHub workflow commands, so a
 * problem appears on its line in the pull request.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, parseProblems, toAnnotation } from '../../scripts/ci-annotations.ts';

const NODE = path.resolve('node_modules/.bin/node');
const SCRIPT = path.resolve('scripts/ci-annotations.ts');

function run(input: string): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'precedent-annotations-'));
  const file = path.join(dir, 'validate.json');
  writeFileSync(file, input);
  const result = spawnSync(NODE, [SCRIPT, file], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ci-annotations', () => {
  it('writes an error with file, line, column and the rule as title', () => {
    expect(
      toAnnotation({
        file: 'content/incidents/x.md',
        line: 28,
        column: 11,
        severity: 'error',
        message: 'Unexpected `sev5` for `severity`, expected one of `sev1`, `sev2`, `sev3`, `sev4`',
        ruleId: 'precedent:frontmatter-schema',
      }),
    ).toBe(
      '::error file=content/incidents/x.md,line=28,col=11,title=precedent%3Afrontmatter-schema::Unexpected `sev5` for `severity`, expected one of `sev1`, `sev2`, `sev3`, `sev4`',
    );
  });

  it('writes warnings as warnings and makes absolute paths relative to the root', () => {
    expect(
      toAnnotation(
        { file: '/repo/content/incidents/a,b.md', line: 1, column: 1, severity: 'warning', message: '50% done\nnext', ruleId: 'precedent:x' },
        '/repo',
      ),
    ).toBe('::warning file=content/incidents/a%2Cb.md,line=1,col=1,title=precedent%3Ax::50%25 done%0Anext');
  });

  it('escapes like GitHub does: data keeps `:` and `,`, properties do not', () => {
    expect(escapeData('a:b,c%\r\n')).toBe('a:b,c%25%0D%0A');
    expect(escapeProperty('a:b,c%\r\n')).toBe('a%3Ab%2Cc%25%0D%0A');
  });

  it('rejects anything that is not the validator output', () => {
    expect(() => parseProblems({})).toThrow('expected a JSON array of problems');
    expect(() => parseProblems([{ file: 'x.md', line: 1 }])).toThrow('problem 0 lacks file, line, column, severity, message or ruleId');
  });

  it('as a command: prints one line per problem and a summary, exit 1 on an error', () => {
    const result = run(
      JSON.stringify([
        { file: 'a.md', line: 3, column: 5, severity: 'error', message: 'bad', ruleId: 'precedent:r1' },
        { file: 'a.md', line: 9, column: 1, severity: 'warning', message: 'meh', ruleId: 'precedent:r2' },
      ]),
    );
    expect(result.stdout).toBe(
      '::error file=a.md,line=3,col=5,title=precedent%3Ar1::bad\n::warning file=a.md,line=9,col=1,title=precedent%3Ar2::meh\n1 errors, 1 warnings\n',
    );
    expect(result.status).toBe(1);
  });

  it('as a command: exit 0 with warnings only, exit 2 with one clear line on garbage', () => {
    expect(run('[]')).toEqual({ status: 0, stdout: '0 errors, 0 warnings\n', stderr: '' });
    const garbage = run('TypeError: boom\n    at x');
    expect(garbage.status).toBe(2);
    expect(garbage.stdout).toBe('');
    expect(garbage.stderr).toMatch(/^ci-annotations: \S+validate\.json is not validator JSON output: .+\n$/);
  });
});
