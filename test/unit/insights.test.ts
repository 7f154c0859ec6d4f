/**
 * Insights figures and charts: per month by kind, by cause and service,
 * medians per quarter, follow-up completion, repeats from the matcher's
 * related list; static SVG whose colours follow the page's CSS variables.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeInsights, TOP_SERVICES, WINDOW_MONTHS, type InsightSource } from '../../src/insights/compute.ts';
import { median, monthRange, quarterOf, quarterRange } from '../../src/insights/periods.ts';
import { findRepeats, REPEAT_MIN_FACTS } from '../../src/insights/repeats.ts';
import { renderChart } from '../../src/insights/render-chart.ts';
import { FURNITURE_COLORS, SERIES_COLORS, cssVariableFor } from '../../src/insights/chart-colors.ts';
import { insightCharts } from '../../src/site/insight-charts.ts';
import { FOLLOW_STRINGS } from '../../src/i18n/follow-strings.ts';
import { loadRecords } from '../../src/records/load.ts';
import { buildIndex, Matcher, recordToDoc, type MatchResult } from '../../src/matcher/index.ts';
import { synthRecordFiles } from '../../scripts/lib/synth-follow-library.ts';
import { FIXTURE, FIXTURE_LIBRARY } from '../support/fixture-library.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

function source(id: string, data: Partial<InsightSource['data']> & { date?: string }): InsightSource {
  return {
    id,
    data: {
      kind: 'postmortem',
      title: id,
      draft: false,
      times: {},
      services: [],
      rootCause: { category: 'network', summary: 'x' },
      actionItems: [],
      ...data,
    },
  };
}

const at = (text: string) => new Date(text);

describe('periods', () => {
  test('months and quarters, inclusive, across a year end', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(quarterRange('2024-Q4', '2025-Q2')).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    expect(quarterOf('2025-03-31')).toBe('2025-Q1');
    expect(quarterOf('2025-10-01T00:00:00Z')).toBe('2025-Q4');
  });

  test('median', () => {
    expect(median([])).toBeUndefined();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('computeInsights', () => {
  const records = [
    source('a', { date: '2025-01-05', kind: 'postmortem', services: ['api', 'db'], times: { started: at('2025-01-05T10:00:00Z'), detected: at('2025-01-05T10:10:00Z'), resolved: at('2025-01-05T11:00:00Z') }, actionItems: [{ title: 't', type: 'detect', status: 'done' }, { title: 't', type: 'prevent', status: 'open' }] }),
    source('b', { date: '2025-01-20', kind: 'advisory', services: ['api'], rootCause: { category: 'capacity', summary: 'x' }, times: { started: at('2025-01-20T10:00:00Z'), detected: at('2025-01-20T10:30:00Z'), mitigated: at('2025-01-20T10:40:00Z') } }),
    source('c', { date: '2025-04-02', kind: 'postmortem', services: ['db'], times: { started: at('2025-04-02T00:00:00Z'), detected: at('2025-04-02T00:04:00Z') }, actionItems: [{ title: 't', type: 'process', status: 'wont-do' }] }),
    source('undated', { kind: 'known-issue', services: ['api'], rootCause: { category: 'software-bug', summary: 'x' } }),
  ];
  const data = computeInsights(records);

  test('records per month by kind, empty months as zero', () => {
    expect(data.total).toBe(4);
    expect(data.dated).toBe(3);
    expect(data.perMonth.map((row) => [row.month, row.total, row.byKind.postmortem, row.byKind.advisory])).toEqual([
      ['2025-01', 2, 1, 1],
      ['2025-02', 0, 0, 0],
      ['2025-03', 0, 0, 0],
      ['2025-04', 1, 1, 0],
    ]);
  });

  test('by root cause in taxonomy order, by service most first; undated records count', () => {
    expect(data.byCategory).toEqual([
      { category: 'software-bug', count: 1 },
      { category: 'capacity', count: 1 },
      { category: 'network', count: 2 },
    ]);
    expect(data.byService).toEqual([
      { service: 'api', count: 3 },
      { service: 'db', count: 2 },
    ]);
  });

  test('services past the top ones are summed', () => {
    const many = Array.from({ length: TOP_SERVICES + 3 }, (_, i) => source(`s${i}`, { date: '2025-01-01', services: [`svc-${String(i).padStart(2, '0')}`] }));
    const result = computeInsights(many);
    expect(result.byService).toHaveLength(TOP_SERVICES);
    expect(result.otherServices).toEqual({ services: 3, count: 3 });
  });

  test('median minutes to detect and to recover per quarter of the start', () => {
    expect(data.timeToX).toEqual([
      { quarter: '2025-Q1', detectMinutes: 20, detectCount: 2, recoverMinutes: 50, recoverCount: 2 },
      { quarter: '2025-Q2', detectMinutes: 4, detectCount: 1, recoverMinutes: undefined, recoverCount: 0 },
    ]);
  });

  test('follow-up completion: per quarter by status, and closed share overall', () => {
    expect(data.followUps.map((row) => [row.quarter, row.total, row.byStatus.done, row.byStatus.open, row.byStatus['wont-do']])).toEqual([
      ['2025-Q1', 2, 1, 1, 0],
      ['2025-Q2', 1, 0, 0, 1],
    ]);
    expect(data.followUpTotals.total).toBe(3);
    expect(data.followUpTotals.completion).toBeCloseTo(2 / 3);
  });

  test(`time axes cover at most ${WINDOW_MONTHS} months up to the newest record; causes count every record`, () => {
    const old = source('old', { date: '2019-06-01', rootCause: { category: 'hardware', summary: 'x' }, actionItems: [{ title: 't', type: 'detect', status: 'open' }] });
    const result = computeInsights([old, ...records]);
    expect(result.since).toBe('2022-05');
    expect(result.perMonth[0]!.month).toBe('2022-05');
    expect(result.perMonth).toHaveLength(WINDOW_MONTHS);
    expect(result.inWindow).toBe(3);
    expect(result.dated).toBe(4);
    expect(result.byCategory.find((row) => row.category === 'hardware')).toEqual({ category: 'hardware', count: 1 });
    expect(result.followUps.reduce((sum, row) => sum + row.total, 0)).toBe(3);
    expect(result.followUpTotals.total).toBe(4);
  });

  test('an empty library has nothing to chart', () => {
    const empty = computeInsights([]);
    expect(empty.perMonth).toEqual([]);
    expect(insightCharts(empty, 'en')).toEqual([]);
  });
});

describe('repeats', () => {
  const result = (id: string, reasons: [string, string, string][]): MatchResult =>
    ({ id, title: id, kind: 'postmortem', file: `${id}.md`, score: 50, reasons: reasons.map(([type, label, where]) => ({ type, label, query: label, matched: label, where, weight: 1 })) }) as MatchResult;
  const related = (lists: Record<string, MatchResult[]>) => (id: string) => lists[id] ?? [];

  test(`a repeat shares at least ${REPEAT_MIN_FACTS} symptom facts with an earlier record; words do not count`, () => {
    const records = [
      { id: 'first', date: '2025-01-01' },
      { id: 'again', date: '2025-02-01' },
      { id: 'wordy', date: '2025-03-01' },
      { id: 'weak', date: '2025-04-01' },
    ];
    const lists = {
      first: [result('again', [['code', 'error code 266', 'symptom'], ['port', 'port 5002/udp', 'symptom']])],
      again: [result('first', [['code', 'error code 266', 'symptom'], ['port', 'port 5002/udp', 'symptom'], ['code', 'error code 266', 'symptom']])],
      wordy: [result('first', [['text', 'words “nat”', 'symptom'], ['text', 'words “scale”', 'symptom'], ['text', 'words', 'body']])],
      weak: [result('first', [['code', 'error code 266', 'symptom'], ['identifier', 'Calico', 'body']])],
    };
    expect(findRepeats(records, related(lists))).toEqual([
      { id: 'again', date: '2025-02-01', earlierId: 'first', earlierDate: '2025-01-01', shared: ['error code 266', 'port 5002/udp'] },
    ]);
  });

  test('on a synthetic library, records of one failure mode repeat the earliest of them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'precedent-insights-'));
    try {
      for (const file of synthRecordFiles(40)) await writeFile(path.join(dir, file.name), file.text);
      const { records, problems } = await loadRecords(dir);
      expect(problems).toEqual([]);
      const matcher = Matcher.fromBundle(buildIndex(records.map(recordToDoc)));
      const data = computeInsights(records.map((r) => ({ id: r.data.id, data: r.data })), (id, options) => matcher.related(id, options));
      expect(data.repeats.length).toBeGreaterThan(0);
      expect(data.repeats.length).toBeLessThan(40);
      const mode = (id: string) => id.replace(/^synth-\d+-/, '');
      for (const pair of data.repeats) {
        expect(mode(pair.earlierId)).toBe(mode(pair.id));
        expect(pair.earlierDate <= pair.date).toBe(true);
        expect(pair.shared.length).toBeGreaterThanOrEqual(REPEAT_MIN_FACTS);
      }
      expect(data.repeatsPerQuarter.reduce((sum, row) => sum + row.repeats, 0)).toBe(data.repeats.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('in the fixture library nothing repeats the scale postmortem by words alone', async () => {
    const { records } = await loadRecords(FIXTURE_LIBRARY);
    const matcher = Matcher.fromBundle(buildIndex(records.map(recordToDoc)));
    const data = computeInsights(records.map((r) => ({ id: r.data.id, data: r.data })), (id, options) => matcher.related(id, options));
    expect(data.repeats.filter((pair) => pair.earlierId === FIXTURE.scale)).toEqual([]);
  });
});

describe('charts', () => {
  const spec = { type: 'bar' as const, stacked: true, categories: ['2025-01', '<b>2025-02</b>'], series: [{ name: 'A & B', data: [1, 2] }, { name: 'C', data: [0, 3] }] };

  test('static SVG: no script, no hover styles, no ECharts bookkeeping, sized by its viewBox, text escaped', () => {
    const svg = renderChart(spec);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/viewBox="0 0 640 320"/);
    expect(svg).not.toMatch(/<svg[^>]* width=/);
    expect(svg).not.toMatch(/<style|<script|ecmeta_|zr\d+-cls/);
    expect(svg).toContain('&lt;b&gt;2025-02&lt;/b&gt;');
    expect(svg).toContain('A &amp; B');
  });

  test('draws with the stand-in colours only, so CSS can repaint every one', () => {
    const svg = renderChart(spec);
    const colours = new Set([...svg.matchAll(/(?:fill|stroke)="(#[0-9a-f]{6})"/gi)].map((m) => m[1]!.toLowerCase()));
    expect(colours.size).toBeGreaterThan(0);
    for (const colour of colours) expect(cssVariableFor(colour), colour).toBeDefined();
  });

  test('charts.css repaints every stand-in with its variable, fill and stroke', () => {
    const css = readFileSync('src/styles/charts.css', 'utf8');
    for (const colour of [...SERIES_COLORS, ...Object.values(FURNITURE_COLORS)]) {
      const variable = cssVariableFor(colour)!;
      expect(css).toContain(`.chart svg [fill="${colour}"] {\n  fill: var(${variable});\n}`);
      expect(css).toContain(`.chart svg [stroke="${colour}"] {\n  stroke: var(${variable});\n}`);
      expect(css).toMatch(new RegExp(`\\${variable}:`));
    }
  });

  test('six charts, each with a text alternative and a data table, in both languages', () => {
    const records = [
      source('a', { date: '2025-01-05', services: ['api'], times: { started: at('2025-01-05T10:00:00Z'), detected: at('2025-01-05T10:10:00Z'), resolved: at('2025-01-05T11:00:00Z') }, actionItems: [{ title: 't', type: 'detect', status: 'done' }] }),
      source('b', { date: '2025-05-20', kind: 'advisory', services: ['db'] }),
    ];
    for (const lang of ['zh', 'en'] as const) {
      const charts = insightCharts(computeInsights(records, () => []), lang);
      expect(charts.map((c) => c.id)).toEqual(['per-month', 'by-category', 'by-service', 'time-to-detect-recover', 'follow-up-completion', 'repeat-incidents']);
      for (const chart of charts) {
        expect(chart.alt.length).toBeGreaterThan(10);
        expect(chart.alt).not.toMatch(/\{\w+\}/);
        expect(chart.table.rows.length).toBeGreaterThan(0);
        for (const row of chart.table.rows) expect(row).toHaveLength(chart.table.head.length);
        expect(chart.wide).toMatch(/^<svg/);
        expect(chart.narrow).toMatch(/viewBox="0 0 360 300"/);
      }
    }
  });
});

describe('strings', () => {
  test('zh and en have the same keys, none empty', () => {
    for (const page of ['actions', 'insights'] as const) {
      expect(Object.keys(FOLLOW_STRINGS.zh[page]).sort()).toEqual(Object.keys(FOLLOW_STRINGS.en[page]).sort());
      for (const lang of ['zh', 'en'] as const) for (const value of Object.values(FOLLOW_STRINGS[lang][page])) expect(value.trim()).not.toBe('');
    }
  });
});
