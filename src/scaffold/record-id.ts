/**
 * Record ids and file names from titles. Titles in scripts without a Latin
 * transliteration we trust (Chinese, Japanese, Korean) never become a slug of
 * their stray digits: the English title is used, or `record-<shortid>`.
 */
import { randomBytes } from 'node:crypto';
import { slugify } from '../schema/slug.ts';

/** Characters of CJK scripts, whose titles are not slugged. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Whether a title is written (partly) in a CJK script. */
export function isCjk(text: string): boolean {
  return CJK.test(text);
}

/** A short random id, 6 hex digits. */
export function shortId(): string {
  return randomBytes(3).toString('hex');
}

/**
 * The id of a new record: the slug of `title`; for a CJK title (or a title
 * with nothing to slug) the slug of `titleEn`; failing both, `record-<shortid>`.
 */
export function recordId(title: string, titleEn?: string, makeShortId: () => string = shortId): string {
  const own = isCjk(title) ? '' : slugify(title);
  if (own) return own;
  const english = titleEn ? slugify(titleEn) : '';
  return english || `record-${makeShortId()}`;
}
