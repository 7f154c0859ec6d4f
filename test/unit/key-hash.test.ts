import { describe, expect, it } from 'vitest';
import { keyHash } from '../../src/index-cache/key-hash.ts';
import { cyrb53 } from '../../src/matcher/content-hash.ts';

describe('keyHash (the cache\'s quick keys)', () => {
  it('is 32 hex digits, the same for the same text', () => {
    expect(keyHash('a.md\x00100\x00171\n')).toMatch(/^[0-9a-f]{32}$/);
    expect(keyHash('a.md\x00100\x00171\n')).toBe(keyHash('a.md\x00100\x00171\n'));
  });

  it('changes with any one character of a listing, in about half of its bits', () => {
    const listing = Array.from({ length: 200 }, (_, i) => `synth-${i}.md\0${1000 + i}\0${1.7e12 + i}\n`).join('');
    const base = BigInt(`0x${keyHash(listing)}`);
    const seen = new Set<string>();
    for (let at = 0; at < listing.length; at += 97) {
      const changed = `${listing.slice(0, at)}${String.fromCharCode(listing.charCodeAt(at) ^ 1)}${listing.slice(at + 1)}`;
      const key = keyHash(changed);
      seen.add(key);
      const flipped = (base ^ BigInt(`0x${key}`)).toString(2).replace(/0/g, '').length;
      expect(flipped).toBeGreaterThan(32);
      expect(flipped).toBeLessThan(96);
    }
    expect(seen.size).toBe(Math.ceil(listing.length / 97));
  });
});

describe('cyrb53 with words (file metadata hashed without writing it as text)', () => {
  it('hashes the words after the text, and is the plain text hash without them', () => {
    expect(cyrb53('a.md', 0, [])).toBe(cyrb53('a.md'));
    const hashes = new Set([cyrb53('a.md'), cyrb53('a.md', 0, [1]), cyrb53('a.md', 0, [2]), cyrb53('a.md', 0, [1, 0]), cyrb53('b.md', 0, [1])]);
    expect(hashes.size).toBe(5);
    // One stream of units: a word continues the text (the stat key always adds the same number of words).
    expect(cyrb53('a.m', 0, ['d'.charCodeAt(0)])).toBe(cyrb53('a.md'));
    expect(cyrb53('a.md', 0, [0xffffffff])).toBeLessThan(2 ** 53);
  });
});
