/**
 * Severity maps (`severity-maps.json` in the records folder): a record's
 * effective severity, the file's errors (one line naming file, line, column
 * and field), and `npm run validate` failing on a bad file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/records/problem.ts';
import { readSeverityMaps } from '../../src/records/severity-maps.ts';
import { effectiveSeverity, NO_SEVERITY_MAPS, severityFilterValue, SEVERITY_MAPS_FILE } from '../../src/schema/severity-maps.ts';
import { validateFiles } from '../../src/validate/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'precedent-severity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let folders = 0;
/** A records folder holding `severity-maps.json` with `text` (none when undefined). */
function folder(text?: string): string {
  const dir = path.join(work, `lib-${(folders += 1)}`);
  mkdirSync(dir);
  if (text !== undefined) writeFileSync(path.join(dir, SEVERITY_MAPS_FILE), text);
  return dir;
}

/** The one problem reading the folder's maps gives, as printed. */
function problemOf(text: string): string {
  const dir = folder(text);
  const read = readSeverityMaps(dir, dir);
  expect(read.maps).toBe(NO_SEVERITY_MAPS);
  return read.problem ? formatProblem(read.problem) : 'no problem';
}

const MAPS = readSeverityMaps(folder('{"acme-ops": {"P1": "sev1", "P2": "sev2"}, "icco": {"P1": "sev3"}}')).maps;

describe('effective severity', () => {
  test('a source label maps through its own source’s map', () => {
    expect(effectiveSeverity({ sourceSeverity: 'P2', source: { system: 'acme-ops' } }, MAPS)).toEqual({ severity: 'sev2', sourceLabel: 'P2' });
    // The same label of another source means what that source's map says.
    expect(effectiveSeverity({ sourceSeverity: 'P1', source: { system: 'icco' } }, MAPS)).toEqual({ severity: 'sev3', sourceLabel: 'P1' });
  });

  test('the record’s own severity wins over its mapped label', () => {
    expect(effectiveSeverity({ severity: 'sev4', sourceSeverity: 'P1', source: { system: 'acme-ops' } }, MAPS)).toEqual({ severity: 'sev4', sourceLabel: 'P1' });
  });

  test('a label without a map, or missing from its map, stays the source’s own label', () => {
    for (const data of [{ sourceSeverity: 'L4' }, { sourceSeverity: 'L4', source: { system: 'yonghui' } }, { sourceSeverity: 'P9', source: { system: 'acme-ops' } }]) {
      const effective = effectiveSeverity(data, MAPS);
      expect(effective).toEqual({ sourceLabel: data.sourceSeverity });
      expect(severityFilterValue(effective)).toBe(data.sourceSeverity);
    }
    expect(effectiveSeverity({ sourceSeverity: 'P1', source: { system: 'acme-ops' } }, NO_SEVERITY_MAPS)).toEqual({ sourceLabel: 'P1' });
  });

  test('a record with neither has no filter value', () => {
    expect(severityFilterValue(effectiveSeverity({}, MAPS))).toBeUndefined();
  });
});

describe('the maps file', () => {
  test('absent: no maps, no problem', () => {
    expect(readSeverityMaps(folder())).toEqual({ maps: NO_SEVERITY_MAPS, file: expect.stringContaining(SEVERITY_MAPS_FILE) });
  });

  test.each([
    ['{\n  "acme-ops": {\n    "P1": "high"\n  }\n}', '3:11: error: Unexpected `high` for `acme-ops` → `P1`, expected one of `sev1`, `sev2`, `sev3`, `sev4`'],
    ['{"acme-ops": "sev2"}', '1:14: error: Expected an object of source labels, such as {"P1": "sev2"} for `acme-ops`'],
    ['{"acme-ops": {"": "sev2"}}', '1:15: error: Expected a non-empty name in `acme-ops`'],
    ['{\n  "acme-ops": {"P1": "sev1",}\n}', '2:29: error: Not valid JSON: expected a field name in double quotes'],
    ['// maps\n{}', '1:1: error: Not valid JSON: comments are not allowed in JSON'],
    ['["sev1"]', '1:1: error: Expected an object of sources, such as {"icco/postmortems": {"P1": "sev2"}}'],
  ])('%j → one line naming file, line, column and field', (text, expected) => {
    expect(problemOf(text)).toBe(`severity-maps.json:${expected}  precedent:severity-maps`);
  });

  test('a bad file is a validation error; its records are still checked', async () => {
    const dir = folder('{"acme-ops": {"P1": "p1"}}');
    writeFileSync(path.join(dir, 'a.md'), '---\nid: a\nkind: postmortem\ntitle: A\nsummary: S\nsourceSeverity: P1\nsource: { system: acme-ops }\nrootCause: { category: network, summary: C }\nsymptoms: { errors: [{ code: E1 }] }\n---\n');
    const { problems } = await validateFiles([dir], { cwd: dir, recordsDir: dir });
    expect(problems.map(formatProblem)).toEqual([
      'severity-maps.json:1:21: error: Unexpected `p1` for `acme-ops` → `P1`, expected one of `sev1`, `sev2`, `sev3`, `sev4`  precedent:severity-maps',
    ]);
  });

  test('`npm run validate` prints the line and exits 1, without a stack trace', () => {
    const root = folder();
    const records = path.join(root, 'content', 'incidents');
    mkdirSync(records, { recursive: true });
    writeFileSync(path.join(records, SEVERITY_MAPS_FILE), '{"acme-ops": {"P1": 1}}');
    const run = spawnSync(path.resolve('node_modules/.bin/node'), [path.resolve('src/cli/validate.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, PRECEDENT_CONTENT: '', PRECEDENT_CONFIG: '' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('content/incidents/severity-maps.json:1:21: error: Unexpected `1` for `acme-ops` → `P1`, expected one of `sev1`, `sev2`, `sev3`, `sev4`  precedent:severity-maps');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
