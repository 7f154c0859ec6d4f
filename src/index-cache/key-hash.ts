/**
 * The hash behind the cache's quick keys: the stat key of a records folder,
 * the code version, a library's cache folder name, the settings key. They
 * tell "has anything changed since the last call" on every call, so they use
 * no `node:crypto`: loading it (with the streams its hashes are built on)
 * cost a warm `precedent match` about 11 ms, more than hashing a
 * 10,000-file listing here. Not a security hash: the chunk names' cyrb53
 * under two seeds (106 bits), enough that two listings of one folder never
 * share a key by chance. Record contents are still hashed with SHA-256
 * (`contentKey`), which only runs when something changed.
 */
import { cyrb53 } from '../matcher/content-hash.ts';

/** A second, unrelated seed (the golden ratio's 32 bits). */
export const KEY_SEED = 0x9e3779b9;

/** The hash of `text` as 32 hex digits (two 53-bit halves, each padded to 16). */
export function keyHash(text: string): string {
  return [cyrb53(text), cyrb53(text, KEY_SEED)].map((half) => half.toString(16).padStart(16, '0')).join('');
}
