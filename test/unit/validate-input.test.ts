/**
 * Input the validator must survive: huge, missing, non-UTF-8 files, folders,
 * several files at once. The fixture folders cover the per-file cases
 * (empty, binary, BOM, CRLF, tabs, alias bomb).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as api from '../../src/validate/index.ts';
import { decode, MAX_RECORD_BYTES, parseRecordText, validateFiles } from '../../src/validate/index.ts';

/** A check still running after this has hung (parsing any of these bodies takes minutes or overflows the stack; the check is linear). */
const HANG_GUARD_MS = 20_000;

const RECORD = (id: string, extra = '') => `---
id: ${id}
kind: postmortem
title: T
summary: S
rootCause: { category: network, summary: C }
symptoms: { errors: [{ code: E1 }] }
${extra}---
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'precedent-validate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('public API', () => {
  test('exports', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ACTION_ITEM', 'DUPLICATE_ID', 'FILE_RULE', 'FORMATS', 'FRONTMATTER_SCHEMA', 'ID_FILENAME', 'INTERNAL_LINK',
      'MARKDOWN_BODY', 'MAX_RECORD_BYTES', 'MAX_YAML_ALIASES', 'OWNER_ROLE', 'PLACEHOLDER', 'PLACEHOLDER_MARK', 'RECORD_START', 'ROLE_WORDS_EN',
      'ROLE_WORDS_ZH', 'RULES', 'RULE_SOURCE', 'SEVERITY_LABEL', 'SYMPTOMS_MISSING', 'TIMELINE_ORDER', 'TIME_ORDER', 'UNKNOWN_FIELD',
      'actionItem', 'compareProblems', 'decode', 'displayPath', 'duplicateId', 'formatProblem', 'formatReport',
      'formatSummary', 'frontmatterSchema', 'hasErrors', 'idFilename', 'internalLink', 'listFiles', 'locate',
      'looksLikePerson', 'markdownBody', 'ownerRole', 'parseRecordText', 'placeholder', 'placeholderPaths', 'readText',
      'severityLabel', 'symptomsMissing', 'timeOrder', 'timelineOrder', 'unknownField', 'validateFiles',
    ]);
    expect(api.RULES.map((rule) => rule.id)).toEqual([
      'frontmatter-schema', 'unknown-field', 'duplicate-id', 'id-filename', 'time-order', 'timeline-order',
      'action-item', 'internal-link', 'markdown-body', 'owner-role', 'placeholder', 'symptoms-missing', 'severity-label',
    ]);
  });
});

describe('bad input', () => {
  test('a record over the size limit is refused without being parsed', async () => {
    const file = path.join(dir, 'big.md');
    await writeFile(file, RECORD('big') + 'x'.repeat(10 * 1024 * 1024));
    const { problems } = await validateFiles([file]);
    expect(problems).toEqual([
      { file: path.join(dir, 'big.md'), line: 1, column: 1, severity: 'error', message: 'File is 10 MB, over the 1 MB limit for a record', ruleId: 'precedent:file' },
    ]);
    expect(MAX_RECORD_BYTES).toBe(1024 * 1024);
  });

  test('a missing path is reported, not thrown', async () => {
    const { problems, fileCount } = await validateFiles([path.join(dir, 'nope.md')]);
    expect(fileCount).toBe(1);
    expect(problems.map((p) => [p.message, p.ruleId, p.line, p.column])).toEqual([['No such file or directory', 'precedent:file', 1, 1]]);
  });

  test('invalid UTF-8 and NUL bytes are not text', () => {
    expect(decode(Uint8Array.from([0x2d, 0xff, 0xfe]))).toEqual({ ok: false, reason: 'Not a text file (it is not valid UTF-8)' });
    expect(decode(Uint8Array.from([0x2d, 0x00]))).toEqual({ ok: false, reason: 'Not a text file (it contains NUL bytes)' });
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x2d]))).toEqual({ ok: true, text: '-' });
  });

  // Timings are for `npm run bench:body`; the test timeout is only a hang guard (the machine may be busy).
  test('absurd nesting in frontmatter is a YAML problem, not a crash', () => {
    const result = parseRecordText(`---\nid: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n`);
    expect(result.ok).toBe(false);
    expect(!result.ok && [...new Set(result.failures.map((f) => `${f.ruleId}: ${f.reason}`))]).toEqual(['yaml-syntax: Invalid YAML: nested too deeply']);
  }, HANG_GUARD_MS);

  test.each([
    ['deep quotes', `${'>'.repeat(200_000)} [x](./gone.md)\n`, 'Markdown body nested too deeply to render: block quotes more than 100 deep'],
    ['many brackets', `${'[a]('.repeat(200_000)}\n`, 'Markdown body too costly to render: over 1,000 `[` in one paragraph; put text like this in a code block'],
    ['deep list markers', `${'- '.repeat(1_000)}x\n`, 'Markdown body nested too deeply to render: lists more than 50 deep'],
    ['long table', `| a | b |\n| - | - |\n${'| x | y |\n'.repeat(1_001)}`, 'Markdown body too costly to render: a table of over 1,000 rows; split it or put it in a code block'],
  ])('a pathological body (%s) is refused before it is parsed', async (name, body, message) => {
    const file = path.join(dir, `odd-${name.replace(' ', '-')}.md`);
    await writeFile(file, `${RECORD('odd')}\n${body}`);
    const { problems } = await validateFiles([file], { ignoreRules: ['id-filename'] });
    expect(problems.map((p) => [p.line, p.column, p.severity, p.message, p.ruleId])).toEqual([[10, 1, 'error', message, 'precedent:markdown-body']]);
  }, HANG_GUARD_MS);

  test('a list indented more than 50 levels deep is refused at its 51st level', async () => {
    const file = path.join(dir, 'odd-indented-list.md');
    await writeFile(file, `${RECORD('odd')}\n${Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n`);
    const { problems } = await validateFiles([file], { ignoreRules: ['id-filename'] });
    expect(problems.map((p) => [p.line, p.message])).toEqual([[10 + 50, 'Markdown body nested too deeply to render: lists more than 50 deep']]);
  });

  test('tables of over 10,000 cells in all are refused at the cell that goes over', async () => {
    const file = path.join(dir, 'odd-cells.md');
    // Three tables of 20 columns and 200 rows (and a header): 4,020 cells each.
    const table = `|${' h |'.repeat(20)}\n|${' - |'.repeat(20)}\n${`|${' c |'.repeat(20)}\n`.repeat(200)}`;
    await writeFile(file, `${RECORD('odd')}\n${[table, table, table].join('\n')}`);
    const { problems } = await validateFiles([file], { ignoreRules: ['id-filename'] });
    // Line 10 starts the first table; each takes 202 lines and a blank one; the third goes over at its 98th row.
    expect(problems.map((p) => [p.line, p.message])).toEqual([[10 + 2 * 203 + 2 + 98 - 1, 'Markdown body too costly to render: over 10,000 table cells; split the tables or put them in code blocks']]);
  });

  test('ordinary lists and tables pass', async () => {
    const file = path.join(dir, 'ordinary-blocks.md');
    const list = Array.from({ length: 6 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    const table = `| step | who |\n| --- | --- |\n${'| restart | on-call |\n'.repeat(200)}`;
    await writeFile(file, `${RECORD('ordinary')}\n${list}\n\n1. one\n   - a\n     - b\n\n${table}`);
    const { problems } = await validateFiles([file], { ignoreRules: ['id-filename'] });
    expect(problems).toEqual([]);
  });

  test('a body with moderate nesting still has its links checked', async () => {
    const file = path.join(dir, 'nested-quote.md');
    await writeFile(file, `${RECORD('nested')}\n${'> '.repeat(50)}[x](./gone.md)\n`);
    const { problems } = await validateFiles([file], { ignoreRules: ['id-filename'] });
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([[10, 101, 'Broken link `./gone.md`, no such file']]);
  });

  test('YAML is read as the site reads it: merge keys merge, unquoted times are times', async () => {
    const file = path.join(dir, 'merge.md');
    const extra = [
      'times: { started: 2024-07-31T04:30:00+08:00, resolved: 2024-07-31T05:00:00+08:00 }',
      'impact:',
      '  summary: I',
      '  metrics:',
      '    - &m { label: a, value: 1 }',
      '    - { <<: *m, label: b }',
      '',
    ].join('\n');
    await writeFile(file, RECORD('merge', extra));
    const { problems } = await validateFiles([file], { ignoreRules: ['id-filename'] });
    expect(problems).toEqual([]);
  });

  test('frontmatter fences may carry trailing spaces; the body starts after the closing fence', () => {
    const result = parseRecordText('---  \nid: x\n--- \n\nBody\n');
    expect(result.ok && result.record.bodyLine).toBe(4);
    expect(result.ok && result.record.body).toBe('\nBody\n');
  });
});

describe('several files', () => {
  test('folders are expanded to their .md files; problems sorted by file, then position', async () => {
    const folder = path.join(dir, 'records');
    await mkdir(path.join(folder, 'nested'), { recursive: true });
    await writeFile(path.join(folder, 'b.md'), RECORD('b', 'severity: sev9\n'));
    await writeFile(path.join(folder, 'nested', 'a.md'), RECORD('a', 'severity: sev0\ntags: [X]\n'));
    await writeFile(path.join(folder, 'notes.txt'), 'not a record');
    const { problems, fileCount } = await validateFiles([folder], { cwd: dir, ignoreRules: ['id-filename'] });
    expect(fileCount).toBe(2);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.ruleId}`)).toEqual([
      'records/b.md:8:11 precedent:frontmatter-schema',
      'records/nested/a.md:8:11 precedent:frontmatter-schema',
      'records/nested/a.md:9:8 precedent:frontmatter-schema',
    ]);
  });

  test('records in recordsDir count for duplicate ids but their own problems are not reported', async () => {
    const folder = path.join(dir, 'library');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'x.md'), RECORD('same', 'severity: nope\n'));
    await writeFile(path.join(dir, 'same.md'), RECORD('same'));
    const { problems } = await validateFiles([path.join(dir, 'same.md')], { cwd: dir, recordsDir: folder });
    expect(problems).toEqual([
      {
        file: 'same.md',
        line: 2,
        column: 5,
        severity: 'error',
        message: 'Duplicate id `same`, also used in `library/x.md:2:5`',
        ruleId: 'precedent:duplicate-id',
        cause: { file: 'library/x.md', line: 2, column: 5 },
      },
    ]);
  });
});

describe('owner heuristic', () => {
  test.each([
    ['张伟', true],
    ['欧阳明', true],
    ['Jane Doe', true],
    ['Mary Ann Smith', true],
    ['@jdoe', true],
    ['运维组', false],
    ['网络团队', false],
    ['厂商', false],
    ['值班工程师', false],
    ['SRE team', false],
    ['Platform Team', false],
    ['On-call SRE', false],
    ['@acme/sre', false],
    ['DBA', false],
    ['Network Ops', false],
  ])('%s -> %s', (owner, person) => {
    expect(api.looksLikePerson(owner)).toBe(person);
  });
});
