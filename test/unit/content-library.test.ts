/**
 * The project's own library (`content/incidents/`, whatever a team has put
 * in it), tested generically: every record validates, and every record is
 * found first by its own symptoms (by its title when it lists none). Nothing
 * here counts, names or ranks particular records, so adding any number of
 * valid records keeps it green. That every record is published in both
 * languages is checked on a build, in test/e2e/content.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Matcher, buildIndex, recordToDoc } from '../../src/matcher/index.ts';
import { CONTENT_DIR, loadRecords } from '../../src/records/load.ts';
import { validateFiles } from '../../src/validate/index.ts';
import { symptomQuery } from '../support/symptom-query.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { records, problems } = await loadRecords(path.join(ROOT, CONTENT_DIR));
const matcher = Matcher.fromBundle(buildIndex(records.map(recordToDoc)));

describe(`the project library (${CONTENT_DIR})`, () => {
  it('every record reads and validates without an error', async () => {
    expect(problems).toEqual([]);
    const { problems: found } = await validateFiles([path.join(ROOT, CONTENT_DIR)], { cwd: ROOT });
    expect(found.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it.each(records.map((record) => [record.data.id, record] as const))('%s is found first by its own symptoms', (id, record) => {
    const query = symptomQuery(record.data) ?? record.data.title;
    expect(matcher.search(query)[0]?.id, query).toBe(id);
  });
});
