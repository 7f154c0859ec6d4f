/**
 * The follow-up module as the site, the CLI and the MCP server use it: rows
 * from records, overdue against a reference day, filters, counts, CSV, JSON
 * and tracker links.
 */
import { describe, expect, test } from 'vitest';
import * as actions from '../../src/follow-ups/index.ts';
import {
  collectActionItems,
  countActionItems,
  CSV_COLUMNS,
  daysBetween,
  filterActionItems,
  isOverdue,
  parseTrackerLink,
  toCsv,
  toReport,
  today,
  trackerLabel,
  type ActionSource,
} from '../../src/follow-ups/index.ts';

function record(id: string, items: ActionSource['data']['actionItems'], extra: Partial<ActionSource['data']> = {}): ActionSource {
  return {
    file: `content/incidents/${id}.md`,
    data: { id, title: `Title ${id}`, kind: 'postmortem', language: 'en', services: ['checkout'], actionItems: items, ...extra },
  };
}

const LIBRARY: ActionSource[] = [
  record('alpha', [
    { title: 'Add an alert on 266 errors', type: 'detect', owner: 'SRE', status: 'open', due: '2026-01-10', link: 'https://github.com/acme/ops/issues/12' },
    { title: 'Write the runbook', type: 'process', owner: 'sre', status: 'done', due: '2025-12-01' },
    { title: 'Support L3 NAT', type: 'prevent', status: 'in-progress', due: '2026-03-01' },
  ]),
  record('beta', [
    { title: 'Raise the connection limit', type: 'mitigate', owner: 'Platform team', status: 'open' },
    { title: 'Replace the vendor', type: 'prevent', owner: 'Platform team', status: 'wont-do', due: '2025-01-01' },
  ], { services: ['license-server'] }),
  record('gamma', []),
];

describe('public API', () => {
  test('exports', () => {
    expect(Object.keys(actions).sort()).toEqual(
      [
        'CSV_COLUMNS',
        'GITHUB_WEB_HOSTS',
        'NO_OWNER',
        'OPEN_STATUSES',
        'TODAY_ENV',
        'collectActionItems',
        'compareRows',
        'countActionItems',
        'daysBetween',
        'filterActionItems',
        'isIsoDay',
        'isOpenStatus',
        'isOverdue',
        'loadActionItems',
        'parseTrackerLink',
        'toCsv',
        'toJson',
        'toReport',
        'today',
        'trackerLabel',
      ].sort(),
    );
  });
});

describe('collectActionItems', () => {
  const rows = collectActionItems(LIBRARY, '2026-02-01');

  test('one row per item, keyed by record and position, with the record attached', () => {
    expect(rows).toHaveLength(5);
    const first = rows.find((row) => row.key === 'alpha#1')!;
    expect(first).toMatchObject({ index: 0, type: 'detect', owner: 'SRE', status: 'open', due: '2026-01-10' });
    expect(first.record).toMatchObject({ id: 'alpha', file: 'content/incidents/alpha.md', services: ['checkout'] });
  });

  test('an item still to do and due before the day is overdue, by whole days', () => {
    const first = rows.find((row) => row.key === 'alpha#1')!;
    expect(first.overdue).toBe(true);
    expect(first.daysOverdue).toBe(22);
    // Done and wont-do are never overdue, whatever their due day.
    expect(rows.find((row) => row.key === 'alpha#2')!.overdue).toBe(false);
    expect(rows.find((row) => row.key === 'beta#2')!.overdue).toBe(false);
    // Due later, or without a due day: not overdue.
    expect(rows.find((row) => row.key === 'alpha#3')!.overdue).toBe(false);
    expect(rows.find((row) => row.key === 'beta#1')!.overdue).toBe(false);
  });

  test('a due day is met through its end', () => {
    expect(isOverdue({ status: 'open', due: '2026-02-01' }, '2026-02-01')).toBe(false);
    expect(isOverdue({ status: 'open', due: '2026-02-01' }, '2026-02-02')).toBe(true);
    expect(isOverdue({ status: 'in-progress', due: '2026-02-01' }, '2026-02-02')).toBe(true);
  });

  test('order: still to do first, then by due day (undated last), then record and position', () => {
    expect(rows.map((row) => row.key)).toEqual(['alpha#1', 'alpha#3', 'beta#1', 'beta#2', 'alpha#2']);
  });
});

