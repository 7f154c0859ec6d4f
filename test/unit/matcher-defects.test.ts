/**
 * The defects of issue 9, each pinned by its exact behaviour on hand-made
 * libraries: `--flag=value` facts, rare body words against a common summary
 * word, figure labels that agree or disagree, the text of a comparison in
 * evidence, and a Chinese query reaching an English record by product name.
 */
import { describe, expect, it } from 'vitest';
import { Matcher, buildIndex, extractFacts } from '../../src/matcher/index.ts';
import { doc } from '../support/match-doc.ts';

const keys = (text: string) => extractFacts(text).map((f) => f.key);

describe('--flag=value', () => {
  it('yields the setting as written and its number', () => {
    expect(keys('--max-conns=15692')).toEqual(['identifier:--max-conns=15692', 'number:15692']);
    expect(keys('max_connections=500')).toEqual(['identifier:max_connections=500', 'number:500']);
  });

  it('finds the record whose symptoms name the setting', () => {
    const m = Matcher.fromBundle(
      buildIndex([doc('lb', { identifiers: ['--max-conns=15692'] }, { title: 'Edge proxy refused new clients' }), ...Array.from({ length: 8 }, (_, i) => doc(`o${i}`))]),
    );
    const [top] = m.search('haproxy started with --max-conns=15692');
    expect(top?.id).toBe('lb');
    expect(top?.reasons[0]).toMatchObject({ type: 'identifier', label: '--max-conns=15692', where: 'symptom' });
  });
});

describe('rare body words against a common summary word', () => {
  const prose = 'The team reviewed dashboards and paged the owner; traffic was shifted while engineers looked at graphs. '.repeat(60);
  const m = Matcher.fromBundle(
    buildIndex([
      doc('quorum', {}, { title: 'Orders stopped', summary: 'Orders stopped for an hour.', text: `${prose} The zookeeper ensemble lost quorum; ephemeral nodes vanished. ${prose}` }),
      ...Array.from({ length: 40 }, (_, i) =>
        doc(`f${i}`, {}, i % 3 === 0 ? { title: `Checkout latency ${i}`, summary: `Checkout was slow, run ${i}.` } : { title: `Disk ${i} filled`, summary: `Disk ${i} filled up.` }),
      ),
    ]),
  );

  it('the record with all three rare words ranks first', () => {
    expect(m.search('checkout zookeeper quorum ephemeral')[0]?.id).toBe('quorum');
  });
});

describe('figure labels', () => {
  const m = Matcher.fromBundle(
    buildIndex([
      doc('disk', { figures: [{ label: 'disk usage', value: 41, unit: '%' }] }, { title: 'Disk alarm on the log volume' }),
      doc('orders', { figures: [{ label: '下单失败率', value: 41, unit: '%' }] }, { title: '下单接口异常', language: 'zh' }),
      ...Array.from({ length: 20 }, (_, i) => doc(`o${i}`)),
    ]),
  );
  const weightOf = (query: string, id: string) => m.search(query).find((r) => r.id === id)!.reasons.find((r) => r.type === 'percent')!.weight;

  it('a figure whose label disagrees counts less than one whose label agrees', () => {
    const results = m.search('下单失败率 41%');
    expect(results.map((r) => r.id).slice(0, 2)).toEqual(['orders', 'disk']);
    expect(weightOf('下单失败率 41%', 'disk')).toBeLessThan(weightOf('下单失败率 41%', 'orders') / 2);
  });

  it('an unlabelled query figure counts the same for both', () => {
    expect(weightOf('41%', 'disk')).toBe(weightOf('41%', 'orders'));
  });

  it('evidence quotes the whole comparison, and the label is read before it', () => {
    const [top] = m.search('failure rate more than 40%');
    expect(top?.id).toBe('orders');
    expect(top?.reasons[0]?.label).toBe('failure rate 41% ≈ more than 40%');
    expect(extractFacts('failure rate more than 40%')[0]).toMatchObject({ text: 'more than 40%', label: 'failure rate', op: '>' });
  });
});

describe('a Chinese query naming an English product', () => {
  it('pgbouncer 拒绝连接 ranks the PgBouncer record first', () => {
    const m = Matcher.fromBundle(
      buildIndex([
        doc('pgbouncer', {}, { title: 'PgBouncer refused client connections after max_client_conn was reached', summary: 'Clients saw connection refused from PgBouncer.' }),
        doc('redis', {}, { title: 'Redis refused connections during failover', summary: 'Connection refused from the cache.' }),
        doc('zh-net', {}, { title: '网络策略默认拒绝，虚机连接失败', summary: '出入方向默认拒绝，所有连接被拒绝。', language: 'zh' }),
        doc('zh-db', {}, { title: '数据库拒绝连接', summary: 'MySQL 连接数打满，新连接被拒绝。', language: 'zh' }),
        ...Array.from({ length: 20 }, (_, i) => doc(`o${i}`)),
      ]),
    );
    expect(m.search('pgbouncer 拒绝连接')[0]?.id).toBe('pgbouncer');
  });
});
