/**
 * Splits text into lexemes with their spans: words (anything between
 * separators, keeping `.:/=%-_` so `10.0.0.1:80`, `5002/udp`, `actions:drop`
 * stay whole), CJK runs and comparison/arrow operators. One pass of one
 * regular expression whose alternatives are single character classes, so
 * the work is linear in the input.
 */

/** A word, a CJK run or an operator. */
export interface Lexeme {
  /** Text with trailing sentence punctuation removed. */
  text: string;
  /** `text` lower-cased. */
  lower: string;
  kind: 'word' | 'cjk' | 'op';
  start: number;
  end: number;
  /** Line number (0-based), for context that must not cross lines. */
  line: number;
}

const CJK = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uac00-\\ud7af';
const SEPARATORS = '\\s<>≥≤≈~→,;()"\'`{}\\[\\]|，。；：（）、！？【】《》「」“”‘’…\\u0000-\\u001f';
const LEXEME = new RegExp(
  `(\\n)|([${CJK}]+)|(>=|<=|->|=>|[<>≥≤≈~→])|([^${SEPARATORS}${CJK}]+)|[\\s\\S]`,
  'gu',
);
const TRAILING = /[.:!?*]+$/;
const OPS: Record<string, string> = { '≥': '>=', '≤': '<=', '≈': '~', '=>': '→', '->': '→' };

/**
 * Lexes `text`. Lexemes longer than `maxLexeme` are cut (their span stays
 * whole) so later per-lexeme patterns do bounded work.
 */
export function lex(text: string, maxLexeme: number): Lexeme[] {
  const out: Lexeme[] = [];
  let line = 0;
  LEXEME.lastIndex = 0;
  for (const match of text.matchAll(LEXEME)) {
    if (match[1] !== undefined) {
      line++;
      continue;
    }
    const start = match.index;
    const end = start + match[0].length;
    if (match[2] !== undefined) {
      const run = match[2].length > maxLexeme ? match[2].slice(0, maxLexeme) : match[2];
      out.push({ text: run, lower: run, kind: 'cjk', start, end, line });
    } else if (match[3] !== undefined) {
      const op = OPS[match[3]] ?? match[3];
      out.push({ text: op, lower: op, kind: 'op', start, end, line });
    } else if (match[4] !== undefined) {
      let word = match[4].length > maxLexeme ? match[4].slice(0, maxLexeme) : match[4];
      if (word.length > 1) word = word.replace(TRAILING, '') || word;
      out.push({ text: word, lower: word.toLowerCase(), kind: 'word', start, end, line });
    }
  }
  return out;
}
