/**
 * `npm run import` as a user runs it (spawned): exit codes, messages naming
 * the file (and line), no overwrite, dry run, no progress bar off a terminal.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(REPO_ROOT, 'node_modules/.bin/node');
const CLI = path.join(REPO_ROOT, 'src/cli/import.ts');
/** A hand-made Chinese announcement, dated 2023-05-10, written like the seed documents. */
const SEED = path.join(REPO_ROOT, 'test/fixtures/import-text/zh-announcement.txt');
const MALFORMED = path.join(REPO_ROOT, 'test/fixtures/import-jsonl/malformed.jsonl');

const dir = mkdtempSync(path.join(tmpdir(), 'precedent-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(NODE, [CLI, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run import', { timeout: 60_000 }, () => {
  it('exits 2 with usage when no input is given, for an unknown flag and for an unknown zone', async () => {
    const none = await importCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/import: Give at least one file or folder to import\n$/);
    const flag = await importCli([SEED, '--overwrite']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/import: Unknown option `--overwrite`\n$/);
    const zone = await importCli([SEED, '--timezone', 'Mars/Olympus']);
    expect(zone.code).toBe(2);
    expect(zone.stderr).toMatch(/import: Unknown time zone `Mars\/Olympus`, expected an IANA zone such as `Asia\/Shanghai` or `UTC`\n$/);
  });

  it('writes a draft to --out, prints its path and attention items and the summary, exits 0', async () => {
    const out = path.join(dir, 'out-ok');
    const result = await importCli([SEED, '--out', out]);
    expect(result.code).toBe(0);
    const [file] = readdirSync(out);
    expect(file).toMatch(/^2023-05-10-[a-z0-9-]+\.md$/);
    expect(result.stdout.split('\n')[0]).toBe(`wrote ${path.join(out, file!)}  (from ${SEED})`);
    expect(result.stdout).toContain('  ! timezone: assumed Asia/Shanghai (default for Chinese text)');
    expect(result.stdout.endsWith('1 file: 1 written, 0 duplicates, 0 malformed, 0 existing\n')).toBe(true);
    expect(result.stderr).not.toContain('\r');
  });

  it('never overwrites: a second run skips the record, says so, exits 1 and leaves the file as it was', async () => {
    const out = path.join(dir, 'out-twice');
    await importCli([SEED, '--out', out]);
    const [file] = readdirSync(out);
    const before = readFileSync(path.join(out, file!), 'utf8');
    const again = await importCli([SEED, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`${SEED}: existing: ${file} already exists in the output folder; not overwritten\n`);
    expect(again.stdout).toBe('1 file: 0 written, 0 duplicates, 0 malformed, 1 existing\n');
    expect(readFileSync(path.join(out, file!), 'utf8')).toBe(before);
  });

  it('--dry-run prints what would be written and writes nothing', async () => {
    const out = path.join(dir, 'out-dry');
    const result = await importCli([SEED, '--out', out, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^would write .+2023-05-10-[a-z0-9-]+\.md {2}\(from /);
    expect(result.stdout.endsWith('1 file: 1 would be written, 0 duplicates, 0 malformed, 0 existing (dry run: nothing written)\n')).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it('reports malformed JSON Lines with file and line, imports the rest, exits 1', async () => {
    const out = path.join(dir, 'out-malformed');
    const result = await importCli([MALFORMED, '--out', out]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${MALFORMED.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: malformed: not valid JSON`));
    expect(lines.slice(1)).toEqual([
      `${MALFORMED}:4: malformed: expected a JSON object`,
      `${MALFORMED}:5: malformed: field \`id\`: expected a non-empty string`,
      `${MALFORMED}:6: duplicate: duplicate of line 1 (same text): kept a1b2c3d4-0000-4000-8000-000000000001, skipped a1b2c3d4-0000-4000-8000-000000000006`,
    ]);
    expect(result.stdout.endsWith('6 lines: 2 written, 1 duplicate, 3 malformed, 0 existing\n')).toBe(true);
    expect(readdirSync(out)).toHaveLength(2);
  });

  it('names each input it cannot read: missing, binary, empty, unknown format; exits 1', async () => {
    const binary = path.join(dir, 'capture.txt');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    const empty = path.join(dir, 'empty.md');
    writeFileSync(empty, '  \n\n');
    const pdf = path.join(dir, 'report.pdf');
    writeFileSync(pdf, '%PDF-1.7');
    const missing = path.join(dir, 'nope.md');
    const out = path.join(dir, 'out-bad');
    const result = await importCli([missing, binary, empty, pdf, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        `${missing}: error: no such file or directory`,
        `${binary}: error: not a text file (it contains NUL bytes)`,
        `${empty}: error: empty file`,
        `${pdf}: error: unknown format \`.pdf\`: import reads Markdown or text (.md, .markdown, .txt, .text) and JSON Lines (.jsonl, .ndjson)`,
        '',
      ].join('\n'),
    );
    expect(result.stdout).toBe('0 files: 0 written, 0 duplicates, 0 malformed, 0 existing, 4 failed\n');
    expect(existsSync(out)).toBe(false);
  });
});