describe('filterActionItems', () => {
  const rows = collectActionItems(LIBRARY, '2026-02-01');
  const keys = (filter: Parameters<typeof filterActionItems>[1]) => filterActionItems(rows, filter).map((row) => row.key);

  test('open, overdue, status', () => {
    expect(keys({ open: true })).toEqual(['alpha#1', 'alpha#3', 'beta#1']);
    expect(keys({ overdue: true })).toEqual(['alpha#1']);
    expect(keys({ status: ['done', 'wont-do'] })).toEqual(['beta#2', 'alpha#2']);
  });

  test('owner ignores case and space; `-` selects items without an owner', () => {
    expect(keys({ owner: ' sre ' })).toEqual(['alpha#1', 'alpha#2']);
    expect(keys({ owner: 'platform TEAM' })).toEqual(['beta#1', 'beta#2']);
    expect(keys({ owner: '-' })).toEqual(['alpha#3']);
  });

  test('type, service and record; filters combine', () => {
    expect(keys({ type: 'prevent' })).toEqual(['alpha#3', 'beta#2']);
    expect(keys({ service: 'license-server' })).toEqual(['beta#1', 'beta#2']);
    expect(keys({ record: 'alpha', open: true })).toEqual(['alpha#1', 'alpha#3']);
    expect(keys({ type: 'prevent', open: true, service: 'checkout' })).toEqual(['alpha#3']);
  });
});

describe('counts and files', () => {
  const rows = collectActionItems(LIBRARY, '2026-02-01');

  test('counts by status, still to do, overdue', () => {
    expect(countActionItems(rows)).toEqual({ total: 5, open: 3, overdue: 1, byStatus: { open: 2, 'in-progress': 1, done: 1, 'wont-do': 1 } });
  });

  test('JSON report carries the reference day, the counts and the rows', () => {
    const report = toReport(rows, '2026-02-01');
    expect(report.asOf).toBe('2026-02-01');
    expect(report.counts.total).toBe(5);
    expect(report.items.map((row) => row.key)).toEqual(rows.map((row) => row.key));
  });

  test('CSV: BOM, header, CRLF, quoting, and no formula a spreadsheet would run', () => {
    const hostile = collectActionItems(
      [record('evil', [{ title: '=HYPERLINK("http://x","click"), then "more"', type: 'process', owner: '@admins', status: 'open' }])],
      '2026-02-01',
    );
    const csv = toCsv(hostile);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(`evil,1,"'=HYPERLINK(""http://x"",""click""), then ""more""",process,'@admins,open,,false,0,,Title evil,,postmortem,,checkout,content/incidents/evil.md`);
    expect(lines[2]).toBe('');
  });
});

describe('dates', () => {
  test('PRECEDENT_TODAY fixes the day; a malformed one is named', () => {
    expect(today({ PRECEDENT_TODAY: '2025-06-30' })).toBe('2025-06-30');
    expect(today({}, new Date('2026-03-04T23:59:00Z'))).toBe('2026-03-04');
    expect(() => today({ PRECEDENT_TODAY: '2025-02-30' })).toThrow('PRECEDENT_TODAY: expected a day as `YYYY-MM-DD`, got `2025-02-30`');
  });

  test('daysBetween counts calendar days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });
});

describe('parseTrackerLink', () => {
  test('GitHub issues and pull requests', () => {
    expect(parseTrackerLink('https://github.com/acme/ops/issues/12')).toEqual({ tracker: 'github', owner: 'acme', repo: 'ops', number: 12 });
    expect(parseTrackerLink('https://github.com/acme/ops.js/pull/7/')).toEqual({ tracker: 'github', owner: 'acme', repo: 'ops.js', number: 7 });
    expect(trackerLabel(parseTrackerLink('https://github.com/acme/ops/issues/12')!)).toBe('acme/ops#12');
  });

  test('GitHub Enterprise hosts only when configured', () => {
    expect(parseTrackerLink('https://git.example.com/acme/ops/issues/3')).toBeUndefined();
    expect(parseTrackerLink('https://git.example.com/acme/ops/issues/3', ['git.example.com'])).toMatchObject({ tracker: 'github', number: 3 });
  });

  test('Jira browse links, Cloud and Data Center', () => {
    expect(parseTrackerLink('https://acme.atlassian.net/browse/OPS-123')).toEqual({ tracker: 'jira', site: 'https://acme.atlassian.net', key: 'OPS-123' });
    expect(parseTrackerLink('https://tools.example.com/jira/browse/NET-9')).toEqual({ tracker: 'jira', site: 'https://tools.example.com', key: 'NET-9' });
  });

  test('anything else is a plain link', () => {
    for (const link of [undefined, '', './runbook.md', 'https://github.com/acme/ops', 'https://github.com/acme/ops/issues/x', 'https://wiki.example.com/page/OPS-1', 'ftp://github.com/a/b/issues/1']) {
      expect(parseTrackerLink(link)).toBeUndefined();
    }
  });
});
