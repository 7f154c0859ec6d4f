/**
 * `npm run eval` as a user runs it: JSON numbers for a small set over a
 * made-up corpus, and one clear message with exit 1 for unusable input.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/corpus.ts';

const run = promisify(execFile);
const NODE = path.join(REPO_ROOT, 'node_modules/.bin/node');
const EVAL = path.join(REPO_ROOT, 'scripts/eval.ts');

const dir = mkdtempSync(path.join(tmpdir(), 'precedent-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const corpusFile = path.join(dir, 'corpus.jsonl');
writeFileSync(
  corpusFile,
  [
    { id: 'c1', title: 'Broker upgrade stalls queue', company: 'ExampleCo', summary_original: 'Consumers dropped after an upgrade.', summary_text: 'Consumers dropped after an upgrade of the broker.' },
    { id: 'c2', title: 'Disk filled by runaway log', company: 'ExampleCo', summary_original: 'A log grew until the disk was full.', summary_text: 'A batch job log grew without bound.' },
  ]
    .map((entry) => JSON.stringify(entry))
    .join('\n'),
);

async function evalCli(args: string[], corpus = corpusFile): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(NODE, [EVAL, ...args], { cwd: REPO_ROOT, env: { ...process.env, PRECEDENT_CORPUS: corpus } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function writeSet(name: string, yaml: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, yaml);
  return file;
}

describe('npm run eval', () => {
  it('prints every system, slice and query count as JSON and exits 0', async () => {
    const set = writeSet('ok.yaml', '- query: "broker upgrade consumers"\n  expect: [icco-c1]\n- query: "log: disk full"\n  expect: [icco-c2]\n');
    const { code, stdout } = await evalCli(['--json', '--set', set]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report.systems)).toEqual(['Precedent', 'lunr', 'MiniSearch']);
    expect(report.queries).toBe(2);
    expect(report.systems.lunr.byTarget.corpus.queries).toBe(2);
    expect(report.systems.lunr.byLanguage.en.queries).toBe(2);
    expect(report.lunrParseFailures).toEqual(['log: disk full']);
  }, 60_000);

  it('names the line of an expected id that does not exist, and exits 1', async () => {
    const set = writeSet('stale.yaml', '- query: "broker upgrade"\n  expect: [icco-c1]\n- query: "x y"\n  expect: [no-such-record]\n');
    const { code, stdout, stderr } = await evalCli(['--set', set]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${path.relative(REPO_ROOT, set)}:3: unknown expected id \`no-such-record\``);
    expect(stderr).not.toContain('    at ');
  }, 60_000);

  it('says where it looked when the corpus is missing, and exits 1', async () => {
    const missing = path.join(dir, 'missing.jsonl');
    const { code, stderr } = await evalCli([], missing);
    expect(code).toBe(1);
    expect(stderr).toBe(`eval: Corpus not found at ${missing}. It is read at run time, never copied into the repo: put icco-postmortems.jsonl in ../shared/corpus/ next to the repository, or set PRECEDENT_CORPUS to its path.\n`);
  }, 60_000);

  it('rejects an unknown option with the usage', async () => {
    const { code, stderr } = await evalCli(['--nope']);
    expect(code).toBe(1);
    expect(stderr).toContain("Unknown option '--nope'");
    expect(stderr).toContain('Usage: npm run eval -- [--json] [--set <file>]');
  }, 60_000);
});
