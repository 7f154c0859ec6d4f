/**
 * The bilingual operations lexicon (`lexicon.json`): concepts such as
 * rate limit / 限流 or replication lag / 主从延迟, each with the English and
 * Chinese ways responders write them. `conceptFacts` finds them in text as
 * `concept:<id>` facts, in records and in queries alike, so a query in one
 * language meets a record written in the other through the shared key, and
 * the evidence reads `限流 ≈ rate limit`.
 *
 * English variants match whole stemmed words in sequence (`rate limiting`
 * finds `rate limited`); Chinese variants (which may hold Latin letters:
 * `cpu使用率`) match as substrings of the lower-cased text. Matching is
 * leftmost-longest and linear in the text: one pass over its words, one
 * over its characters, each position looking up a map.
 */
import lunr from 'lunr';
import { STEM_CACHE_WORDS } from './constants.ts';
import data from './lexicon.json' with { type: 'json' };
import stems from './lexicon-stems.json' with { type: 'json' };
import type { Fact } from './types.ts';

/** One concept of the lexicon. */
export interface LexiconEntry {
  id: string;
  en: string[];
  zh: string[];
}

/** The lexicon as shipped: its sources and entries. */
export const LEXICON: { sources: string[]; entries: LexiconEntry[] } = data;

/** Most concept facts read from one text (a long body names each concept once anyway). */
export const MAX_CONCEPTS_PER_TEXT = 400;

interface Variant {
  entry: LexiconEntry;
  /** English: stemmed words; Chinese: the lower-cased string. */
  words: string[];
  zh: boolean;
}

const WORD = /[a-z0-9]+/g;

const stemCache = new Map<string, string>();

/** lunr's English stemmer, without its stop-word filter (`not found` keeps `not`); cached, as logs repeat words. */
function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\d+$/.test(word) ? word : lunr.stemmer(new lunr.Token(word, {})).toString();
    if (stemCache.size > STEM_CACHE_WORDS) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The stemmed words of each English variant of entry `index`. `lexicon-stems.json`
 * (`npm run lexicon:stems`) holds them worked out ahead, one string per entry (variants
 * split by `|`, words by spaces): stemming the lexicon's 1,700-odd words took 15–30 ms of a
 * page's first query, before it could ask for its chunks. An entry whose variants do not
 * fit the stored string (an edited lexicon; a test says to regenerate) is stemmed here.
 */
export function variantStems(index: number): string[][] {
  const entry = LEXICON.entries[index]!;
  const stored = STORED.variants[index]?.split('|');
  if (stored === undefined || stored.length !== entry.en.length) return entry.en.map(stemVariant);
  return stored.map((words) => (words === '' ? [] : words.split(' ')));
}

/** Stems a variant's words with `stem`: what `lexicon-stems.json` stores (space-separated). */
export function stemVariant(text: string): string[] {
  return (normalize(text).match(WORD) ?? []).map(stem);
}

const push = (map: Map<string, Variant[]>, key: string, variant: Variant) => {
  const list = map.get(key);
  if (list) list.push(variant);
  else map.set(key, [variant]);
};

const variantLength = (v: Variant) => (v.zh ? v.words[0]!.length : v.words.length);

/** Each key's variants longest first, so the first that fits is the leftmost-longest match. */
function longestFirst(map: Map<string, Variant[]>): Map<string, Variant[]> {
  for (const list of map.values()) list.sort((a, b) => variantLength(b) - variantLength(a));
  return map;
}

/** `lexicon-stems.json`: each entry's variants' stems, and the variants each first stem starts (`entry.variant`, longest first). */
const STORED = stems as { variants: string[]; first: Record<string, string> };

// Built at first need, each language on its own: a query in English never pays for the
// Chinese table (and an all-ASCII one only for the Chinese variants that hold no Han).
const enCandidates = new Map<string, Variant[]>();
let enTable: Map<string, Variant[]> | undefined;
const zhTables: { all?: Map<string, Variant[]>; latin?: Map<string, Variant[]> } = {};

/**
 * The English variants whose first stemmed word is `stem`, longest first. Read from the stored
 * index for the stems a text has (building the whole table cost a first query about 6 ms); from a
 * table built here when the stored stems are not the lexicon's (an edited lexicon; a test says to regenerate).
 */
