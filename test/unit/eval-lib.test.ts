/**
 * The evaluation's moving parts: reading an evaluation set, classifying a
 * query's language, the rank metrics, the lunr/MiniSearch baselines and the
 * report table.
 */
import { describe, expect, it } from 'vitest';
import type { MatchDoc } from '../../src/matcher/index.ts';
import { escapeLunrQuery, lunrBaseline, miniSearchBaseline } from '../../scripts/lib/eval-baselines.ts';
import { rankOf, score } from '../../scripts/lib/eval-metrics.ts';
import { buildReport, formatReport, table, type QueryOutcome } from '../../scripts/lib/eval-report.ts';
import { EvalSetError, parseEvalSet, queryLanguage } from '../../scripts/lib/eval-set.ts';
import { crossValidate, fitThresholds, type CalibrationCase } from '../../scripts/lib/eval-calibration.ts';

describe('parseEvalSet', () => {
  it('reads entries with their line numbers', () => {
    const source = '# comment\n- query: "下秤失败 266"\n  expect: [a]\n  note: typed\n- query: udp 5002\n  expect: [a, b]\n';
    expect(parseEvalSet(source, 'q.yaml')).toEqual([
      { query: '下秤失败 266', expect: ['a'], note: 'typed', line: 2 },
      { query: 'udp 5002', expect: ['a', 'b'], line: 5 },
    ]);
  });

  it('reports every broken entry with file and line', () => {
    const source = '- query: ok\n  expect: [a]\n- query: ""\n  expect: a\n- query: x\n  expect: [a]\n  expected: [b]\n';
    let error: unknown;
    try {
      parseEvalSet(source, 'q.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EvalSetError);
    expect((error as EvalSetError).problems).toEqual([
      'q.yaml:3: entry 2: `query` must be a non-empty string',
      'q.yaml:3: entry 2: `expect` must be a list of record ids (`[]` when no record answers the query)',
      'q.yaml:5: entry 3: unknown key `expected`, expected `query`, `expect`, `note` or `category`',
    ]);
  });

  it('reads `expect: []` as out of library and keeps a category', () => {
    const source = '- query: 磁带库备份失败\n  expect: []\n- query: 限流\n  expect: [a]\n  category: cross-language\n';
    expect(parseEvalSet(source, 'q.yaml')).toEqual([
      { query: '磁带库备份失败', expect: [], line: 1 },
      { query: '限流', expect: ['a'], category: 'cross-language', line: 3 },
    ]);
  });

  it('reads JSON, as a bare list or wrapped in `queries`', () => {
    const entry = { query: 'udp 5002', expect: ['a'] };
    expect(parseEvalSet(JSON.stringify([entry]), 'q.json')).toEqual([{ ...entry, line: 1 }]);
    expect(parseEvalSet(JSON.stringify({ queries: [entry] }, null, 2), 'q.json')).toEqual([{ ...entry, line: 3 }]);
  });

  it('rejects a file that is not a list', () => {
    expect(() => parseEvalSet('query: x\n', 'q.yaml')).toThrow('q.yaml:1: expected a list of `{ query, expect, note? }` entries');
  });
});

describe('queryLanguage', () => {
  it('tells Chinese, English and mixed queries apart; codes and numbers count as English', () => {
    expect(queryLanguage('5555 连接数 超过 1020')).toBe('zh');
    expect(queryLanguage('license server 连不上')).toBe('mixed');
    expect(queryLanguage('k8s service rst after idle')).toBe('en');
    expect(queryLanguage('266')).toBe('en');
    expect(queryLanguage('S3 挂了')).toBe('zh');
  });
});

describe('rank metrics', () => {
  it('ranks by the first expected id found; 0 when none is found', () => {
    expect(rankOf(['x', 'b', 'a'], ['a', 'b'])).toBe(2);
    expect(rankOf(['x', 'y'], ['a'])).toBe(0);
  });

  it('computes Recall@1, Recall@3 and MRR', () => {
    expect(score([1, 2, 4, 0])).toEqual({ recallAt1: 0.25, recallAt3: 0.5, mrr: (1 + 0.5 + 0.25) / 4, queries: 4 });
    expect(score([])).toEqual({ recallAt1: 0, recallAt3: 0, mrr: 0, queries: 0 });
  });
});

const DOCS: MatchDoc[] = [
  { id: 'a', title: 'Connection reset on idle service', kind: 'known-issue', file: 'a.md', language: 'en', summary: 'conntrack entry expired', tags: [], services: [], text: 'send result: Connection reset by peer' },
  { id: 'b', title: 'Scale price push fails', kind: 'postmortem', file: 'b.md', language: 'en', summary: 'error 266 on udp 5002', tags: [], services: [], text: 'NAT rewrote the source port' },
];

describe('baselines', () => {
  it('escapes lunr query syntax and turns hyphens into separators', () => {
    expect(escapeLunrQuery('send result: reset +x ^2 ~1 a*b us-east-1')).toBe('send result\\: reset \\+x \\^2 \\~1 a\\*b us east 1');
  });

  it('lunr counts a query its parser rejects and still answers it escaped', () => {
    const lunr = lunrBaseline(DOCS);
    expect(lunr.search('result: reset', 10)).toEqual(['a']);
    expect(lunr.parseFailures).toEqual(['result: reset']);
    expect(lunr.search('udp 5002', 10)).toEqual(['b']);
    expect(lunr.parseFailures).toEqual(['result: reset']);
  });

  it('MiniSearch answers with document ids, best first', () => {
    expect(miniSearchBaseline(DOCS).search('source port nat', 10)).toEqual(['b']);
  });
});

describe('report', () => {
  it('scores each system overall and per slice, and lists the first system misses', () => {
    const outcome = (query: string, language: 'zh' | 'en', target: 'seeds' | 'corpus', p: number, l: number): QueryOutcome => ({
      query: { query, expect: ['a'], line: 1 },
      language,
      target,
      ranks: { P: p, L: l },
      top: [{ id: 'z', title: 'Z' }],
    });
    const report = buildReport([outcome('q1', 'zh', 'seeds', 1, 0), outcome('q2', 'en', 'corpus', 2, 1)], ['P', 'L'], 5, []);
    expect(report.systems.P!.overall).toEqual({ recallAt1: 0.5, recallAt3: 1, mrr: 0.75, queries: 2 });
    expect(report.systems.L!.byLanguage.zh).toEqual({ recallAt1: 0, recallAt3: 0, mrr: 0, queries: 1 });
    expect(report.systems.P!.byTarget.corpus).toEqual({ recallAt1: 0, recallAt3: 1, mrr: 0.5, queries: 1 });
    expect(report.systems.P!.byLanguage.mixed.queries).toBe(0);
    expect(report.misses).toEqual([{ query: 'q2', line: 1, expect: ['a'], rank: 2, top: [{ id: 'z', title: 'Z' }] }]);
    expect(report.errors).toEqual([]);
  });

  it('prints aligned tables', () => {
    expect(table(['system', 'MRR'], [['lunr', '0.5'], ['Precedent', '1.000']])).toBe(
      ['system    | MRR', '----------|------', 'lunr      | 0.5', 'Precedent | 1.000'].join('\n'),
    );
  });

  it('prints the summary table, lunr parse failures, failed searches and misses with their top results', () => {
    const outcome: QueryOutcome = {
      query: { query: 'udp 5002', expect: ['a'], line: 7 },
      language: 'en',
      target: 'seeds',
      ranks: { P: 0, L: 1 },
      top: [{ id: 'z', title: 'Z title' }],
    };
    const text = formatReport(
      buildReport([outcome], ['P', 'L'], 3, ['a: b'], [{ system: 'P', query: 'udp 5002', line: 7, message: 'boom' }]),
      'q.yaml',
    );
    expect(text.split('\n').slice(0, 6)).toEqual([
      'Evaluation set q.yaml: 1 queries over 3 documents',
      '',
      'system | Recall@1 | Recall@3 | MRR   | queries',
      '-------|----------|----------|-------|--------',
      'P      | 0.000    | 0.000    | 0.000 | 1',
      'L      | 1.000    | 1.000    | 1.000 | 1',
    ]);
    expect(text).toContain('lunr could not parse 1 of 1 queries as typed (run escaped instead)\n  "a: b"');
    expect(text).toContain('Searches that threw (counted as not found): 1\n  P, line 7: "udp 5002": boom');
    expect(text).toContain('P misses (expected record not at rank 1): 1\n  line 7: "udp 5002"  expected a  (rank not in top results)\n      1. z  Z title');
  });
});

describe('confidence cross-validation', () => {
  // Right answers carry a heavy rare fact; wrong and out-of-library tops a light one.
  const evidence = (bestFact: number) => [{ raw: bestFact + 1, evidence: { facts: bestFact, bestFact, textRaw: 0, specific: 0 } }];
  const cases: CalibrationCase[] = Array.from({ length: 40 }, (_, i) =>
    i % 4 === 3
      ? { answerable: false, right: false, confidence: 'likely' as const, evidence: evidence(1.6) }
      : { answerable: true, right: i % 4 !== 2, confidence: 'likely' as const, evidence: evidence(i % 4 === 2 ? 1.6 : 2.6) },
  );

  it('fits the loosest thresholds that keep strong tops right and out-of-library tops not strong', () => {
    expect(fitThresholds(cases).factWeight).toBe(2);
  });

  it('scores each half with the thresholds fitted on the other', () => {
    const folds = crossValidate(cases);
    expect(folds.map((f) => f.fittedOn)).toEqual(['even', 'odd']);
    // Odd positions hold the right answers and the out-of-library queries; even ones right and wrong answers.
    expect(folds.map((f) => [f.heldOut.strongPrecision, f.heldOut.answerableStrong, f.heldOut.outOfLibraryStrong])).toEqual([[1, 1, 0], [1, 0.5, 0]]);
  });
});
