/**
 * The hash behind the cache's quick keys: the stat key of a records folder,
 * the code version, a library's cache folder name, the settings key. They
 * tell "has anything changed since the last call" on every call, so they use
 * no `node:crypto`: loading it (with the streams its hashes are built on)
 * cost a warm `precedent match` about 11 ms, more than hashing a
 * 10,000-file listing here. Not a security hash: four multiplicative 32-bit
 * lanes over the UTF-16 units (cyrb53's mix, widened to 128 bits), enough
 * that two listings of one folder never share a key by chance. Record
 * contents are still hashed with SHA-256 (`contentKey`), which only runs
 * when something changed.
 */

/** The 128-bit hash of `text` as 32 hex digits. */
export function keyHash(text: string): string {
  let a = 0xdeadbeef;
  let b = 0x41c6ce57;
  let c = 0x9e3779b9;
  let d = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    a = Math.imul(a ^ u, 2654435761);
    b = Math.imul(b ^ u, 1597334677);
    c = Math.imul(c ^ u, 2246822519);
    d = Math.imul(d ^ u, 3266489917);
  }
  // Final avalanche: every lane depends on the others, so a change in one char flips about half of all 128 bits.
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(c ^ (c >>> 13), 3266489909);
  c = Math.imul(c ^ (c >>> 16), 2246822507) ^ Math.imul(d ^ (d >>> 13), 3266489909);
  d = Math.imul(d ^ (d >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return [a, b, c, d].map((lane) => (lane >>> 0).toString(16).padStart(8, '0')).join('');
}
