/**
 * The site's pure helpers: duration/date formatting per UI language, the
 * timeline merge, the impact pivot, the library filter state and the i18n
 * dictionaries.
 */
import { describe, expect, it } from 'vitest';
import { formatDay, formatDuration, formatMoment, formatNumber, zoneOffset } from '../../src/i18n/format.ts';
import { en, zh } from '../../src/i18n/ui.ts';
import { TAXONOMY_LABELS } from '../../src/i18n/taxonomy.ts';
import { buildTimeline } from '../../src/site/timeline.ts';
import { pivotMetrics } from '../../src/site/impact.ts';
import { figureText, portText } from '../../src/site/symptoms.ts';
import { isEmptyState, matches, searchFromState, stateFromSearch } from '../../src/browser/record-filters.ts';
import type { LibraryRow } from '../../src/browser/library-row.ts';
import { libraryPages, listPages, pageSegments } from '../../src/site/library.ts';
import { CAUSE_CATEGORIES, KINDS } from '../../src/schema/taxonomy.ts';

const MIN = 60_000;
const at = (iso: string) => new Date(iso);

describe('formatting', () => {
  it('shows durations with at most two units in the UI language', () => {
    expect(formatDuration(188 * MIN, 'en')).toBe('3 h 8 min');
    expect(formatDuration(188 * MIN, 'zh')).toBe('3 小时 8 分钟');
    expect(formatDuration((26 * 60 + 5) * MIN, 'en')).toBe('1 d 2 h');
    expect(formatDuration(45_000, 'en')).toBe('45 s');
    expect(formatDuration(-15 * MIN, 'en')).toBe('−15 min');
  });

  it('shows calendar days per UI language and moments in the record zone with offset', () => {
    expect(formatDay('2024-07-31', 'en')).toBe('31 Jul 2024');
    expect(formatDay('2024-07-31', 'zh')).toBe('2024年7月31日');
    expect(formatMoment(at('2024-07-30T23:38:00Z'), 'Asia/Shanghai')).toBe('2024-07-31 07:38 UTC+08:00');
    expect(zoneOffset(at('2024-07-30T23:38:00Z'), 'UTC')).toBe('UTC');
  });
});

describe('buildTimeline', () => {
  it('merges key moments into events at the same instant, adds the others, and fills gaps', () => {
    const entries = buildTimeline({
      times: {
        started: at('2024-07-31T04:30:00+08:00'),
        detected: at('2024-07-31T07:38:00+08:00'),
        mitigated: at('2024-07-31T08:40:00+08:00'),
      },
      timeline: [
        { at: at('2024-07-31T07:38:00+08:00'), text: 'war room opened', type: 'escalate' },
        { at: at('2024-07-31T08:40:00+08:00'), text: 'rolled back', type: 'mitigate' },
      ],
    });
    expect(entries.map((e) => [e.type, e.text, e.keys, e.gap])).toEqual([
      ['start', undefined, ['start'], undefined],
      ['escalate', 'war room opened', ['detect'], 188 * MIN],
      ['mitigate', 'rolled back', ['mitigate'], 62 * MIN],
    ]);
  });
});

describe('pivotMetrics', () => {
  it('makes one row per window and one column per label, units in the header when shared', () => {
    const w1 = { start: at('2024-07-31T07:00:00+08:00'), end: at('2024-07-31T09:00:00+08:00') };
    const w2 = { start: at('2024-07-30T07:00:00+08:00'), end: at('2024-07-30T09:00:00+08:00') };
    const table = pivotMetrics([
      { label: 'rate', value: 66.03, unit: '%', window: w1, note: 'incident' },
      { label: 'tasks', value: 94969, window: w1, note: 'incident' },
      { label: 'rate', value: 25.02, unit: '%', window: w2, note: 'baseline' },
    ]);
    expect(table.columns).toEqual([{ label: 'rate', unit: '%', decimals: 2 }, { label: 'tasks', decimals: 0 }]);
    expect(table.rows.map((r) => [r.cells, r.notes])).toEqual([
      [[{ value: 66.03, unit: undefined }, { value: 94969, unit: undefined }], ['incident']],
      [[{ value: 25.02, unit: undefined }, undefined], ['baseline']],
    ]);
  });
});

describe('impact figures as written', () => {
  it('pads a column to its most precise value, so 23.4 beside 66.03 reads 23.40', () => {
    const table = pivotMetrics([
      { label: 'rate', value: 66.03, unit: '%' },
      { label: 'rate', value: 23.4, unit: '%' },
    ]);
    expect(table.columns[0]?.decimals).toBe(2);
    expect(formatNumber(23.4, 'zh', 2)).toBe('23.40');
    expect(formatNumber(94969, 'en')).toBe('94,969');
  });
});

