/**
 * `Matcher.relatedAll` (every record's related list in one pass, what a site
 * build asks) must give exactly the lists `related` gives record by record:
 * on the fixture library and on a synthetic library large enough for shared
 * facts, common words, twins and capped postings to occur.
 */
import { describe, expect, it } from 'vitest';
import { Matcher, buildIndex, recordToDoc, type MatchDoc } from '../../src/matcher/index.ts';
import { loadRecords } from '../../src/records/load.ts';
import { synthLibrary } from '../../scripts/lib/synth.ts';
import { FIXTURE_LIBRARY } from '../support/fixture-library.ts';

function expectSameLists(docs: MatchDoc[], limit?: number): void {
  const matcher = Matcher.fromBundle(buildIndex(docs));
  const options = limit === undefined ? {} : { limit };
  const all = matcher.relatedAll(options);
  expect([...all.keys()].sort()).toEqual(docs.map((d) => d.id).sort());
  let listed = 0;
  for (const { id } of docs) {
    expect(all.get(id), id).toEqual(matcher.related(id, options));
    listed += all.get(id)!.length;
  }
  expect(listed).toBeGreaterThan(0);
}

describe('relatedAll', () => {
  it('lists what related lists, record by record, on the fixture library', async () => {
    const { records, problems } = await loadRecords(FIXTURE_LIBRARY);
    expect(problems).toEqual([]);
    const docs = records.map(recordToDoc);
    expectSameLists(docs);
    expectSameLists(docs, 1);
  });

  it('lists what related lists on a synthetic library of 300 records', () => {
    expectSameLists(synthLibrary(300), 11);
  });

  it('is empty for an empty library', () => {
    expect(Matcher.fromBundle(buildIndex([])).relatedAll().size).toBe(0);
  });
});
