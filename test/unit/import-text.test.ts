/**
 * The free-text importer on an English Markdown document (own fixture) and on
 * small inputs that exercise one rule each: dates, names, code, sections.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTextDraft, checkSerialized, runImport, serializeDraft } from '../../src/import/index.ts';
import { dominantYear, findTimes, parseWindow, toIsoTime } from '../../src/import/find-dates.ts';
import { stripNames } from '../../src/import/strip-names.ts';
import { cleanText } from '../../src/import/clean-text.ts';
import { segment } from '../../src/import/segment.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/import-text/english-postmortem.md');

describe('an English Markdown postmortem', () => {
  const draft = buildTextDraft(readFileSync(FIXTURE, 'utf8'), { file: FIXTURE });
  const data = draft.data as Record<string, any>;

  it('passes the schema once written', () => {
    expect(checkSerialized(serializeDraft(draft))).toEqual([]);
  });

  it('takes title, language, zone, date and kind from the document', () => {
    expect(data.title).toBe('Checkout API outage: connection pool exhausted');
    expect(data.language).toBe('en');
    expect(data.timezone).toBe('UTC');
    expect(draft.attention[0]).toBe('timezone: assumed UTC (default for non-Chinese text) for times written without an offset; pass --timezone to change');
    expect(data.date).toBe('2024-03-13');
    expect(data.kind).toBe('postmortem');
    expect(draft.fileName).toBe(`2024-03-13-${draft.id}.md`);
    expect(draft.id).toBe('checkout-api-outage-connection-pool-exhausted');
  });

  it('maps sections to summary, root cause, resolution steps with commands, and action items', () => {
    expect(data.summary).toBe('Checkout requests failed with HTTP 503 for 42 minutes because the payments service exhausted its database connection pool.');
    expect(data.rootCause.summary).toMatch(/^The new release opened a connection per request/);
    expect(data.rootCause.category).toBe('unknown');
    expect(data.resolution.steps).toEqual([
      { text: 'Roll back the payments service:', command: 'kubectl rollout undo deployment/payments -n prod' },
      { text: 'Confirm the pool has recovered.' },
    ]);
    expect(data.actionItems).toEqual([
      { title: 'Add an alert on pool saturation above 80%', type: 'detect', status: 'open' },
      { title: 'Review connection handling in the payments client library', type: 'process', status: 'open' },
    ]);
  });

  it('reads the timeline with guessed event types, in UTC', () => {
    expect(data.timeline).toEqual([
      { at: '2024-03-13T14:02:00Z', text: 'Deploy of payments v2.14.0 started', type: 'start' },
      { at: '2024-03-13T14:09:00Z', text: 'Alert fired: checkout error rate above 20%', type: 'detect' },
      { at: '2024-03-13T14:20:00Z', text: 'On-call escalated to the database team', type: 'escalate' },
      { at: '2024-03-13T14:44:00Z', text: 'Rolled back to v2.13.2; error rate recovered', type: 'mitigate' },
    ]);
  });

  it('drops the author line and keeps HTTP 503 as a symptom', () => {
    expect(serializeDraft(draft)).not.toContain('Jane');
    expect(draft.attention).toContain('blameless: removed 1 mention(s) of 1 person name(s) (author line (`Posted by`, `Author:`)); check that no name is left');
    expect(data.symptoms.errors).toContainEqual({ code: 'HTTP 503' });
  });
});

describe('dates', () => {
  it('reads Chinese, ISO, slash and English forms, with a year inferred where missing', () => {
    const context = { year: 2024, zone: 'Asia/Shanghai' };
    const iso = (line: string) => findTimes(line).map((t) => toIsoTime(t, context));
    expect(iso('故障报障时间：7月31日7:38')).toEqual(['2024-07-31T07:38:00+08:00']);
    expect(iso('2024/7/31 07:00:00 开始')).toEqual(['2024-07-31T07:00:00+08:00']);
    expect(iso('2021-05-16 发表')).toEqual(['2021-05-16T00:00:00+08:00']);
    expect(iso('On March 13, 2018 at 12:14 UTC the site went down')).toEqual(['2018-03-13T12:14:00Z']);
    expect(iso('from 9:16 PM PDT on June 13, 2011')).toEqual(['2011-06-13T00:00:00+08:00']);
    expect(iso('PS9384240731000137 下称失败')).toEqual([]);
    expect(dominantYear(['7月31日', '2024-07-31 07:38', '2024. 07. 31 门店'])).toBe(2024);
  });

  it('reads a time-window cell, crossing midnight when the end is earlier', () => {
    expect(parseWindow('2024/7/31 07:00:00~09:00:00', 'Asia/Shanghai')).toEqual({ start: '2024-07-31T07:00:00+08:00', end: '2024-07-31T09:00:00+08:00' });
    expect(parseWindow('2024-07-31 23:00~01:00', 'UTC')).toEqual({ start: '2024-07-31T23:00:00Z', end: '2024-08-01T01:00:00Z' });
    expect(parseWindow('下秤任务总数', 'UTC')).toBeUndefined();
  });
});

describe('names', () => {
  it('removes authors, @mentions, responsible-person lines and chat speakers, not addresses', () => {
    const lines = ['张三 2021-05-16 发表', '李四 置顶了', '@王五 看一下', '赵六 好的', '赵六 收到', '故障责任人：钱七', 'dig www.example.com @10.0.12.54 +short', 'user@example.com', 'https://medium.com/@someone_1/post'];
    const result = stripNames(lines, 'zh');
    expect(result.lines).toEqual(['2021-05-16 发表', '@某同事 看一下', '好的', '收到', '', 'dig www.example.com @10.0.12.54 +short', 'user@example.com', 'https://medium.com/@someone_1/post']);
    expect(result.names).toBe(5);
  });
});

describe('cleaning and segmenting', () => {
  it('removes pinyin annotations and web-page furniture, lifting the original link into references', () => {
    const cleaned = cleanText('網(wǎng)站首頁 編程語言 正文\n此問題在業(yè)務(wù)中出現(xiàn)\nimage.png\n原文鏈接:https://example.com/a/1\n相關推薦\n- 2022-08-22 另一篇\n- 2022-07-21 再一篇');
    expect(cleaned.lines).toEqual(['此問題在業務中出現']);
    expect(cleaned.references).toEqual([{ title: '原文鏈接', url: 'https://example.com/a/1' }]);
    expect(cleaned.pinyinRemoved).toBe(4);
  });

  it('puts unfenced shell sessions and C code back in code blocks, and tab rows in tables', () => {
    const blocks = segment(['说明如下', 'root@master:~# sysctl -n net.x', '86400', '所以可以调整', 'int a = 1;', 'call(a);', 'a\tb\tc', '1\t2\t3']);
    expect(blocks).toEqual([
      { type: 'text', text: '说明如下' },
      { type: 'code', lines: ['root@master:~# sysctl -n net.x', '86400'] },
      { type: 'text', text: '所以可以调整' },
      { type: 'code', lines: ['int a = 1;', 'call(a);'] },
      { type: 'table', rows: [['a', 'b', 'c'], ['1', '2', '3']], caption: undefined },
    ]);
  });
});

describe('odd input', () => {
  it('builds a valid draft from text with no structure at all, and from long odd input', { timeout: 120_000 }, () => {
    const plain = buildTextDraft('just one line', { file: 'x.txt' });
    expect(checkSerialized(serializeDraft(plain))).toEqual([]);
    const odd = [
      `${'a'.repeat(200_000)} 2024-01-01 ${'1'.repeat(50_000)}`,
      '2024-01-01 '.repeat(20_000),
      '7月31日'.repeat(20_000),
      'March 13, '.repeat(20_000),
      '1 '.repeat(100_000),
      '@a '.repeat(30_000),
      ('a\t'.repeat(5000) + '\n').repeat(20),
      '```\n'.repeat(20_000),
      ('root@a:~# ' + 'x '.repeat(1000) + '\n').repeat(200),
    ];
    // ~0.4 s each on an idle machine; the test's timeout is the hang guard (speed is not a unit test's to judge).
    for (const text of odd) {
      const draft = buildTextDraft(text, { file: 'odd.txt' });
      expect(checkSerialized(serializeDraft(draft))).toEqual([]);
    }
  });
});

describe('Markdown with frontmatter', () => {
  it('skips a file that is already a record, and reads title and date from other frontmatter', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'import-front-'));
    try {
      const record = path.join(dir, 'record.md');
      writeFileSync(record, '---\nid: disk-full\nkind: postmortem\ntitle: Disk full\n---\n\nText.\n');
      const post = path.join(dir, 'post.md');
      writeFileSync(post, '---\ntitle: Disk full on build agents\ndate: 2023-02-01\ntags: [ci]\n---\n\nThe build agents ran out of disk (ENOSPC) at 03:10.\n');
      const result = await runImport({ inputs: [record, post], outDir: path.join(dir, 'out'), dryRun: true });
      expect(result.items.map((item) => [item.type, path.basename(item.origin), 'message' in item ? item.message : path.basename(item.file)])).toEqual([
        ['existing', 'record.md', 'already a record (its frontmatter has `id: disk-full`); skipped'],
        ['written', 'post.md', '2023-02-01-disk-full-on-build-agents.md'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('field lines and task boxes', () => {
  it('reads `Started at:` / `End time:` / `Severity: SEV-2` / `Impact:` lines and ticked action items', () => {
    const text = [
      '# Search latency incident',
      'Started at: 2024-05-01 10:00 UTC',
      'Detected at: 2024-05-01 10:07 UTC',
      'End time: 2024-05-01 11:30 UTC',
      'Severity: SEV-2',
      'Impact: 30% of search requests took longer than 5 s',
      '## Action items',
      '- [x] Roll back the index change',
      '- [ ] Add a latency alert on p99',
    ].join('\n');
    const data = buildTextDraft(text, { file: 'search.md' }).data as Record<string, any>;
    expect(data.times).toEqual({ started: '2024-05-01T10:00:00Z', detected: '2024-05-01T10:07:00Z', resolved: '2024-05-01T11:30:00Z' });
    expect([data.severity, data.sourceSeverity]).toEqual(['sev2', 'SEV-2']);
    expect(data.impact).toEqual({ summary: '30% of search requests took longer than 5 s', metrics: [] });
    expect(data.actionItems).toEqual([
      { title: 'Roll back the index change', type: 'mitigate', status: 'done' },
      { title: 'Add a latency alert on p99', type: 'detect', status: 'open' },
    ]);
    expect(data.timeline.map((event: { type: string }) => event.type)).toEqual(['start', 'detect', 'resolve']);
  });
});
