/**
 * A pasted log (at least PASTE_MIN_LINES distinct lines) is asked by what it is about: fields that
 * vary line by line (request ids, item paths, latencies) and words of any incident are left out, the
 * error lines' words come first, and a bounded number of facts and terms remain — so a long paste
 * fetches and scores a few keys, and still finds its record. One line pasted many times is a short query.
 */
import { describe, expect, it } from 'vitest';
import { Matcher, buildIndex } from '../../src/matcher/index.ts';
import { analyzeQuery } from '../../src/matcher/analyze-query.ts';
import { PASTE_MAX_FACTS, PASTE_MAX_TERMS, PASTE_MIN_LINES } from '../../src/matcher/constants.ts';
import { doc } from '../support/match-doc.ts';

const LIBRARY = [
  doc('scale-push-266', { errors: [{ code: '266', message: '下秤失败' }], ports: [{ port: 5002, protocol: 'udp' }] }, {
    title: 'Scale price push fails with error 266',
    text: 'The scale adapter sends prices over udp 5002; calico natOutgoing rewrites the source port.',
    services: ['scale-adapter'],
  }),
  doc('items-api-slow', { figures: [{ label: 'latency', value: 250, unit: 'ms' }] }, {
    title: 'Items API slow: GET /api/v1/items takes 250ms',
    text: 'INFO lines show GET /api/v1/items with 200 and high latency.',
  }),
  doc('conntrack-reset', { errors: [{ message: 'Connection reset by peer' }] }, { title: 'Long TCP connections reset by conntrack timeout' }),
];

/** `count` lines of an access log, every `errorEvery`th one the scale adapter's error. */
function pastedLog(count: number, errorEvery = 5): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const time = `2025-03-14T03:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}.${String(100 + i).slice(-3)}Z`;
    const id = ((i + 1) * 2654435761 >>> 0).toString(16).padStart(8, '0');
    lines.push(i % errorEvery === 2
      ? `${time} ERROR [scale-adapter] req=${id} push to 10.1.2.3 udp 5002 failed: error 266 下秤失败 natOutgoing`
      : `${time} INFO  [gateway] req=${id} GET /api/v1/items/${1000 + i * 37} 200 ${10 + ((i * 13) % 90)}ms`);
  }
  return lines.join('\n');
}

describe('a pasted log', () => {
  const matcher = Matcher.fromBundle(buildIndex(LIBRARY));

  it('asks its facts and words, not the fields that vary line by line nor its format', () => {
    const { facts, terms } = analyzeQuery(pastedLog(60));
    const keys = facts.map((f) => f.fact.key);
    expect(keys).toEqual(expect.arrayContaining(['code:266', 'port:5002']));
    expect(keys.filter((k) => /req=|\/api\/|^duration:/.test(k))).toEqual([]);
    expect(facts.length).toBeLessThanOrEqual(PASTE_MAX_FACTS);
    expect(terms).toEqual(expect.arrayContaining(['scale', '下秤']));
    // The error lines' words come first; request ids and words of any incident are left out.
    expect(terms.filter((t) => ['info', 'get', 'fail', 'error'].includes(t) || /^[0-9a-f]{8}$/.test(t))).toEqual([]);
    expect(terms.length).toBeLessThanOrEqual(PASTE_MAX_TERMS);
  });

  it('finds the record of its error lines first, however long', () => {
    for (const count of [PASTE_MIN_LINES, 60, 1500]) {
      expect(matcher.search(pastedLog(count, 3))[0]?.id).toBe('scale-push-266');
    }
  });

  it('is one line repeated, or fewer than PASTE_MIN_LINES lines: every fact is asked', () => {
    const line = 'ERROR req=a489cc5c GET /api/v1/items/1 udp 5002 266 下秤失败';
    expect(analyzeQuery(`${line}\n`.repeat(500)).facts.map((f) => f.fact.key)).toEqual(expect.arrayContaining(['identifier:req=a489cc5c', 'identifier:/api/v1/items/1']));
    expect(matcher.search(`${line}\n`.repeat(500))[0]?.id).toBe('scale-push-266');
  });

  it('is told from a short query by its lines: below PASTE_MIN_LINES every fact is asked', () => {
    const short = pastedLog(PASTE_MIN_LINES - 1);
    // Seven lines: one error line and six access lines, each asking its item path.
    expect(analyzeQuery(short).facts.map((f) => f.fact.key).filter((k) => k.startsWith('identifier:/api/v1/items/'))).toHaveLength(PASTE_MIN_LINES - 2);
  });
});
