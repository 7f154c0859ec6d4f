/**
 * One build of the hostile library (test/fixtures/hostile/): it fails with
 * every case's positioned error and no stack trace, runs none of the records'
 * code, and publishes no page (in particular none for the record reached
 * only through a symbolic link out of the folder).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKER_ENV, OUTSIDE_ID, writeHostileLibrary, type HostileCase } from '../fixtures/hostile/library.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

let tmp = '';
let library = '';
let cases: HostileCase[] = [];
let result: { status: number | null; output: string };

beforeAll(async () => {
  // Inside the project: the content folder is a setting relative to the project root.
  await mkdir(path.join(ROOT, 'test-output'), { recursive: true });
  tmp = await mkdtemp(path.join(ROOT, 'test-output', 'hostile-build-'));
  library = path.join(tmp, 'library');
  cases = await writeHostileLibrary(library);
  const run = spawnSync(path.join(ROOT, 'node_modules/.bin/node'), ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', path.join(tmp, 'dist')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PRECEDENT_CONTENT: path.relative(ROOT, library), [MARKER_ENV]: path.join(tmp, 'marker'), NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  result = { status: run.status, output: `${run.stdout}\n${run.stderr}` };
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('building the hostile library', () => {
  it('fails with every case’s message, as validate prints it', () => {
    expect(result.status).not.toBe(0);
    // The build names files relative to the project root.
    const shown = path.relative(ROOT, library);
    for (const c of cases) for (const line of c.expected) expect(result.output, c.name).toContain(`${shown}/${line}`);
  });

  it('prints no stack trace and runs no record’s code', () => {
    expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(existsSync(path.join(tmp, 'marker'))).toBe(false);
  });

  it('publishes nothing, not even the record behind the link', () => {
    expect(existsSync(path.join(tmp, 'dist', 'en', 'records', OUTSIDE_ID))).toBe(false);
    expect(existsSync(path.join(tmp, 'dist', 'en', 'index.html'))).toBe(false);
  });
});
