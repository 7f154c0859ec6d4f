/**
 * Typos: a word that finds nothing as written is tried at edit distance 1–2
 * against fact names and text terms, at a lower weight, with the bridge in
 * evidence; words that find something are left alone.
 */
import { describe, expect, it } from 'vitest';
import { Matcher, buildIndex } from '../../src/matcher/index.ts';
import { TYPO_FACTOR } from '../../src/matcher/constants.ts';
import { typoCandidates, typoDistance } from '../../src/matcher/typos.ts';
import { doc } from '../support/match-doc.ts';

const m = Matcher.fromBundle(
  buildIndex([
    doc('image', { errors: [{ code: 'ImagePullBackOff' }] }, { title: 'Pods stuck pulling from the private registry', summary: 'The registry token expired; pods sat in ImagePullBackOff.' }),
    doc('reset', { errors: [{ code: 'ECONNRESET' }] }, { title: 'Payment client saw resets from the gateway', summary: 'Idle keep-alive sockets were closed by the load balancer.' }),
    doc('refused', {}, { title: 'Connection refused by the metrics backend', summary: 'The collector could not reach the backend after its port moved.' }),
    ...Array.from({ length: 20 }, (_, i) => doc(`o${i}`, {}, { title: `Disk ${i} filled`, summary: `Logs filled disk ${i}.` })),
  ]),
);

describe('typos', () => {
  it('allows distance 1 from five letters, 2 from eight, none below five', () => {
    expect([4, 5, 7, 8, 20].map(typoDistance)).toEqual([0, 1, 1, 2, 2]);
  });

  it('imagepullbackof finds the ImagePullBackOff record, shown as a near name', () => {
    const [top] = m.search('imagepullbackof');
    expect(top?.id).toBe('image');
    expect(top?.reasons[0]).toMatchObject({ type: 'exception', label: 'ImagePullBackOff ≈ imagepullbackof', query: 'imagepullbackof', where: 'symptom' });
  });

  it('econreset finds the ECONNRESET record', () => {
    const [top] = m.search('econreset');
    expect(top?.id).toBe('reset');
    expect(top?.reasons[0]).toMatchObject({ type: 'errno', label: 'ECONNRESET ≈ econreset' });
  });

  it('Conection refused finds the connection-refused record, the word shown as corrected', () => {
    const [top] = m.search('Conection refused');
    expect(top?.id).toBe('refused');
    expect(top?.reasons.map((r) => r.label)).toContain('words “connect ≈ conection” in title');
  });

  it('counts a typo less than the exact name', () => {
    const exact = m.search('ImagePullBackOff')[0]!.reasons[0]!.weight;
    const typo = m.search('imagepullbackof')[0]!.reasons[0]!.weight;
    expect(typo).toBeCloseTo(exact * TYPO_FACTOR, 2);
  });

  it('leaves a word that finds something as written alone', () => {
    expect(m.search('registry')[0]?.reasons.every((r) => !r.label.includes('≈'))).toBe(true);
  });

  it('stops after its budget of comparisons', () => {
    const near = ['exception:imagepullbackoff'];
    expect(typoCandidates([{ word: 'imagepullbackof', term: 'imagepullbackof' }], near)).toEqual([{ word: 'imagepullbackof', keys: near }]);
    const far = [...Array.from({ length: 200_000 }, (_, i) => `exception:unrelated${i}`), ...near];
    expect(typoCandidates([{ word: 'imagepullbackof', term: 'imagepullbackof' }], far)).toEqual([]);
  });
});
