/**
 * Every fixture folder `test/fixtures/validate-<case>/` holds `input.md` and
 * `expected.json`: the exact problems (line, column, severity, message, rule)
 * the validator reports for it. Other `.md` files in the folder are records
 * the input may link to or clash with. Refresh with `UPDATE=1`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateFiles } from '../../src/validate/index.ts';

const FIXTURES = path.resolve('test/fixtures');
const cases = readdirSync(FIXTURES).filter((name) => name.startsWith('validate-')).sort();

describe('validate fixtures', () => {
  test('there is a fixture for every rule', () => {
    for (const rule of ['frontmatter-schema', 'unknown-field', 'yaml-syntax', 'frontmatter-missing', 'duplicate-id', 'id-filename', 'time-order', 'timeline-order', 'action-item', 'internal-link', 'owner-role', 'symptoms-missing', 'placeholder', 'severity-label']) {
      expect(cases).toContain(`validate-${rule}`);
    }
  });

  test.each(cases)('%s', async (name) => {
    const dir = path.join(FIXTURES, name);
    // The file-name rule would flag every `input.md`; it has its own fixture.
    const ignoreRules = name === 'validate-id-filename' ? [] : ['id-filename'];
    const { problems, fileCount } = await validateFiles([path.join(dir, 'input.md')], { recordsDir: dir, ignoreRules });
    expect(fileCount).toBe(1);
    const actual = problems.map(({ file, ...rest }) => {
      expect(file).toBe(`test/fixtures/${name}/input.md`);
      return rest;
    });
    const expectedFile = path.join(dir, 'expected.json');
    if (process.env.UPDATE === '1') writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
});