function englishCandidates(stem: string): Variant[] | undefined {
  if (STORED.variants.length !== LEXICON.entries.length) return englishTable().get(stem);
  // Most words start no variant: answered from the stored index, not remembered (a library's vocabulary would crowd out the hits).
  if (!Object.hasOwn(STORED.first, stem)) return undefined;
  let list = enCandidates.get(stem);
  if (list === undefined) {
    const refs = STORED.first[stem]!.split(' ');
    list = refs.map((ref) => {
      const [entry, variant] = ref.split('.').map(Number) as [number, number];
      return { entry: LEXICON.entries[entry]!, words: variantStems(entry)[variant] ?? [], zh: false };
    });
    if (enCandidates.size > 10_000) enCandidates.clear();
    enCandidates.set(stem, list);
  }
  return list.length > 0 ? list : undefined;
}

/** English variants keyed by their first stemmed word (when the stored index cannot be used). */
function englishTable(): Map<string, Variant[]> {
  if (enTable) return enTable;
  const en = new Map<string, Variant[]>();
  LEXICON.entries.forEach((entry, index) => {
    for (const words of variantStems(index)) {
      if (words.length > 0) push(en, words[0]!, { entry, words, zh: false });
    }
  });
  return (enTable = longestFirst(en));
}

/** Han radicals and ideographs (BMP): a variant holding one stays non-ASCII under NFKC. Plain ranges, not \p{Script=Han}: 2 ms cheaper over 800 variants. */
const HAN = /[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * Chinese (and mixed) variants keyed by their first two characters. `latinOnly`: only those
 * with no Han character, the only ones an all-ASCII text can hold (NFKC keeps a Han character Han;
 * a Han character outside {@link HAN}'s ranges only puts its variant in the table needlessly).
 */
function chineseTable(latinOnly: boolean): Map<string, Variant[]> {
  return (zhTables[latinOnly ? 'latin' : 'all'] ??= buildChineseTable(latinOnly));
}

function buildChineseTable(latinOnly: boolean): Map<string, Variant[]> {
  const zh = new Map<string, Variant[]>();
  for (const entry of LEXICON.entries) {
    for (const text of entry.zh) {
      if (latinOnly && HAN.test(text)) continue;
      const lower = normalize(text);
      if (lower.length >= 2) push(zh, lower.slice(0, 2), { entry, words: [lower], zh: true });
    }
  }
  return longestFirst(zh);
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Whether a variant is written in Chinese (holds a Han character). */
export function isChineseVariant(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/**
 * The lexicon concepts named in `text`, one fact per occurrence
 * (`concept:rate-limit`, text as written, lower-cased), in order; a span
 * inside a longer one is dropped. Never throws.
 */
export function conceptFacts(text: string, maxChars = Number.POSITIVE_INFINITY): Fact[] {
  if (typeof text !== 'string' || text === '') return [];
  const input = normalize(text.length > maxChars ? text.slice(0, maxChars) : text);
  const zh = chineseTable(!NON_ASCII.test(input));
  const out: Fact[] = [];
  const add = (variant: Variant, start: number, end: number) => {
    out.push({ type: 'concept', key: `concept:${variant.entry.id}`, text: input.slice(start, end), start, end });
  };

  // English: stemmed words in sequence.
  const words: Array<{ stem: string; start: number; end: number }> = [];
  for (const match of input.matchAll(WORD)) {
    if (match[0].length <= 32) words.push({ stem: stem(match[0]), start: match.index, end: match.index + match[0].length });
  }
  for (let i = 0; i < words.length && out.length < MAX_CONCEPTS_PER_TEXT; i++) {
    const candidates = englishCandidates(words[i]!.stem);
    if (!candidates) continue;
    const hit = candidates.find((v) => v.words.every((w, k) => words[i + k]?.stem === w && (k === 0 || words[i + k]!.start - words[i + k - 1]!.end <= 2)));
    if (!hit) continue;
    add(hit, words[i]!.start, words[i + hit.words.length - 1]!.end);
    i += hit.words.length - 1;
  }

  // Chinese (and mixed) variants: substrings, leftmost-longest, no overlap.
  for (let i = 0; zh.size > 0 && i + 1 < input.length && out.length < MAX_CONCEPTS_PER_TEXT; i++) {
    const candidates = zh.get(input.slice(i, i + 2));
    if (!candidates) continue;
    const hit = candidates.find((v) => input.startsWith(v.words[0]!, i));
    if (!hit) continue;
    // A mixed variant (`cpu使用率`) must not start inside a longer Latin word.
    if (/[a-z0-9]/.test(input[i]!) && i > 0 && /[a-z0-9]/.test(input[i - 1]!)) continue;
    add(hit, i, i + hit.words[0]!.length);
    i += hit.words[0]!.length - 1;
  }
  // A span inside a longer one (`cpu` in `cpu使用率`) is the longer one's.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  return out.filter((f) => {
    if (f.end <= reach) return false;
    reach = Math.max(reach, f.end);
    return true;
  });
}
