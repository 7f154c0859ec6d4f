/**
 * Content hashes for chunk file names: a chunk's name changes exactly when
 * its text does, so every file but the directory can be cached forever and a
 * browser never mixes chunks of two builds. Not a security hash: cyrb53
 * (two multiplicative 32-bit lanes, 53 bits), browser-safe and dependency-free.
 */

/** Characters of a chunk hash (base 36, about 36 bits). */
export const HASH_CHARS = 7;

/**
 * cyrb53 of `text` (over UTF-16 units), then of `words` when given (each a
 * 32-bit unsigned integer, such as a file's size and times read through a
 * `Uint32Array`, hashed without being written as text), with `seed`: a 53-bit integer.
 */
export function cyrb53(text: string, seed = 0, words?: ArrayLike<number>): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  // Two loops, not one over both: chunk names hash megabytes of text, and a branch per character costs there.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  for (let i = 0; words !== undefined && i < words.length; i++) {
    const c = words[i]!;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The hash of `text` as `HASH_CHARS` base-36 characters. */
export function contentHash(text: string): string {
  return cyrb53(text).toString(36).padStart(HASH_CHARS, '0').slice(-HASH_CHARS);
}
