/**
 * Words for text relevance: the same function runs at index time (build,
 * Node) and at query time (browser or CLI), so both sides always agree.
 *
 * Chinese, Japanese and Korean runs become unigrams plus bigrams — a fixed
 * rule, unlike dictionary segmenters (`Intl.Segmenter`, ICU) whose output
 * differs between Node and Chromium builds. Other words are NFKC-folded,
 * lower-cased, stop-word filtered and stemmed with lunr's English stemmer.
 */
import lunr from 'lunr';
import { STEM_CACHE_WORDS } from './constants.ts';

/** Latin words longer than this are cut (hashes, base64 blobs). */
export const MAX_WORD_CHARS = 32;

/** Chinese function characters that, alone, match nearly everything. Bigrams containing them are kept. */
export const CJK_STOP_CHARS: ReadonlySet<string> = new Set(
  '的了和是在就都而及与着或一个也这那有为以于上中对从到等被把让吗呢吧啊'.split(''),
);

const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const CJK_SPLIT = /([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+)/u;
const DIGITS = /^\p{N}+$/u;
// What WORD_RUN and DIGITS find in ASCII text, without Unicode property classes: compiling
// those cost a call's first query about 2 ms, and most queries and logs are ASCII.
const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_WORD_RUN = /[a-z0-9]+/g;
const ASCII_DIGITS = /^[0-9]+$/;

/** True when the character is CJK (Han, kana, Hangul). */
export function isCjk(char: string): boolean {
  return CJK_CHAR.test(char);
}

/** Makes text safe to normalize: lone surrogates become U+FFFD. */
export function wellFormed(text: string): string {
  const s = text as string & { toWellFormed?: () => string };
  return typeof s.toWellFormed === 'function' ? s.toWellFormed() : text.replace(/[\ud800-\udfff]/g, (c, i: number, all: string) => {
    const code = c.charCodeAt(0);
    if (code <= 0xdbff) {
      const next = all.charCodeAt(i + 1);
      return next >= 0xdc00 && next <= 0xdfff ? c : '\ufffd';
    }
    const prev = all.charCodeAt(i - 1);
    return prev >= 0xd800 && prev <= 0xdbff ? c : '\ufffd';
  });
}

const stemCache = new Map<string, string>();

function stem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    cached = lunr.stopWordFilter(new lunr.Token(word, {})) ? lunr.stemmer(new lunr.Token(word, {})).toString() : '';
    if (stemCache.size > STEM_CACHE_WORDS) stemCache.clear();
    stemCache.set(word, cached);
  }
  return cached;
}

/** A run of letters and digits, split where CJK meets other scripts; folded (NFKC, lower case). */
export interface TextRun {
  text: string;
  cjk: boolean;
}

/** The runs of `text`, in order. */
export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const folded = wellFormed(text).normalize('NFKC').toLowerCase();
  if (!NON_ASCII.test(folded)) {
    for (const match of folded.matchAll(ASCII_WORD_RUN)) runs.push({ text: match[0], cjk: false });
    return runs;
  }
  for (const match of folded.matchAll(WORD_RUN)) {
    for (const part of match[0].split(CJK_SPLIT)) {
      if (part !== '') runs.push({ text: part, cjk: CJK_CHAR.test(part[0]!) });
    }
  }
  return runs;
}

/** Terms of one run (see `tokenizeText`). */
export function runTerms(run: TextRun, out: string[] = []): string[] {
  if (run.cjk) pushCjk(run.text, out);
  else pushWord(run.text, out);
  return out;
}

/**
 * Splits text into index terms, in order, with repeats (for term frequency).
 * Pure digits are left to the fact extractor.
 */
export function tokenizeText(text: string): string[] {
  const out: string[] = [];
  for (const run of textRuns(text)) runTerms(run, out);
  return out;
}

function pushWord(word: string, out: string[]): void {
  if (word.length < 2 || ASCII_DIGITS.test(word) || (NON_ASCII.test(word) && DIGITS.test(word))) return;
  const stemmed = stem(word.length > MAX_WORD_CHARS ? word.slice(0, MAX_WORD_CHARS) : word);
  if (stemmed !== '') out.push(stemmed);
}

function pushCjk(run: string, out: string[]): void {
  const chars = Array.from(run);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (!CJK_STOP_CHARS.has(char)) out.push(char);
    if (i + 1 < chars.length) out.push(char + chars[i + 1]);
  }
}

/** True for a CJK bigram term (two CJK characters). */
export function isBigram(term: string): boolean {
  const chars = Array.from(term);
  return chars.length === 2 && CJK_CHAR.test(chars[0]!) && CJK_CHAR.test(chars[1]!);
}
