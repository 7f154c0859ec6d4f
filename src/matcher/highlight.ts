/**
 * Splits a text into plain and highlighted parts where the words of a query
 * fragment occur. Pure, so both the client renderer and the build-time
 * related list use it. Linear in the text: the pattern is an alternation of
 * escaped literals, never a user-supplied regex.
 */

/** One run of text, highlighted or not. */
export interface TextPart {
  text: string;
  mark: boolean;
}

/** Longer fragments are ignored: a pasted log is not something to highlight. */
export const MAX_FRAGMENT_LENGTH = 200;
/** At most this many words of a fragment are highlighted. */
export const MAX_WORDS = 12;

/**
 * `value` as a literal for a `u`-flag pattern. Only the syntax characters are
 * escaped: under `u` an identity escape of anything else (`\-`, `\:`) is a
 * SyntaxError, and outside a character class `-` needs no escape.
 */
export function escapeRegExp(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * `text` cut into parts, with every case-insensitive occurrence of a word of
 * `fragment` (split on white space; `%` and other punctuation kept; lone ASCII
 * characters skipped) marked.
 */
export function highlightParts(text: string, fragment: string | undefined): TextPart[] {
  if (!fragment || fragment.length > MAX_FRAGMENT_LENGTH) return text ? [{ text, mark: false }] : [];
  // A lone ASCII character (`a`, `5`) would mark half the text; a lone CJK character is a word.
  const words = [...new Set(fragment.split(/\s+/).filter((word) => word.length > 1 || /[^\x00-\x7f]/.test(word)))]
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_WORDS);
  if (words.length === 0) return text ? [{ text, mark: false }] : [];
  const pattern = new RegExp(words.map(escapeRegExp).join('|'), 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start), mark: false });
    parts.push({ text: match[0], mark: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mark: false });
  return parts;
}
