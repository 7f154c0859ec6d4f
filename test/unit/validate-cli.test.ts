/**
 * `npm run validate` as a user runs it: output lines, summary, JSON, exit
 * codes 0 (no errors), 1 (errors), 2 (usage), and never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const NODE = path.resolve('node_modules/.bin/node');
const CLI = path.resolve('src/cli/validate.ts');

const GOOD = `---
id: good
kind: postmortem
title: Good
summary: A good record.
rootCause: { category: network, summary: NAT. }
symptoms: { errors: [{ code: '266' }] }
---
`;
const WARN = `---
id: warn
kind: postmortem
title: Warn
summary: Only a warning.
rootCause: { category: network, summary: NAT. }
---
`;
const BAD = `---
id: bad
kind: postmortem
title: Bad
summary: Two errors.
severity: sev5
severty: sev2
rootCause: { category: network, summary: NAT. }
symptoms: { errors: [{ code: '266' }] }
---
`;

let dir: string;

function run(args: string[], cwd = dir) {
  const result = spawnSync(NODE, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(result.stderr).not.toMatch(/^\s+at /m); // never a stack trace
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'precedent-validate-cli-'));
  await mkdir(path.join(dir, 'content/incidents'), { recursive: true });
  await writeFile(path.join(dir, 'content/incidents/good.md'), GOOD);
  await writeFile(path.join(dir, 'content/incidents/warn.md'), WARN);
  await writeFile(path.join(dir, 'bad.md'), BAD);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('validate CLI', () => {
  test('default: every record under content/, warnings only -> exit 0', () => {
    const { code, stdout } = run([]);
    expect(stdout).toBe(
      'content/incidents/warn.md:1:1: warning: Missing `symptoms`, expected the errors, ports, figures or log lines a responder would see  precedent:symptoms-missing\n' +
        '0 errors, 1 warning in 2 files\n',
    );
    expect(code).toBe(0);
  });

  test('errors -> every problem with line and column, a summary, exit 1', () => {
    const { code, stdout } = run(['bad.md', 'content']);
    expect(stdout).toBe(
      [
        'bad.md:6:11: error: Unexpected `sev5` for `severity`, expected one of `sev1`, `sev2`, `sev3`, `sev4`  precedent:frontmatter-schema',
        'bad.md:7:1: error: Unknown field `severty`, did you mean `severity`?  precedent:unknown-field',
        'content/incidents/warn.md:1:1: warning: Missing `symptoms`, expected the errors, ports, figures or log lines a responder would see  precedent:symptoms-missing',
        '2 errors, 1 warning in 3 files',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
  });

  test('--format json prints the problems as an array', () => {
    const { code, stdout } = run(['bad.md', '--format', 'json']);
    expect(JSON.parse(stdout)).toEqual([
      { file: 'bad.md', line: 6, column: 11, severity: 'error', message: 'Unexpected `sev5` for `severity`, expected one of `sev1`, `sev2`, `sev3`, `sev4`', ruleId: 'precedent:frontmatter-schema' },
      { file: 'bad.md', line: 7, column: 1, severity: 'error', message: 'Unknown field `severty`, did you mean `severity`?', ruleId: 'precedent:unknown-field' },
    ]);
    expect(code).toBe(1);
    expect(JSON.parse(run(['content/incidents/good.md', '--format=json']).stdout)).toEqual([]);
  });

  test('a missing path is an error of the run, not a crash', () => {
    const { code, stdout } = run(['nope.md']);
    expect(stdout).toBe('nope.md:1:1: error: No such file or directory  precedent:file\n1 error, 0 warnings in 1 file\n');
    expect(code).toBe(1);
  });

  test.each([
    [['--bogus'], 'validate: Unknown option `--bogus`'],
    [['--format', 'xml'], 'validate: Invalid value for argument: --format (xml). Expected one of: text, json.'],
  ])('usage error %j -> usage, message, exit 2', (args, message) => {
    const { code, stderr, stdout } = run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('USAGE validate [OPTIONS] [PATHS]');
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(message);
  });

  test('no content/ folder and no paths -> exit 2', () => {
    const { code, stderr } = run([], tmpdir());
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('validate: No `content/incidents/` folder here: run from the project root or pass record paths');
  });

  test('--help prints usage and exits 0', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout.split('\n').map((line) => line.trimEnd())).toEqual([
      'Check records: schema, times, links, action items. Prints every problem with its line and column. (validate)',
      '',
      'USAGE validate [OPTIONS] [PATHS]',
      '',
      'ARGUMENTS',
      '',
      '  PATHS=<paths…>    Record files or folders (default: contentDir of precedent.config.json, else content/incidents)',
      '',
      'OPTIONS',
      '',
      '  --format=<text|json>    Output format: text or json (Default: text)',
      '',
      '',
    ]);
  });
});
