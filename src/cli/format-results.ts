/**
 * How `precedent match` prints results for people: rank, score, kind, date,
 * title, file, evidence and the fix, with record text cleaned of terminal
 * control characters (records are untrusted).
 */
import type { MatchResult } from '../matcher/index.ts';

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

/** Human-readable results. */
export function formatResults(results: MatchResult[], c: Colours = colours(false)): string {
  const lines: string[] = [];
  results.forEach((result, i) => {
    const head = [`${String(i + 1).padStart(2)}.`, c.bold(result.score.toFixed(1).padStart(5)), result.kind, result.date ?? '—'].join('  ');
    lines.push(`${head}  ${c.bold(clean(result.title))}`);
    const indent = '          ';
    if (result.titleEn) lines.push(`${indent}${clean(result.titleEn)}`);
    lines.push(`${indent}${c.dim(clean(result.file))}`);
    for (const reason of result.reasons) lines.push(`${indent}${c.cyan('•')} ${clean(reason.label)} ${c.dim(`(${reason.where})`)}`);
    if (result.fix) {
      lines.push(`${indent}${c.green(`${result.fix.type}:`)} ${clean(result.fix.summary.replace(/\s+/g, ' '))}`);
      if (result.fix.command) {
        for (const line of result.fix.command.trimEnd().split('\n').slice(0, MAX_COMMAND_LINES)) lines.push(`${indent}  $ ${clean(line)}`);
      }
    }
    lines.push('');
  });
  return `${lines.join('\n')}`;
}
