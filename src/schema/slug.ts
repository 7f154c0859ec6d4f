/**
 * Ids and tags, as the record schema defines them, and how to make them from
 * free text (titles, keywords). The one place both are defined: the schema
 * checks with these patterns, the importer and the scaffolder make names with
 * these functions.
 */

/** An id: lowercase ASCII kebab-case (a URL segment and part of a file name). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A tag: lowercase kebab-case in any script (the schema allows Han tags), `.` allowed between words. */
export const TAG = /^[\p{Ll}\p{Lo}\p{N}]+(?:[-.][\p{Ll}\p{Lo}\p{N}]+)*$/u;

/** Longest slug taken from a title, in characters; cut at a hyphen. */
export const MAX_SLUG_LENGTH = 60;

/**
 * Lowercase kebab-case ASCII from `text`, accents dropped, cut at a word
 * boundary to at most `maxLength` (a first word longer than that is cut);
 * `''` when nothing usable is left.
 * `Amazon SimpleDB US East Region Disruption` → `amazon-simpledb-us-east-region-disruption`.
 */
export function slugify(text: string, maxLength: number = MAX_SLUG_LENGTH): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/** A tag from free text (`us east` → `us-east`, `ci/cd` → `ci-cd`), or undefined when nothing is left. */
export function toTag(text: string): string | undefined {
  const tag = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{N}.]+/gu, '-')
    .replace(/[-.]{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return TAG.test(tag) ? tag : undefined;
}
