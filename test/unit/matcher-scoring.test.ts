/**
 * Scoring rules on small hand-made libraries: rarity, protocol, nearness of
 * figures, bare numbers, networks, and where the evidence was found.
 */
import { describe, expect, it } from 'vitest';
import { Matcher, buildIndex, type MatchDoc } from '../../src/matcher/index.ts';
import { doc } from '../support/match-doc.ts';

function matcherOf(docs: MatchDoc[]): Matcher {
  return Matcher.fromBundle(buildIndex(docs));
}

const ids = (results: Array<{ id: string }>) => results.map((r) => r.id);

describe('scoring', () => {
  it('prefers the record whose figure is nearest, and says how near', () => {
    const m = matcherOf([
      doc('far', { figures: [{ label: '失败率', value: 45, unit: '%' }] }),
      doc('near', { figures: [{ label: '失败率', value: 41.48, unit: '%' }] }),
      doc('edge', { figures: [{ label: 'error rate', value: 40.2, unit: '%' }] }),
    ]);
    const results = m.search('41%');
    expect(ids(results)).toEqual(['near', 'edge']);
    expect(results[0]!.reasons[0]!.label).toBe('failure rate 41.48% ≈ 41%');
    expect(results[1]!.reasons[0]!.label).toBe('error rate 40.2% ≈ 41%');
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
  });

  it('reads a comparison: `>1000` accepts 1020 and 1400, not 900', () => {
    const m = matcherOf([
      doc('a', { figures: [{ label: 'connections', value: 1020 }] }),
      doc('b', { figures: [{ label: 'connections', value: 1400 }] }),
      doc('c', { figures: [{ label: 'connections', value: 900 }] }),
    ]);
    expect(ids(m.search('>1000 connections'))).toEqual(['a', 'b']);
    expect(ids(m.search('1020'))).toEqual(['a']);
  });

  it('lets a bare number be a port, a code or a count', () => {
    const m = matcherOf([
      doc('port', { ports: [{ port: 5002, protocol: 'udp' }] }),
      doc('code', { errors: [{ code: '5002' }] }),
      doc('count', { figures: [{ label: 'sessions', value: 5002 }] }),
    ]);
    const results = m.search('5002');
    expect(ids(results).sort()).toEqual(['code', 'count', 'port']);
    expect(results.map((r) => r.reasons[0]!.label).sort()).toEqual(['error code 5002', 'port 5002/udp', 'sessions 5002']);
  });

  it('weighs the protocol of a port', () => {
    const m = matcherOf([doc('tcp', { ports: [{ port: 5002, protocol: 'tcp' }] }), doc('udp', { ports: [{ port: 5002, protocol: 'udp' }] })]);
    expect(ids(m.search('udp 5002'))).toEqual(['udp', 'tcp']);
    expect(ids(m.search('5002/tcp'))).toEqual(['tcp', 'udp']);
  });

  it('counts a rare port for more than a common one', () => {
    const docs = Array.from({ length: 8 }, (_, i) => doc(`web-${i}`, { ports: [{ port: 443, protocol: 'tcp' as const }] }));
    docs.push(doc('license', { ports: [{ port: 5555, protocol: 'tcp' }, { port: 443, protocol: 'tcp' }] }));
    const m = matcherOf(docs);
    // 443 is in every record and a well-known port: it adds next to nothing, below the noise floor.
    const results = m.search('443 5555');
    expect(ids(results)).toEqual(['license']);
    expect(results[0]!.reasons.map((r) => r.label)).toEqual(['port 5555/tcp']);
  });

  it('finds an address inside a record’s network', () => {
    const m = matcherOf([doc('net', { hosts: ['10.20.0.0/16'] }), doc('other', { hosts: ['192.168.1.0/24'] })]);
    const results = m.search('connect to 10.20.3.4 timed out');
    expect(ids(results)[0]).toBe('net');
    expect(results[0]!.reasons.map((r) => r.label)).toContain('network 10.20.0.0/16');
  });

  it('counts a symptom above the same fact in the body', () => {
    const m = matcherOf([
      doc('body', {}, { text: 'we saw ECONNRESET in the logs' }),
      doc('symptom', { errors: [{ code: 'ECONNRESET' }] }),
    ]);
    const results = m.search('ECONNRESET');
    expect(ids(results)).toEqual(['symptom', 'body']);
    expect(results.map((r) => r.reasons[0]!.where)).toEqual(['symptom', 'body']);
  });

  it('maps an errno message to its name both ways', () => {
    const m = matcherOf([doc('msg', { errors: [{ message: 'Connection refused' }] }), doc('other', { errors: [{ code: 'EPIPE' }] })]);
    expect(ids(m.search('ECONNREFUSED'))).toEqual(['msg']);
    expect(m.search('ECONNREFUSED')[0]!.reasons[0]!.label).toBe('ECONNREFUSED “Connection refused”');
  });

  it('matches versions exactly, and a fixing version as the fix', () => {
    const m = matcherOf([
      doc('old', {}, { products: [{ name: 'H3Cloud OS', versions: ['E1131 - E1136H01'], fixedIn: 'E1136H04' }] }),
      doc('new', {}, { products: [{ name: 'H3Cloud OS', versions: ['E1138'] }] }),
    ]);
    expect(ids(m.search('E1136H01'))).toEqual(['old']);
    expect(m.search('E1136H04')[0]!.reasons[0]).toMatchObject({ label: 'version E1136H04', where: 'fix' });
  });
});
