/**
 * English labels for figures, read from the words just before them
 * (`失败率为41.48%` → `failure rate`) or from a record's own figure label.
 */
import { FIGURE_LABELS } from './fact-vocab.ts';
import type { Lexeme } from './lex.ts';

/** English figure names recognised in English text, most specific first. */
export const ENGLISH_FIGURE_LABELS: readonly string[] = [
  'failure rate',
  'error rate',
  'success rate',
  'packet loss',
  'latency',
  'connections',
  'cpu',
  'memory',
  'disk',
  'timeout',
  'utilization',
  'usage',
];

/** Longest label kept from an English record label. */
export const MAX_LABEL_CHARS = 40;

/** An English label for a record's figure label (any language), or `undefined` when none is known. */
export function englishLabel(label: string): string | undefined {
  const lower = label.toLowerCase().trim();
  if (lower === '') return undefined;
  for (const [chinese, english] of FIGURE_LABELS) if (lower.includes(chinese)) return english;
  for (const english of ENGLISH_FIGURE_LABELS) if (lower.includes(english)) return english;
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]+$/.test(lower)) return lower.length > MAX_LABEL_CHARS ? `${lower.slice(0, MAX_LABEL_CHARS - 1)}…` : lower;
  return undefined;
}

/**
 * The label of the figure at lexeme `i`, from up to three lexemes before it
 * on the same line, after skipping the `skip` words of its comparison
 * (`failure rate more than 40%`: the label is read before `more than`).
 */
export function figureLabelBefore(lexemes: Lexeme[], i: number, skip = 0): string | undefined {
  const line = lexemes[i]!.line;
  const words: string[] = [];
  const from = i - 1 - skip;
  for (let k = from; k >= Math.max(0, from - 2); k--) {
    const lexeme = lexemes[k]!;
    if (lexeme.line !== line) break;
    if (lexeme.kind === 'cjk') {
      for (const [chinese, english] of FIGURE_LABELS) if (lexeme.text.includes(chinese)) return english;
      continue;
    }
    words.unshift(lexeme.lower);
  }
  const phrase = words.join(' ');
  for (const english of ENGLISH_FIGURE_LABELS) if (phrase.includes(english)) return english;
  return undefined;
}
