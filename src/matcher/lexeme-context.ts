/**
 * Shared helpers for classifying a lexeme from its neighbours on the same
 * line: the neighbour lookup, fact construction, ports and the protocol a
 * line names.
 */
import { PROTOCOL_WORDS } from './fact-vocab.ts';
import type { Lexeme } from './lex.ts';
import type { Fact } from './types.ts';

/** The lexeme `offset` places from `i` on the same line, if any. */
export function near(lexemes: Lexeme[], i: number, offset: number): Lexeme | undefined {
  const other = lexemes[i + offset];
  return other && other.line === lexemes[i]!.line ? other : undefined;
}

/** A fact read from one lexeme. */
export function fact(lexeme: Lexeme, type: Fact['type'], key: string, extra: Partial<Fact> = {}): Fact {
  return { type, key, text: lexeme.text, start: lexeme.start, end: lexeme.end, ...extra };
}

/** A port fact, when `numeral` is 0–65535. */
export function portFact(lexeme: Lexeme, numeral: string, protocol: string | undefined, out: Fact[]): void {
  const port = Number(numeral);
  if (!Number.isInteger(port) || port > 65535) return;
  const extra: Partial<Fact> = { value: port };
  if (protocol === 'tcp' || protocol === 'udp' || protocol === 'sctp') extra.protocol = protocol;
  out.push(fact(lexeme, 'port', `port:${port}`, extra));
}

/** Protocol named earlier on the same line (`UDP … 54503 → 5002`, `IP … > …: UDP`), if any. */
export function lineProtocol(lexemes: Lexeme[], i: number): string | undefined {
  for (let offset = -8; offset <= 8; offset++) {
    const other = offset === 0 ? undefined : near(lexemes, i, offset);
    if (other && PROTOCOL_WORDS.has(other.lower)) return other.lower;
  }
  return undefined;
}
