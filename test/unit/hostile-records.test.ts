/**
 * The hostile library (test/fixtures/hostile/): every case gets its exact
 * positioned error and runs no code, in the validator, the one reader, the
 * matcher CLI and the importer (which reads the records already in its output
 * folder). The valid record beside them is still read and found. The build
 * of the same library is in test/e2e/hostile-build.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/records/load.ts';
import { formatProblem } from '../../src/records/problem.ts';
import { validateFiles } from '../../src/validate/index.ts';
import { MARKER_ENV, VALID_ID, writeHostileLibrary, type HostileCase } from '../fixtures/hostile/library.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
/** A CLI still running after this is killed: a hang guard only (the machine may be busy); each case is far faster. */
const HANG_GUARD_MS = 20_000;
/** Cases the reader refuses before the schema (so the importer, which only reads ids, reports them too). */
const READ_RULES = /precedent:(file|frontmatter-missing|yaml-syntax)$/;

let tmp = '';
let library = '';
let marker = '';
let cases: HostileCase[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'precedent-hostile-'));
  library = path.join(tmp, 'library');
  marker = path.join(tmp, 'marker');
  cases = await writeHostileLibrary(library);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Every expected error line, with the file path as a tool prints it (absolute: the library is outside the project). */
function expectedLines(filter: (line: string) => boolean = () => true): string[] {
  return cases.flatMap((c) => c.expected.filter(filter).map((line) => `${library}/${line}`)).sort();
}

function nothingRan(): void {
  expect(existsSync(marker), 'a ---js record wrote its marker file').toBe(false);
  expect((globalThis as Record<string, unknown>).__precedentHostileRan).toBeUndefined();
}

function run(script: string, args: string[]) {
  const result = spawnSync(NODE, [script, ...args], {
    cwd: ROOT,
    input: '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', [MARKER_ENV]: marker },
    timeout: HANG_GUARD_MS,
    killSignal: 'SIGKILL',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, killed: result.signal !== null };
}

describe('the hostile library', { timeout: 120_000 }, () => {
  it('has a case for everything the reader must refuse', () => {
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining([
      'frontmatter-js', 'frontmatter-javascript', 'alias-cycle', 'alias-bomb', 'yaml-tag-js', 'yaml-tag-custom', 'emphasis-40kb',
      'nested-divs', 'long-id', 'long-tag', 'symlink-outside', 'not-utf8', 'over-size', 'link-protocol-relative',
    ]));
    for (const c of cases) if (c.name !== VALID_ID) expect(c.expected.length, c.name).toBeGreaterThan(0);
  });

  it('validate: every case gets exactly its errors; nothing runs', async () => {
    const { problems } = await validateFiles([library], { cwd: library });
    for (const c of cases) {
      const errors = problems.filter((p) => p.file === c.file && p.severity === 'error').map(formatProblem);
      expect(errors, c.name).toEqual(c.expected);
    }
    nothingRan();
  });

  it('the reader: only the valid record is read, every other file is a positioned problem', async () => {
    const { records, problems } = await loadRecords(library);
    expect(records.map((r) => r.data.id)).toEqual([VALID_ID]);
    expect(problems.map(formatProblem).sort()).toEqual(expectedLines());
    nothingRan();
  });

  it('match --content: prints every problem, still finds the valid record, runs nothing', () => {
    const { code, stdout, stderr, killed } = run('src/cli/match.ts', ['--json', '--content', library, 'EHOSTILE']);
    expect(killed).toBe(false);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }[]).map((r) => r.id)).toEqual([VALID_ID]);
    expect(stderr.trim().split('\n').sort()).toEqual(expectedLines());
    expect(stderr).not.toMatch(/^\s+at /m);
    nothingRan();
  });

  it('import --out: reads the library without running anything and says which records it could not read', async () => {
    const input = path.join(tmp, 'writeup.txt');
    await writeFile(input, 'Checkout failed with ECONNRESET on port 2222 after the rollout.\n');
    const { stderr, killed } = run('src/cli/import.ts', ['--dry-run', '--out', library, input]);
    expect(killed).toBe(false);
    const unread = stderr.split('\n').filter((line) => line.endsWith(' (existing record not read)')).map((line) => line.replace(/ \(existing record not read\)$/, ''));
    expect(unread.sort()).toEqual(expectedLines((line) => READ_RULES.test(line)));
    expect(stderr).not.toMatch(/^\s+at /m);
    nothingRan();
  });
});
