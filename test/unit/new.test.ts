/**
 * `npm run new`: ids and file names from titles, flag checks, the template
 * validating as written, the no-overwrite rule, and the CLI end to end.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { KINDS } from '../../src/schema/taxonomy.ts';
import {
  FileExistsError,
  freeId,
  recordFileName,
  recordId,
  renderRecord,
  resolveAnswers,
  slugify,
  writeNewFile,
  zoneOffset,
} from '../../src/scaffold/index.ts';
import { validateFiles } from '../../src/validate/index.ts';

const NODE = path.resolve('node_modules/.bin/node');
const CLI = path.resolve('src/cli/new.ts');
const NOW = new Date('2024-07-30T20:00:00Z'); // 2024-07-31 04:00 in Shanghai

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'precedent-new-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI without a terminal (stdin is not a TTY under spawnSync). */
function run(args: string[]) {
  const result = spawnSync(NODE, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(result.stderr).not.toMatch(/^\s+at /m);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('public API', () => {
  test('exports', async () => {
    expect(Object.keys(await import('../../src/scaffold/index.ts')).sort()).toEqual([
      'DEFAULT_CJK_LANGUAGE', 'DEFAULT_LANGUAGE', 'FileExistsError', 'MAX_SLUG_LENGTH', 'PromptCancelled', 'REQUIRED_ANSWERS',
      'ScaffoldInputError', 'askMissing', 'existingIds', 'freeId', 'isCjk', 'localTimezone', 'recordFileName', 'recordId',
      'renderRecord', 'resolveAnswers', 'shortId', 'slugify', 'today', 'writeNewFile', 'zoneOffset',
    ]);
  });
});

describe('ids and file names', () => {
  test.each([
    ['Store scale price push fails: error 266', 'store-scale-price-push-fails-error-266'],
    ['  Crème brûlée  outage!! ', 'creme-brulee-outage'],
    ['ECONNRESET on port 2222 (conntrack)', 'econnreset-on-port-2222-conntrack'],
    ['!!!', ''],
  ])('slugify(%j) = %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test('long titles are cut at a hyphen, within the limit', () => {
    const slug = slugify('a very long title about a network address translation problem that broke the price push to store scales');
    expect(slug).toBe('a-very-long-title-about-a-network-address-translation');
    expect(slug.length).toBeLessThanOrEqual(60);
  });

  test('CJK titles use the English title, else record-<shortid>', () => {
    expect(recordId('门店下秤失败 266', 'Scale price push fails', () => 'abc123')).toBe('scale-price-push-fails');
    expect(recordId('门店下秤失败 266', undefined, () => 'abc123')).toBe('record-abc123');
    expect(recordId('!!!', undefined, () => 'abc123')).toBe('record-abc123');
    expect(recordFileName({ date: '2024-07-31', id: 'record-abc123' })).toBe('2024-07-31-record-abc123.md');
  });

  test('a taken id gets the next free suffix', () => {
    expect(freeId('x', new Set())).toBe('x');
    expect(freeId('x', new Set(['x', 'x-2']))).toBe('x-3');
  });
});

describe('answers', () => {
  test('defaults: date today in the zone, language from the title', () => {
    const input = resolveAnswers({ title: '门店下秤失败', kind: 'postmortem', timezone: 'Asia/Shanghai', services: 'a, b,,' }, { now: NOW, makeShortId: () => 'abc123' });
    expect(input).toEqual({
      id: 'record-abc123',
      title: '门店下秤失败',
      titleEn: undefined,
      kind: 'postmortem',
      date: '2024-07-31',
      severity: undefined,
      services: ['a', 'b'],
      language: 'zh',
      timezone: 'Asia/Shanghai',
    });
  });

  test.each([
    [{ kind: 'postmortem' }, 'Missing required option `--title`'],
    [{ title: 'x' }, 'Missing required option `--kind`'],
    [{ title: 'x', kind: 'incident' }, 'Unexpected `incident` for `--kind`, expected one of `postmortem`, `support-case`, `known-issue`, `advisory`'],
    [{ title: 'x', kind: 'postmortem', severity: 'high' }, 'Unexpected `high` for `--severity`, expected one of `sev1`, `sev2`, `sev3`, `sev4`'],
    [{ title: 'x', kind: 'postmortem', date: '2024-02-30' }, 'Unexpected `2024-02-30` for `--date`, expected a date as `YYYY-MM-DD`'],
    [{ title: 'x', kind: 'postmortem', timezone: 'Mars/Base' }, 'Unexpected `Mars/Base` for `--timezone`, expected an IANA time zone such as `Asia/Shanghai`'],
    [{ title: 'x', kind: 'postmortem', lang: 'Chinese' }, 'Unexpected `Chinese` for `--lang`, expected a language tag such as `zh` or `en`'],
  ])('%j is refused: %s', (answers, message) => {
    expect(() => resolveAnswers(answers)).toThrow(message);
  });
});

describe('template', () => {
  test('zone offsets for the examples', () => {
    expect(zoneOffset('Asia/Shanghai', '2024-07-31')).toBe('+08:00');
    expect(zoneOffset('UTC', '2024-07-31')).toBe('+00:00');
    expect(zoneOffset('America/New_York', '2024-01-15')).toBe('-05:00');
  });

  test.each(KINDS.flatMap((kind) => [[kind, 'zh'], [kind, 'en']]))('a new %s record (%s) validates with no problem at all', async (kind, lang) => {
    const input = resolveAnswers({ title: 'Title with "quotes": and # hash', kind, lang, severity: 'sev2', services: 'svc-a,门店下秤', timezone: 'Asia/Shanghai', date: '2024-07-31' });
    const file = path.join(dir, 'template', `${kind}-${lang}`, recordFileName(input));
    await writeNewFile(file, renderRecord(input));
    const { problems } = await validateFiles([file], { recordsDir: path.dirname(file) });
    expect(problems).toEqual([]);
    const data = parseDocument((await readFile(file, 'utf8')).split('---\n')[1]!).toJS();
    expect(data).toMatchObject({ id: input.id, kind, title: 'Title with "quotes": and # hash', severity: 'sev2', services: ['svc-a', '门店下秤'], draft: true, language: lang });
  });

  test('the template names every top-level field of the schema (set or commented)', async () => {
    const { recordSchema } = await import('../../src/schema/record.ts');
    const text = renderRecord(resolveAnswers({ title: 'x', kind: 'postmortem', date: '2024-07-31', timezone: 'UTC' }));
    for (const key of Object.keys(recordSchema.shape)) expect(text, key).toMatch(new RegExp(`^#? ?${key}:`, 'm'));
  });

  test('publishing the template unchanged (draft: false) is refused by precedent:placeholder', async () => {
    const input = resolveAnswers({ title: 'Publish me', kind: 'postmortem', date: '2024-07-31', timezone: 'UTC' });
    const file = path.join(dir, 'publish', recordFileName(input));
    await writeNewFile(file, renderRecord(input).replace('draft: true', 'draft: false'));
    const { problems } = await validateFiles([file]);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}  ${p.ruleId}`)).toEqual([
      '14:10 error Unexpected template text in `summary`, replace it or keep `draft: true`  precedent:placeholder',
      '46:12 error Unexpected template text in `rootCause.summary`, replace it or keep `draft: true`  precedent:placeholder',
      '49:12 error Unexpected template text in `impact.summary`, replace it or keep `draft: true`  precedent:placeholder',
      '74:1 warning Empty `symptoms`, expected the errors, ports, figures or log lines a responder would see  precedent:symptoms-missing',
    ]);
  });

  test('writeNewFile never overwrites and leaves no temporary file', async () => {
    const file = path.join(dir, 'atomic', 'x.md');
    await writeNewFile(file, 'first');
    await expect(writeNewFile(file, 'second')).rejects.toThrow(FileExistsError);
    expect(await readFile(file, 'utf8')).toBe('first');
    expect(await readdir(path.dirname(file))).toEqual(['x.md']);
  });
});

describe('new CLI (no terminal)', () => {
  test('writes the record, prints its path; a second run refuses to overwrite', async () => {
    const out = path.join(dir, 'cli');
    const args = ['--title', 'Scale price push fails', '--kind', 'postmortem', '--date', '2024-07-31', '--severity', 'sev2', '--services', 'scale-adapter', '--lang', 'en', '--timezone', 'Asia/Shanghai', '--dir', out];
    const first = run(args);
    const file = path.join(out, '2024-07-31-scale-price-push-fails.md');
    expect(first).toEqual({ code: 0, stdout: `${file}\n`, stderr: '' });
    const written = await readFile(file, 'utf8');
    expect((await validateFiles([file])).problems).toEqual([]);

    const second = run(args);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(`new: Refusing to overwrite \`${file}\`: it already exists\n`);
    expect(await readFile(file, 'utf8')).toBe(written);
  });

  test('a CJK title without --title-en gets record-<shortid>; with it, a slug', () => {
    const out = path.join(dir, 'cli-cjk');
    const plain = run(['--title', '门店下秤失败', '--kind', 'postmortem', '--date', '2024-07-31', '--dir', out]);
    expect(plain.code).toBe(0);
    expect(path.basename(plain.stdout.trim())).toMatch(/^2024-07-31-record-[0-9a-f]{6}\.md$/);
    const named = run(['--title', '门店下秤失败', '--title-en', 'Scale push fails', '--kind', 'postmortem', '--date', '2024-07-31', '--dir', out]);
    expect(path.basename(named.stdout.trim())).toBe('2024-07-31-scale-push-fails.md');
  });

  test.each([
    [['--title', 'x'], 'new: Missing required option `--kind`'],
    [['--kind', 'postmortem'], 'new: Missing required option `--title`'],
    [['--title', 'x', '--kind', 'postmortem', '--severity', 'p1'], 'new: Unexpected `p1` for `--severity`, expected one of `sev1`, `sev2`, `sev3`, `sev4`'],
    [['--title', 'x', '--kind', 'postmortem', '--force'], 'new: Unknown option `--force`'],
  ])('%j -> usage error, exit 2, nothing written', async (args, message) => {
    const out = path.join(dir, 'cli-usage');
    const { code, stderr } = run([...args, '--dir', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('USAGE new [OPTIONS]');
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(message);
    await expect(readdir(out)).rejects.toThrow();
  });

  test('a same-id record under another file name gets the next free id', async () => {
    const out = path.join(dir, 'cli-taken');
    await writeNewFile(path.join(out, 'old.md'), '---\nid: disk-full\n---\n');
    const { code, stdout } = run(['--title', 'Disk full', '--kind', 'postmortem', '--date', '2024-07-31', '--dir', out]);
    expect(code).toBe(0);
    expect(path.basename(stdout.trim())).toBe('2024-07-31-disk-full-2.md');
    expect(await readFile(stdout.trim(), 'utf8')).toContain('\nid: disk-full-2\n');
  });
});
