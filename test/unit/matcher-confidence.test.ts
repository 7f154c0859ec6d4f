/**
 * Confidence on small hand-made libraries: a rare typed fact that only one
 * record has is strong; a common word shared by many records is weak.
 */
import { describe, expect, it } from 'vitest';
import { Matcher, buildIndex } from '../../src/matcher/index.ts';
import { doc } from '../support/match-doc.ts';

const filler = Array.from({ length: 12 }, (_, i) =>
  doc(`other-${i}`, { ports: [{ port: 7000 + i, protocol: 'tcp' }] }, { summary: i % 3 === 0 ? `The queue stalled after a deploy, run ${i}.` : `Disk ${i} filled up.` }),
);

describe('confidence', () => {
  const m = Matcher.fromBundle(
    buildIndex([
      doc('scale', { errors: [{ code: '266', message: '下秤失败' }], ports: [{ port: 5002, protocol: 'udp' }] }, { title: 'Scale price push fails with error 266' }),
      ...filler,
    ]),
  );

  it('every result carries one of strong, likely, weak', () => {
    for (const result of m.search('queue stalled 266')) expect(['strong', 'likely', 'weak']).toContain(result.confidence);
  });

  it('a rare code and port of one record, alone in the library, is a strong top result', () => {
    const [top] = m.search('error 266 udp 5002');
    expect(top).toMatchObject({ id: 'scale', confidence: 'strong' });
  });

  it('a word every record shares is weak, whatever its score', () => {
    const results = m.search('queue stalled after deploy');
    expect(results.length).toBeGreaterThan(1);
    for (const result of results) expect(result.confidence).toBe('weak');
  });
});
