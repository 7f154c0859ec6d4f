/**
 * The evaluation set is well-formed: enough queries, every expected id names a
 * fixture record or corpus document, no query is copied from its target, and
 * duplicated corpus write-ups are expected together. Needs the public corpus;
 * without it the suite is skipped with one printed line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/records/load.ts';
import { loadCorpus } from '../../scripts/lib/corpus.ts';
import { FIXTURE, FIXTURE_LIBRARY } from '../support/fixture-library.ts';
import { hasShared } from '../support/shared.ts';
import { loadEvalSet, normalizeForCopyCheck, queryLanguage, type EvalQuery } from '../../scripts/lib/eval-set.ts';

/** The smallest evaluation set worth reporting numbers on. */
const MIN_QUERIES = 60;
/** Each sample record must be the target of at least this many queries. */
const MIN_QUERIES_PER_RECORD = 3;
/** The samples the set was written for (frozen in the fixture library, beside hand-made distractors). */
const SAMPLES: string[] = [FIXTURE.scale, FIXTURE.learningspace, FIXTURE.license, FIXTURE.conntrack];

interface Target {
  /** Title(s) and summary: the text a query must not be copied from. */
  copyable: string[];
  /** Normalised long text, to find the same write-up stored twice. */
  text: string;
}

let queries: EvalQuery[];
let targets: Map<string, Target>;
let recordIds: string[];

describe.runIf(hasShared('corpus', 'evaluation set'))('evaluation set', () => {
  beforeAll(async () => {
    const corpus = loadCorpus();
    const { records, problems } = await loadRecords(FIXTURE_LIBRARY);
    expect(problems).toEqual([]);
    targets = new Map();
    for (const r of records) {
      targets.set(r.data.id, { copyable: [r.data.title, r.data.titleEn ?? '', r.data.summary].filter(Boolean), text: '' });
    }
    for (const doc of corpus) targets.set(doc.id, { copyable: [doc.title, doc.summary].filter(Boolean), text: normalizeForCopyCheck(doc.text) });
    recordIds = records.map((r) => r.data.id);
    queries = loadEvalSet();
  });

  it(`has at least ${MIN_QUERIES} queries, none repeated`, () => {
    expect(queries.length).toBeGreaterThanOrEqual(MIN_QUERIES);
    const seen = new Set<string>();
    const repeated = queries.filter((q) => {
      const key = normalizeForCopyCheck(q.query);
      const dup = seen.has(key);
      seen.add(key);
      return dup;
    });
    expect(repeated.map((q) => `line ${q.line}: ${q.query}`)).toEqual([]);
  });

  it('expects only ids that exist among the records or the corpus', () => {
    const unknown = queries.flatMap((q) => q.expect.filter((id) => !targets.has(id)).map((id) => `line ${q.line}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('has no query that is a verbatim substring of a target title or summary', () => {
    const copied = queries.flatMap((q) => {
      const typed = normalizeForCopyCheck(q.query);
      return q.expect
        .filter((id) => targets.get(id)?.copyable.some((text) => normalizeForCopyCheck(text).includes(typed)))
        .map((id) => `line ${q.line}: "${q.query}" is copied from ${id}`);
    });
    expect(copied).toEqual([]);
  });

  it('expects both copies when the corpus holds the same write-up twice', () => {
    const byText = new Map<string, string[]>();
    for (const [id, target] of targets) {
      if (target.text === '') continue;
      byText.set(target.text, [...(byText.get(target.text) ?? []), id]);
    }
    const twins = new Map<string, string[]>();
    for (const ids of byText.values()) for (const id of ids) twins.set(id, ids);
    const missing = queries.flatMap((q) =>
      q.expect.flatMap((id) => (twins.get(id) ?? []).filter((twin) => !q.expect.includes(twin)).map((twin) => `line ${q.line}: expects ${id} but not its copy ${twin}`)),
    );
    expect(missing).toEqual([]);
  });

  it(`targets every sample record with at least ${MIN_QUERIES_PER_RECORD} queries`, () => {
    const thin = SAMPLES.filter((id) => queries.filter((q) => q.expect.includes(id)).length < MIN_QUERIES_PER_RECORD);
    expect(thin).toEqual([]);
  });

  it('mixes Chinese, English and mixed queries, against both records and corpus', () => {
    const languages = new Set(queries.map((q) => queryLanguage(q.query)));
    expect([...languages].sort()).toEqual(['en', 'mixed', 'zh']);
    const onRecords = queries.filter((q) => q.expect.some((id) => recordIds.includes(id))).length;
    expect(onRecords).toBeGreaterThan(0);
    expect(queries.length - onRecords).toBeGreaterThan(0);
  });
});
