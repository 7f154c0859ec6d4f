/**
 * The build's body word postings: what each term gets back after records
 * were added in order, past the columns' first growth.
 */
import { describe, expect, it } from 'vitest';
import { PostingColumns } from '../../src/matcher/posting-columns.ts';

describe('PostingColumns', () => {
  it('gives each term its [ref, count] pairs, refs ascending, the same as an array per term', () => {
    const columns = new PostingColumns();
    const expected = new Map<string, number[]>();
    // 70,000 postings: past the first 65,536-row columns.
    for (let ref = 0; ref < 10_000; ref++) {
      for (let k = 0; k < 7; k++) {
        const term = `t${(ref * 7 + k * 13) % 997}`;
        const count = 1 + ((ref + k) % 5);
        columns.add(term, ref, count);
        const list = expected.get(term) ?? [];
        list.push(ref, count);
        expected.set(term, list);
      }
    }
    expect([...columns.keys()]).toEqual([...expected.keys()]);
    for (const [term, list] of expected) expect(Array.from(columns.get(term)!)).toEqual(list);
    expect(columns.get('absent')).toBeUndefined();
  });

  it('refuses a posting after it has grouped them', () => {
    const columns = new PostingColumns();
    columns.add('a', 0, 1);
    expect(Array.from(columns.get('a')!)).toEqual([0, 1]);
    expect(() => columns.add('b', 1, 1)).toThrow(/after grouping/);
  });
});
