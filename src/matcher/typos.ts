/**
 * Typos: a query word that finds nothing as written (`imagepullbackof`,
 * `econreset`, `Conection`) is compared with the index's loaded keys — text
 * terms and the names of errno, exception and identifier facts — by edit
 * distance (`fastest-levenshtein`): 1 for words of five to seven letters, 2
 * from eight. Matches count at `TYPO_FACTOR` and read `record ≈ query` in
 * evidence. Bounded: at most `MAX_TYPO_WORDS` words per query and
 * `MAX_TYPO_COMPARISONS` distance computations in all.
 */
import { distance } from 'fastest-levenshtein';
import { MAX_TYPO_COMPARISONS, MAX_TYPO_WORDS, MIN_TYPO_CHARS } from './constants.ts';

/** Fact types whose names are compared for typos. */
const NAMED_TYPES = ['errno', 'exception', 'identifier'] as const;

/** The closest keys to one query word. */
export interface TypoCandidate {
  /** The query word as written. */
  word: string;
  /** Index keys (fact keys or text terms) at the smallest distance found. */
  keys: string[];
}

/** Edit distance allowed for a word of `length` characters (0: not tried). */
export function typoDistance(length: number): number {
  return length < MIN_TYPO_CHARS ? 0 : length < 8 ? 1 : 2;
}

/**
 * For each word (with its stemmed text term), the loaded keys nearest to it:
 * fact names compared with the word in lower case, text terms with its term.
 * Words come in query order; the first `MAX_TYPO_WORDS` are tried.
 */
export function typoCandidates(words: ReadonlyArray<{ word: string; term: string | undefined }>, vocabulary: readonly string[]): TypoCandidate[] {
  const out: TypoCandidate[] = [];
  let budget = MAX_TYPO_COMPARISONS;
  for (const { word, term } of words.slice(0, MAX_TYPO_WORDS)) {
    const lower = word.toLowerCase();
    const max = typoDistance(lower.length);
    if (max === 0) continue;
    let best = max + 1;
    let keys: string[] = [];
    for (const key of vocabulary) {
      if (budget-- <= 0) break;
      const colon = key.indexOf(':');
      let against: string | undefined;
      let name: string;
      if (colon < 0) {
        if (term === undefined || key.startsWith('~')) continue;
        against = term;
        name = key;
      } else {
        if (!NAMED_TYPES.includes(key.slice(0, colon) as (typeof NAMED_TYPES)[number])) continue;
        against = lower;
        name = key.slice(colon + 1).toLowerCase();
      }
      if (Math.abs(name.length - against.length) > max || name === against) continue;
      const d = distance(name, against);
      if (d > max || d > best) continue;
      if (d < best) {
        best = d;
        keys = [];
      }
      keys.push(key);
    }
    if (keys.length > 0) out.push({ word, keys });
    if (budget <= 0) break;
  }
  return out;
}
