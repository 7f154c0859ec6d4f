/**
 * The fixture library that the other tests count, rank and name: every record
 * validates, the exported ids, order, titles and signatures agree with the
 * files, and the folder's README lists exactly its records.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Matcher, buildIndex, recordToDoc } from '../../src/matcher/index.ts';
import { loadRecords, type LoadedRecord } from '../../src/records/load.ts';
import { validateFiles } from '../../src/validate/index.ts';
import { FIXTURE, FIXTURE_LIBRARY, FIXTURE_NEWEST_FIRST, FIXTURE_SIGNATURES, FIXTURE_TITLES } from '../support/fixture-library.ts';

let records: LoadedRecord[] = [];

beforeAll(async () => {
  const loaded = await loadRecords(FIXTURE_LIBRARY);
  expect(loaded.problems).toEqual([]);
  records = loaded.records;
});

/** The site's order: newest date first, undated last, then start time, then id. */
function newestFirst(list: LoadedRecord[]): string[] {
  return [...list]
    .sort((a, b) => {
      if (a.data.date !== b.data.date) {
        if (!a.data.date) return 1;
        if (!b.data.date) return -1;
        return a.data.date < b.data.date ? 1 : -1;
      }
      return a.data.id.localeCompare(b.data.id);
    })
    .map((record) => record.data.id);
}

describe('fixture library', () => {
  it('validates with no errors', async () => {
    const { problems, fileCount } = await validateFiles([FIXTURE_LIBRARY]);
    expect(fileCount).toBe(FIXTURE_NEWEST_FIRST.length);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('holds exactly the exported records, in the exported order', () => {
    expect(newestFirst(records)).toEqual(FIXTURE_NEWEST_FIRST);
    expect(new Set(Object.values(FIXTURE))).toEqual(new Set(FIXTURE_NEWEST_FIRST));
  });

  it('has the exported titles', () => {
    expect(Object.fromEntries(records.map((record) => [record.data.id, record.data.title]))).toEqual(FIXTURE_TITLES);
  });

  it('covers what other tests need: English, an advisory with only a workaround, overdue actions, undated, a draft', () => {
    const byId = new Map(records.map((record) => [record.data.id, record.data]));
    expect(byId.get(FIXTURE.checkout)?.language).toBe('en');
    const advisory = byId.get(FIXTURE.openssl)!;
    expect([advisory.kind, Boolean(advisory.workaround), advisory.resolution]).toEqual(['advisory', true, undefined]);
    const overdue = byId.get(FIXTURE.checkout)!.actionItems.filter((item) => item.status !== 'done' && item.status !== 'wont-do' && item.due! < '2026-01-01');
    expect(overdue.map((item) => item.due)).toEqual(['2025-04-01', '2025-05-15']);
    expect(records.filter((record) => !record.data.date).map((record) => record.data.id).sort()).toEqual([FIXTURE.conntrack, FIXTURE.ndots]);
    expect(records.filter((record) => record.data.draft).map((record) => record.data.id)).toEqual([FIXTURE.kafka]);
  });

  it('finds each record first by its signature symptom', () => {
    const matcher = Matcher.fromBundle(buildIndex(records.map(recordToDoc)));
    for (const [id, query] of Object.entries(FIXTURE_SIGNATURES)) {
      expect(matcher.search(query)[0]?.id, query).toBe(id);
    }
  });

  it('is described, file by file, in its README', async () => {
    const readme = await readFile(path.join(FIXTURE_LIBRARY, 'README.markdown'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([^`]+\.md)` \| `([^`]+)` \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows.sort()).toEqual(records.map((record) => [path.basename(record.file), record.data.id]).sort());
  });
});
