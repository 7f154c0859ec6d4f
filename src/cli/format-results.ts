/**
 * How `precedent match` prints results for people: rank, score, kind, date,
 * title, file, evidence and the fix, with record text cleaned of terminal
 * control characters (records are untrusted).
 */
import type { MatchResult } from '../matcher/types.ts';
import { matchStrings, type MatchStrings } from '../i18n/match-strings.ts';

/** Colour functions; identity when colour is off. */
export interface Colours {
  bold: (s: string) => string;
  dim: (s: string) => string;
  green: (s: string) => string;
  cyan: (s: string) => string;
}

/** Most lines of a fix's command shown under a result. */
export const MAX_COMMAND_LINES = 6;

/** ANSI colours when `on`, else none. */
export function colours(on: boolean): Colours {
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), cyan: wrap(36, 39) };
}

/** Record text is untrusted: strips terminal control and bidi override characters before printing. */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * Human-readable results, each headed by its confidence in words. Weak
 * results come after a heading of their own; when nothing is better than
 * weak, a first line says so plainly.
 */
export function formatResults(results: MatchResult[], c: Colours = colours(false), strings: MatchStrings = matchStrings('en')): string {
  const lines: string[] = [];
  const width = Math.max(...Object.values(strings.confidence).map((w) => w.length));
  if (results.length > 0 && results.every((r) => r.confidence === 'weak')) lines.push(strings.noStrongMatch, '');
  results.forEach((result, i) => {
    if (result.confidence === 'weak' && i > 0 && results[i - 1]!.confidence !== 'weak') lines.push(`— ${strings.weakHeading} —`, '');
    const word = strings.confidence[result.confidence].padEnd(width);
    const head = [`${String(i + 1).padStart(2)}.`, c.bold(result.score.toFixed(1).padStart(5)), result.confidence === 'strong' ? c.bold(word) : word, result.kind, result.date ?? '—'].join('  ');
    lines.push(`${head}  ${c.bold(clean(result.title))}`);
    const indent = '          ';
    if (result.titleEn) lines.push(`${indent}${clean(result.titleEn)}`);
    lines.push(`${indent}${c.dim(clean(result.file))}`);
    for (const reason of result.reasons) lines.push(`${indent}${c.cyan('•')} ${clean(reason.label)} ${c.dim(`(${reason.where})`)}`);
    if (result.fix) {
      lines.push(`${indent}${c.green(`${result.fix.type}:`)} ${clean(result.fix.summary.replace(/\s+/g, ' '))}`);
      if (result.fix.command) {
        // A shell command gets a prompt; code in another language (C, SQL) does not.
        const prompt = result.fix.commands?.[0]?.lang ? '' : '$ ';
        for (const line of result.fix.command.trimEnd().split('\n').slice(0, MAX_COMMAND_LINES)) lines.push(`${indent}  ${prompt}${clean(line)}`);
      }
    }
    lines.push('');
  });
  return `${lines.join('\n')}`;
}
