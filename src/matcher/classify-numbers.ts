/**
 * Numbers in context: a port (`udp 5002`, `54503 → 5002`, `端口5555`), a
 * code (`error 266`, `266报错`), an HTTP status, an exit code or signal, a
 * percentage, a figure with its comparison and unit (`超过 1020`, `>1000
 * connections`), a duration or a size — or, failing all, a bare number.
 */
import {
  CODE_CJK_PREFIXES,
  CODE_CJK_SUFFIXES,
  CODE_WORDS,
  COUNT_CJK_UNITS,
  COUNT_UNITS,
  DURATION_CJK_UNITS,
  DURATION_UNITS,
  HTTP_REASONS,
  OP_CJK_SUFFIXES,
  OP_WORDS,
  PORT_CJK_SUFFIXES,
  PORT_WORDS,
  PROTOCOL_WORDS,
  SIGNALS,
  SIZE_UNITS,
} from './fact-vocab.ts';
import { decimalsOf } from './figures.ts';
import { figureLabelBefore } from './figure-label.ts';
import { fact, lineProtocol, near, portFact } from './lexeme-context.ts';
import type { Lexeme } from './lex.ts';
import type { Fact, FigureOp } from './types.ts';

const HTTP_WORD = /^https?(?:\/[\d.]{1,3})?$/;

/** IANA protocol numbers, printed after the name by conntrack and friends. */
const PROTOCOL_NUMBERS = new Map([['tcp', 6], ['udp', 17], ['sctp', 132]]);

/** Facts of the numeral at lexeme `i` (`numeral` is its `NUMERAL` match: comparison, digits, glued unit). */
export function numberFacts(lexemes: Lexeme[], i: number, numeral: RegExpExecArray, out: Fact[]): void {
  const lexeme = lexemes[i]!;
  const digits = numeral[2]!;
  const value = Number(digits);
  const decimals = decimalsOf(digits);
  const glued = numeral[3];
  let op = numeral[1] as FigureOp | undefined;
  const p1 = near(lexemes, i, -1);
  const p2 = near(lexemes, i, -2);
  const n1 = near(lexemes, i, 1);
  const isInteger = decimals === 0;

  const unit = glued ?? (n1?.kind === 'word' && (n1.text === '%' || unitOf(n1.text) !== undefined) ? n1.text : undefined);
  const cjkAfter = n1?.kind === 'cjk' ? n1.text : '';
  const cjkBefore = p1?.kind === 'cjk' ? p1.text : '';
  op ??= opBefore(p1, p2, cjkBefore);
  // `more than 40%`: the comparison's words belong to the figure's text, and its label is read before them.
  const opWords = numeral[1] === undefined && op !== undefined && p1?.kind !== 'cjk' ? (p1?.lower === 'than' ? 2 : 1) : 0;
  const label = unit !== undefined || op !== undefined || COUNT_CJK_UNITS.some((s) => cjkAfter.startsWith(s)) ? figureLabelBefore(lexemes, i, opWords) : undefined;
  const span = figureSpan(lexeme, opWords === 2 ? [p2!, p1!] : opWords === 1 ? [p1!] : [], glued === undefined && unit !== undefined ? n1 : undefined);

  if (unit === '%') {
    return void out.push(fact(lexeme, 'percent', `percent:${value}`, { ...span, value, decimals, unit: '%', ...(op && { op }), ...(label && { label }) }));
  }
  if (unit !== undefined) {
    const known = unitOf(unit);
    if (known?.kind === 'duration') {
      const seconds = value * known.factor;
      return void out.push(fact(lexeme, 'duration', `duration:${seconds}`, { ...span, value: seconds, decimals, unit: 's', ...(op && { op }) }));
    }
    if (known?.kind === 'size') {
      const bytes = value * known.factor;
      return void out.push(fact(lexeme, 'figure', `figure:B:${bytes}`, { ...span, value: bytes, decimals, unit: 'B', ...(op && { op }), ...(label && { label }) }));
    }
    if (known?.kind === 'count') {
      return void out.push(fact(lexeme, 'figure', `figure:count:${value}`, { ...span, value, decimals, unit: 'count', ...(op && { op }), label: label ?? unit.toLowerCase() }));
    }
    if (glued !== undefined) return;
  }
  for (const [suffix, factor] of DURATION_CJK_UNITS) {
    if (cjkAfter.startsWith(suffix)) {
      const seconds = value * factor;
      return void out.push(fact(lexeme, 'duration', `duration:${seconds}`, { ...span, value: seconds, decimals, unit: 's', ...(op && { op }) }));
    }
  }

  if (isInteger && !op) {
    const prev = p1?.lower ?? '';
    // `udp 5002` is a port; `UDP 63 54503 → 5002` (a table column) and `tcp 6 120` (conntrack) are not.
    // `tcp 6 src=…` (conntrack -E): 6 is TCP's own protocol number, not a port.
    const ownNumber = PROTOCOL_NUMBERS.get(prev) === value;
    if (PROTOCOL_WORDS.has(prev) && !ownNumber && !(n1 && /^\d/.test(n1.text))) return portFact(lexeme, digits, prev, out);
    if (PORT_WORDS.has(prev) || PORT_CJK_SUFFIXES.some((s) => cjkBefore.endsWith(s)) || cjkAfter.startsWith('端口')) {
      return portFact(lexeme, digits, lineProtocol(lexemes, i), out);
    }
    if (isArrowPort(lexemes, i)) return portFact(lexeme, digits, lineProtocol(lexemes, i), out);
    if (value >= 100 && value <= 599 && (HTTP_WORD.test(prev) || httpReasonAfter(lexemes, i))) {
      return void out.push(fact(lexeme, 'http', `http:${value}`, { value }));
    }
    if (isExitContext(lexemes, i)) {
      out.push(fact(lexeme, 'exit', `exit:${value}`, { value }));
      const signal = value > 128 ? SIGNALS.get(value - 128) : undefined;
      if (signal) out.push(fact(lexeme, 'signal', `signal:${signal}`));
      return;
    }
    if (prev === 'signal' && SIGNALS.has(value)) return void out.push(fact(lexeme, 'signal', `signal:${SIGNALS.get(value)}`));
    if (CODE_WORDS.has(prev) || CODE_CJK_SUFFIXES.some((s) => cjkBefore.endsWith(s)) || CODE_CJK_PREFIXES.some((s) => cjkAfter.startsWith(s))) {
      if (prev === 'status' && value >= 100 && value <= 599) return void out.push(fact(lexeme, 'http', `http:${value}`, { value }));
      return void out.push(fact(lexeme, 'code', `code:${value}`, { value }));
    }
  }
  const countUnit = COUNT_CJK_UNITS.some((s) => cjkAfter.startsWith(s));
  if (op || countUnit) {
    return void out.push(fact(lexeme, 'figure', `figure:count:${value}`, { ...span, value, decimals, unit: 'count', ...(op && { op }), ...(label && { label }) }));
  }
  if (digits.length <= 12) out.push(fact(lexeme, 'number', `number:${value}`, { value, decimals }));
}

