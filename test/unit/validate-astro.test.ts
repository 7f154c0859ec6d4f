/**
 * The Astro integration: on build, invalid records stop the build with the
 * validator's messages; warnings are logged; in dev nothing stops.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import validateRecords from '../../src/validate/astro-integration.ts';

const BAD = `---
id: bad
kind: postmortem
title: Bad
summary: S
severity: sev5
rootCause: { category: network, summary: C }
---
`;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'precedent-astro-'));
  await mkdir(path.join(root, 'content/incidents'), { recursive: true });
  await writeFile(path.join(root, 'content/incidents/bad.md'), BAD);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function setup(command: 'build' | 'dev') {
  const logs: string[] = [];
  const updates: unknown[] = [];
  const logger = {
    info: (m: string) => logs.push(`info ${m}`),
    warn: (m: string) => logs.push(`warn ${m}`),
    error: (m: string) => logs.push(`error ${m}`),
  };
  const hook = validateRecords().hooks['astro:config:setup'] as (options: unknown) => Promise<void>;
  const run = () => hook({ config: { root: pathToFileURL(`${root}/`) }, command, logger, updateConfig: (c: unknown) => updates.push(c) });
  return { run, logs, updates };
}

describe('astro integration', () => {
  test('build: errors throw an AstroError listing them; warnings are logged', async () => {
    const { run, logs, updates } = setup('build');
    const error = await run().then(
      () => undefined,
      (e: unknown) => e as { name: string; message: string; hint: string },
    );
    expect(error?.name).toBe('AstroUserError');
    expect(error?.message).toBe(
      'Invalid records: 1 error, 1 warning in 1 file\n' +
        'content/incidents/bad.md:6:11: error: Unexpected `sev5` for `severity`, expected one of `sev1`, `sev2`, `sev3`, `sev4`  precedent:frontmatter-schema',
    );
    expect(error?.hint).toBe('Fix the records above; `npm run validate` prints the same list.');
    expect(logs).toContain('warn content/incidents/bad.md:1:1: warning: Missing `symptoms`, expected the errors, ports, figures or log lines a responder would see  precedent:symptoms-missing');
    expect(logs.filter((line) => line.startsWith('error'))).toEqual([]);
    expect(updates).toEqual([{ experimental: { contentIntellisense: true } }]);
  });

  test('dev: errors are logged, nothing throws', async () => {
    const { run, logs } = setup('dev');
    await expect(run()).resolves.toBeUndefined();
    expect(logs).toContain('error content/incidents/bad.md:6:11: error: Unexpected `sev5` for `severity`, expected one of `sev1`, `sev2`, `sev3`, `sev4`  precedent:frontmatter-schema');
    expect(logs.at(-1)).toBe('error 1 error, 1 warning in 1 file; the site may show broken records until they are fixed');
  });
});
