import { describe, expect, it } from 'vitest';
import { Matcher, buildIndex, recordToDoc } from '../../src/matcher/index.ts';
import { recordSchema, type RecordInput } from '../../src/schema/record.ts';

/** A record with both fixes: a shell workaround and a resolution in C, English summaries on each. */
const INPUT: RecordInput = {
  id: 'keepalive-record',
  kind: 'known-issue',
  title: '长连接空闲后被 RST',
  summary: '空闲一天后 send 返回 ECONNRESET。',
  summaryEn: 'After a day idle, send returns ECONNRESET.',
  language: 'zh',
  rootCause: { category: 'network', summary: 'conntrack 表项超时。' },
  workaround: {
    summary: '调大超时。',
    summaryEn: 'Raise the timeout.',
    steps: [{ text: '查看超时。', command: 'sysctl -n net.netfilter.nf_conntrack_tcp_timeout_established' }],
  },
  resolution: {
    summary: '开启 keepalive。',
    summaryEn: 'Enable keepalive.',
    steps: [{ text: '使能 keepalive。', command: 'int flag = 1;\nsetsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &flag, sizeof(flag));', lang: 'c' }],
  },
  symptoms: { errors: [{ code: 'ECONNRESET' }] },
};

const doc = recordToDoc({ file: 'x.md', data: recordSchema.parse(INPUT), body: '' });
/** A second record, so word rarity means something. */
const other = recordToDoc({
  file: 'y.md',
  data: recordSchema.parse({ id: 'other', kind: 'postmortem', title: 'Disk full', summary: 'The disk filled up.', rootCause: { category: 'capacity', summary: 'Logs.' } }),
  body: '',
});

describe('fixes in matcher documents and results', () => {
  it('puts the workaround (what restores service now) first, then the resolution, with commands and their language', () => {
    expect(doc.fixes?.map((fix) => fix.type)).toEqual(['workaround', 'resolution']);
    expect(doc.fix).toBe(doc.fixes?.[0]);
    expect(doc.fixes?.[0]?.commands).toEqual([{ code: 'sysctl -n net.netfilter.nf_conntrack_tcp_timeout_established' }]);
    expect(doc.fixes?.[1]?.commands?.[0]?.lang).toBe('c');
    expect(doc.fixes?.map((fix) => fix.summaryEn)).toEqual(['Raise the timeout.', 'Enable keepalive.']);
  });

  it('carries every fix through the bundle to results, and matches the English summaries', async () => {
    const bundle = buildIndex([doc, other]);
    const matcher = Matcher.fromBundle(bundle);
    const [hit] = await matcher.searchAll('ECONNRESET');
    expect(hit?.fixes?.map((fix) => fix.type)).toEqual(['workaround', 'resolution']);
    expect(hit?.fix?.type).toBe('workaround');
    expect(hit?.fixes?.[1]?.commands?.[0]).toMatchObject({ lang: 'c' });
    expect((await matcher.searchAll('enable keepalive'))[0]?.id).toBe('keepalive-record');
    expect((await matcher.searchAll('day idle'))[0]?.id).toBe('keepalive-record');
  });
});
