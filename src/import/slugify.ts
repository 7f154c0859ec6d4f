/**
 * Record ids and tags: lowercase kebab-case, ASCII words for ids (a URL
 * segment), any script for tags (the schema allows Han tags).
 */

/** Longest id made from a title; cut at a word boundary. */
export const MAX_SLUG_CHARS = 60;

/** `Amazon SimpleDB US East Region Disruption` → `amazon-simpledb-us-east-region-disruption`; '' when there are no ASCII words. */
export function slugify(text: string, max = MAX_SLUG_CHARS): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, max);
}

/** A tag from free text (`us east` → `us-east`, `ci/cd` → `ci-cd`), or undefined when nothing is left. */
export function toTag(text: string): string | undefined {
  const tag = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{N}.]+/gu, '-')
    .replace(/[-.]{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return /^[\p{Ll}\p{Lo}\p{N}]+(?:[-.][\p{Ll}\p{Lo}\p{N}]+)*$/u.test(tag) ? tag : undefined;
}
