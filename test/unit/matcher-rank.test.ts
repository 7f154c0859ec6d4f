/**
 * Ranking on the fixture library (the four samples frozen, plus hand-made
 * records): each query a responder would type or paste must put the right
 * record first, with the evidence a responder reads.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Matcher, buildIndex, recordToDoc } from '../../src/matcher/index.ts';
import { loadRecords } from '../../src/records/load.ts';
import { FIXTURE, FIXTURE_LIBRARY } from '../support/fixture-library.ts';

const { scale: SCALE, conntrack: CONNTRACK, license: LICENSE, learningspace: CLASSROOM } = FIXTURE;

let matcher: Matcher;

beforeAll(async () => {
  const { records, problems } = await loadRecords(FIXTURE_LIBRARY);
  expect(problems).toEqual([]);
  matcher = Matcher.fromBundle(buildIndex(records.map(recordToDoc)));
});

describe('ranking on the fixture library', () => {
  const cases: Array<[string, string, string]> = [
    ['266', SCALE, 'error code 266'],
    ['udp 5002', SCALE, 'port 5002/udp'],
    ['41%', SCALE, 'failure rate 41.48% ≈ 41%'],
    ['66%', SCALE, 'failure rate 66.03% ≈ 66%'],
    ['10.67.65.100', SCALE, 'IP 10.67.65.100'],
    ['natOutgoing', SCALE, 'natOutgoing'],
    ['下秤失败', SCALE, 'words “下秤失败” in symptoms'],
    ['ECONNRESET', CONNTRACK, 'ECONNRESET'],
    ['send result: Connection reset by peer', CONNTRACK, 'ECONNRESET'],
    ['conntrack -F', CONNTRACK, 'conntrack -F'],
    [':2222', CONNTRACK, 'port 2222/tcp'],
    ['nf_conntrack_tcp_timeout_established', CONNTRACK, 'nf_conntrack_tcp_timeout_established'],
    [
      '[NEW] tcp 6 120 SYN_SENT src=172.18.219.65 dst=10.108.33.37 sport=59468 dport=2222 [UNREPLIED] src=172.18.166.131 dst=172.18.219.65 sport=2222 dport=59468',
      CONNTRACK,
      'port 2222/tcp',
    ],
    ['5555 连接数 超过 1020', LICENSE, 'port 5555/tcp'],
    ['5555 连接数 超过 1020', LICENSE, 'connections >1020'],
    ['>1000 connections', LICENSE, 'connections >1020 ≈ >1000 connections'],
    ['5555', LICENSE, 'port 5555/tcp'],
    ['E1136H04', LICENSE, 'version E1136H04'],
    ['actions:drop', CLASSROOM, 'actions:drop'],
    [
      '16:55:02.804663 IP 192.168.211.19.49764 > cvknode1.8860: Flags [S], seq 2902027487, win 8192, length 0',
      CLASSROOM,
      'port 8860/tcp',
    ],
    ['作业分发失败', CLASSROOM, 'words “作业分发失败” in body'],
  ];
  it.each(cases)('%s → %s with “%s”', (query, id, label) => {
    const [first] = matcher.search(query);
    expect(first?.id).toBe(id);
    expect(first?.reasons.map((r) => r.label)).toContain(label);
  });

  it('finds the record behind a pasted log full of routine noise', () => {
    const noise = [
      '2024-07-31T03:12:01Z INFO  http GET /healthz 200 1ms',
      '2024-07-31T03:12:02Z DEBUG pool size=16 idle=15 in-use=1',
      '2024-07-31T03:12:02Z INFO  metrics flushed count=128 to 127.0.0.1:8125',
    ];
    const lines: string[] = [];
    for (let i = 0; i < 600; i++) lines.push(noise[i % noise.length]!);
    lines.splice(300, 0, 'please input:3', 'send result: Connection reset by peer');
    const [first] = matcher.search(lines.join('\n'));
    expect(first?.id).toBe(CONNTRACK);
    expect(first?.reasons.map((r) => r.label)).toContain('ECONNRESET');
  });

  it('scores within 0..100, best first, and says where the evidence was found', () => {
    const results = matcher.search('udp 5002');
    expect(results.map((r) => r.id)).toEqual([SCALE, CLASSROOM]);
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
    for (const r of results) expect(r.score).toBeGreaterThan(0), expect(r.score).toBeLessThanOrEqual(100);
    expect(results[0]!.reasons[0]).toEqual({
      type: 'port',
      label: 'port 5002/udp',
      query: '5002',
      matched: 'port 5002/udp',
      where: 'symptom',
      weight: results[0]!.reasons[0]!.weight,
    });
  });

  it('returns the fix that worked with each result', () => {
    const [first] = matcher.search('E1136H04');
    expect(first?.fix?.type).toBe('workaround');
    expect(first?.fixes?.map((fix) => fix.type)).toEqual(['workaround', 'resolution']);
    expect(first?.fixes?.[1]?.summary).toContain('E1136H04');
    // Code that is not shell carries its language, so it is shown without a prompt.
    const conntrack = matcher.search('ECONNRESET conntrack')[0]!;
    const keepalive = conntrack.fixes?.find((fix) => fix.type === 'resolution');
    expect(keepalive?.commands?.[0]).toMatchObject({ lang: 'c' });
    expect(conntrack.fix?.commands?.[0]?.lang).toBeUndefined();
  });

  it('counts a rare port for more than a well-known one', () => {
    const rare = matcher.search('port 5555')[0]!;
    expect(rare.id).toBe(LICENSE);
    const reasons = rare.reasons.filter((r) => r.type === 'port');
    expect(reasons.map((r) => r.label)).toEqual(['port 5555/tcp']);
    // 443/tcp is on one record too (the OpenSSL advisory), but a well-known port is weak evidence.
    const common = matcher.search('port 443')[0]!;
    expect(common.id).toBe(FIXTURE.openssl);
    const weight = (result: typeof rare, label: string) => result.reasons.find((r) => r.label === label)?.weight ?? 0;
    expect(weight(common, 'port 443/tcp')).toBeGreaterThan(0);
    expect(weight(common, 'port 443/tcp')).toBeLessThan(weight(rare, 'port 5555/tcp'));
  });

  it('honours limit and finds nothing for unrelated text', () => {
    expect(matcher.search('udp 5002', { limit: 1 }).map((r) => r.id)).toEqual([SCALE]);
    expect(matcher.search('zzqx quuxfoo')).toEqual([]);
    expect(matcher.search('')).toEqual([]);
  });

  it('lists related records without the record itself', () => {
    const related = matcher.related(SCALE);
    expect(related.length).toBeGreaterThan(0);
    expect(related.map((r) => r.id)).not.toContain(SCALE);
    expect(matcher.related('no-such-record')).toEqual([]);
  });

  it('reports truncation of a huge query', () => {
    const { info } = matcher.searchDetailed(`udp 5002 ${'x '.repeat(100_000)}`);
    expect(info.truncated).toBe(true);
    expect(info.chars).toBe(200_009);
    expect(info.processedChars).toBe(128 * 1024);
    expect(info.facts.map((f) => f.key)).toEqual(['port:5002']);
  });
});