function unitOf(word: string): { kind: 'duration' | 'size' | 'count'; factor: number } | undefined {
  const lower = word.toLowerCase();
  // `5m` is minutes, `5M` megabytes: sizes are upper case.
  const size = word !== lower || word.length > 1 ? SIZE_UNITS.get(word.toUpperCase()) : undefined;
  if (size !== undefined && (word !== lower || /b$/.test(lower))) return { kind: 'size', factor: size };
  const seconds = DURATION_UNITS.get(lower);
  if (seconds !== undefined) return { kind: 'duration', factor: seconds };
  if (COUNT_UNITS.has(lower)) return { kind: 'count', factor: 1 };
  return undefined;
}

/** Text and span of a figure with the comparison and unit written around it (`>1000 connections`). */
function figureSpan(lexeme: Lexeme, opLexemes: Lexeme[], unitLexeme: Lexeme | undefined): Pick<Fact, 'text' | 'start' | 'end'> {
  let text = lexeme.text;
  let start = lexeme.start;
  let end = lexeme.end;
  const first = opLexemes[0];
  if (first) {
    // From the first word of the comparison (`more than 40%`) to the number.
    text = first.kind === 'op' ? `${first.text}${text}` : [...opLexemes.map((l) => l.text), text].join(' ');
    start = first.start;
  }
  if (unitLexeme) {
    text = unitLexeme.text === '%' ? `${text}%` : `${text} ${unitLexeme.text}`;
    end = unitLexeme.end;
  }
  return { text, start, end };
}

function opBefore(p1: Lexeme | undefined, p2: Lexeme | undefined, cjkBefore: string): FigureOp | undefined {
  if (!p1) return undefined;
  const direct = OP_WORDS.get(p1.lower);
  if (direct) return direct;
  if (p1.lower === 'than' && p2) return p2.lower === 'more' || p2.lower === 'greater' ? '>' : p2.lower === 'less' || p2.lower === 'fewer' ? '<' : undefined;
  for (const [suffix, op] of OP_CJK_SUFFIXES) if (cjkBefore.endsWith(suffix) || cjkBefore.endsWith(`${suffix}了`)) return op;
  return undefined;
}

function isArrowPort(lexemes: Lexeme[], i: number): boolean {
  const next = near(lexemes, i, 1);
  const prev = near(lexemes, i, -1);
  const isNumber = (l: Lexeme | undefined) => l !== undefined && /^\d{1,5}$/.test(l.text);
  return (next?.text === '→' && isNumber(near(lexemes, i, 2))) || (prev?.text === '→' && isNumber(near(lexemes, i, -2)));
}

function httpReasonAfter(lexemes: Lexeme[], i: number): boolean {
  let phrase = '';
  for (let offset = 1; offset <= 3; offset++) {
    const word = near(lexemes, i, offset);
    if (!word || word.kind !== 'word') return false;
    phrase = phrase ? `${phrase} ${word.lower}` : word.lower;
    if (HTTP_REASONS.has(phrase)) return true;
  }
  return false;
}

function isExitContext(lexemes: Lexeme[], i: number): boolean {
  const p1 = near(lexemes, i, -1)?.lower;
  const p2 = near(lexemes, i, -2)?.lower;
  const p3 = near(lexemes, i, -3)?.lower;
  if (p1 === 'exit' || p1 === 'exited' || p1 === '退出码' || p1 === 'exitcode' || p1 === 'exit_code') return true;
  if ((p1 === 'code' || p1 === 'status') && (p2 === 'exit' || p2 === 'exited' || (p2 === 'with' && p3 === 'exited'))) return true;
  return false;
}
