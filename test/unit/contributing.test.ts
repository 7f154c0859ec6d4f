/**
 * CONTRIBUTING.md stays in step with the schema: every taxonomy value is
 * documented in its own table, and the complete example record passes the
 * validator with no problem at all, as the guide claims.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/schema/record.ts';
import { ACTION_STATUSES, ACTION_TYPES, CAUSE_CATEGORIES, KINDS, PROTOCOLS, SEVERITIES, STATUSES } from '../../src/schema/taxonomy.ts';
import { validateFiles } from '../../src/validate/index.ts';
import { FIXTURE_LIBRARY } from '../support/fixture-library.ts';

const GUIDE = readFileSync('CONTRIBUTING.md', 'utf8');

/** The text of the guide from a heading to the next heading of the same or a higher level. */
function sectionOf(heading: string): string {
  const start = GUIDE.indexOf(heading);
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const rest = GUIDE.slice(start + heading.length);
  const next = new RegExp(`^#{1,${level}} `, 'm').exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

/** Values in the first column of the section's table bodies: `| \`value\` | …` (header rows skipped). */
function tableValues(section: string): string[] {
  const lines = section.split('\n');
  return lines.flatMap((line, index) => {
    const value = /^\| `([^`]+)` \|/.exec(line)?.[1];
    return value && !lines[index + 1]?.startsWith('| ---') ? [value] : [];
  });
}

describe('CONTRIBUTING.md taxonomy', () => {
  it.each([
    ['### `kind`', KINDS],
    ['### `severity`', SEVERITIES],
    ['### `status`', STATUSES],
    ['### `rootCause.category`', CAUSE_CATEGORIES],
    ['### `timeline[].type`', EVENT_TYPES],
  ] as const)('%s documents exactly the schema values, in order', (heading, values) => {
    expect(tableValues(sectionOf(heading))).toEqual([...values]);
  });

  it('documents every action item type and status, in order', () => {
    const section = sectionOf('### `actionItems[].type` and `actionItems[].status`');
    expect(tableValues(section)).toEqual([...ACTION_TYPES, ...ACTION_STATUSES]);
  });

  it('names every port protocol', () => {
    const section = sectionOf('### `symptoms.ports[].protocol`');
    for (const protocol of PROTOCOLS) expect(section).toContain(`\`${protocol}\``);
  });
});

describe('CONTRIBUTING.md example record', () => {
  const example = /^````markdown\n([\s\S]*?)\n````$/m.exec(GUIDE)?.[1];
  const fileName = /\(`content\/incidents\/([^`]+\.md)`\)/.exec(sectionOf('## A complete example'))?.[1];

  it('is there, with the file name it would have', () => {
    expect(example).toMatch(/^---\nid: /);
    expect(fileName).toBe('2026-03-04-checkout-dns-ttl-stale-after-lb-move.md');
  });

  it('passes the validator without errors or warnings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'precedent-contributing-'));
    const file = path.join(dir, fileName!);
    writeFileSync(file, `${example}\n`);
    const { problems, fileCount } = await validateFiles([file], { recordsDir: FIXTURE_LIBRARY });
    expect(fileCount).toBe(1);
    expect(problems).toEqual([]);
  });

  it('is blameless: action item owners are teams or roles', () => {
    const owners = [...example!.matchAll(/owner: ([^,}]+)/g)].map((m) => m[1]!.trim());
    expect(owners).toEqual(['network team', 'SRE team', 'SRE team']);
  });
});

describe('what validate refuses', () => {
  it('quotes the hostile fixtures’ messages exactly, one row per kind of limit', () => {
    const quoted = [...sectionOf('## What validate refuses, and why').matchAll(/`` (x\.md:.+?) ``/g)].map((m) => m[1]!.replace(/\\\|/g, '|'));
    const hostile = path.resolve('test/fixtures/hostile');
    const expected = readdirSync(hostile, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => readFileSync(path.join(hostile, entry.name, 'expected.txt'), 'utf8').split('\n').filter(Boolean))
      .map((line) => line.replace(/^[^:]+\.md:/, 'x.md:'));
    expect(quoted.length).toBeGreaterThanOrEqual(10);
    for (const line of quoted) expect(expected, line).toContain(line);
  });
});