describe('symptom chips', () => {
  it('writes ports and figures the way responders type them', () => {
    expect(portText({ port: 5002, protocol: 'udp' })).toBe('5002/udp');
    expect(figureText({ label: 'connections', value: 1020, op: '>', unit: 'connections' })).toBe('> 1020 connections');
    expect(figureText({ label: 'rate', value: 41.48, unit: '%' })).toBe('41.48%');
  });
});

describe('library filter state', () => {
  it('round-trips through the query string and keeps foreign parameters', () => {
    const state = stateFromSearch('?kind=advisory&tag=nat&q=%20port%205555%20&utm=x');
    expect(state).toEqual({ kind: 'advisory', severity: '', category: '', service: '', tag: 'nat', year: '', q: 'port 5555' });
    expect(searchFromState({ ...state, tag: '' }, '?kind=advisory&tag=nat&utm=x')).toBe('?kind=advisory&utm=x&q=port+5555');
  });

  it('matches every term of the text filter and list facets exactly', () => {
    const row: LibraryRow = {
      id: 'license-limit',
      title: 'License server refuses clients',
      language: 'en',
      kind: 'advisory',
      category: 'capacity',
      date: '2017-03-02',
      summary: 'Over 1020 connections on port 5555.',
      services: ['license'],
      tags: ['nat', 'udp'],
      text: 'e1136h04 连接数',
    };
    const base = stateFromSearch('');
    expect(isEmptyState(base)).toBe(true);
    expect(isEmptyState({ ...base, year: '2017' })).toBe(false);
    expect(matches(row, base)).toBe(true);
    expect(matches(row, { ...base, tag: 'nat', q: 'Server 5555' })).toBe(true);
    expect(matches(row, { ...base, q: '连接 E1136H04' })).toBe(true);
    expect(matches(row, { ...base, q: 'license-limit' })).toBe(true);
    expect(matches(row, { ...base, service: 'license', year: '2017', kind: 'advisory', category: 'capacity' })).toBe(true);
    expect(matches(row, { ...base, tag: 'na' })).toBe(false);
    expect(matches(row, { ...base, year: '2024' })).toBe(false);
    expect(matches(row, { ...base, severity: 'sev1' })).toBe(false);
    // The severity filter knows a record by its normalised severity, else by its unmapped source label.
    expect(matches({ ...row, sourceSeverity: 'L4' }, { ...base, severity: 'L4' })).toBe(true);
    expect(matches({ ...row, severity: 'sev2', sourceSeverity: 'P1' }, { ...base, severity: 'sev2' })).toBe(true);
    expect(matches({ ...row, severity: 'sev2', sourceSeverity: 'P1' }, { ...base, severity: 'P1' })).toBe(false);
    expect(matches({ ...row, date: undefined }, { ...base, year: '2017' })).toBe(false);
  });

  it('cuts the library into pages of a given size, one empty page for no records', () => {
    expect(libraryPages([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(libraryPages([1, 2], 2)).toEqual([[1, 2]]);
    expect(libraryPages([], 2)).toEqual([[]]);
  });

  it('pages a tag or category list like the library: no segment for page 1, `page/N` after', () => {
    expect(listPages(['a', 'b', 'c'], 2)).toEqual([
      { param: undefined, entries: ['a', 'b'], page: 1, pages: 2 },
      { param: 'page/2', entries: ['c'], page: 2, pages: 2 },
    ]);
    expect(listPages([], 2)).toEqual([{ param: undefined, entries: [], page: 1, pages: 1 }]);
    expect(pageSegments(['tags', 'nat'], 1)).toEqual(['tags', 'nat']);
    expect(pageSegments(['tags', 'nat'], 3)).toEqual(['tags', 'nat', 'page', '3']);
    expect(pageSegments([], 2)).toEqual(['page', '2']);
  });
});

describe('i18n dictionaries', () => {
  it('have the same keys in zh and en, none empty, and a label for every kind and category', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.entries(zh).filter(([, v]) => !v.trim())).toEqual([]);
    for (const lang of ['zh', 'en'] as const) {
      expect(KINDS.every((k) => TAXONOMY_LABELS[lang].kind[k])).toBe(true);
      expect(CAUSE_CATEGORIES.every((c) => TAXONOMY_LABELS[lang].category[c])).toBe(true);
    }
  });
});
