/**
 * Names in text: host names, product versions and identifiers (config keys,
 * snake/camel/kebab names, paths, file names, `command -flag`). Every
 * pattern is anchored with bounded, unambiguous repetition.
 */
import { FILE_EXTENSIONS } from './fact-vocab.ts';
import type { Lexeme } from './lex.ts';
import type { Fact } from './types.ts';

/** Top-level domains accepted for two-label host names (`shifen.com`); three labels or more need none. */
export const COMMON_TLDS: ReadonlySet<string> = new Set(
  'com net org io cn cc de uk jp fr ru info biz edu gov mil int co me dev app cloud local internal lan corp svc cluster home arpa'.split(' '),
);

const HOST = /^[a-z0-9][a-z0-9-]{0,62}((?:\.[a-z0-9-]{1,63}){1,8})$/;
const SEMVER = /^[vV](\d{1,4}(?:\.\d{1,6}){1,3}(?:[-+][0-9A-Za-z.-]{1,40})?)$/;
const DOTTED_VERSION = /^(\d{1,4}\.\d{1,6}\.\d{1,6}(?:[-+][0-9A-Za-z.-]{1,40})?)$/;
const VENDOR_VERSION = /^[A-Z]\d{4}(?:[A-Z]\d{2,3}){0,4}$/;
const PATH = /^~?(?:\/[\w.@+-]{1,64}){2,16}\/?$/;
const FILE_NAME = /^[\w-][\w.-]{0,60}\.([a-z0-9]{1,10})$/i;
const DOTTED_NAME = /^[A-Za-z_][\w-]{0,60}(?:\.[A-Za-z_][\w-]{0,60}){1,10}$/;
const SNAKE = /^[A-Za-z][A-Za-z0-9]{0,40}(?:_[A-Za-z0-9]{1,40}){1,12}$/;
const CAMEL = /^[a-z][a-z0-9]{1,30}[A-Z][A-Za-z0-9]{1,40}$/;
const PASCAL = /^[A-Z][a-z0-9]{1,30}[A-Z][A-Za-z0-9]{1,40}$/;
const KEBAB = /^[A-Za-z0-9]{1,40}(?:-[A-Za-z0-9]{1,40}){1,12}$/;
const FLAG = /^-{1,2}[A-Za-z][\w-]{0,30}$/;
const COMMAND = /^[a-z][\w.-]{1,30}$/;

/** Normalized version text (`v1.2.3` → `1.2.3`, `E1136H04` as is), or `undefined`. */
export function versionKey(word: string): string | undefined {
  const semver = SEMVER.exec(word);
  if (semver) return semver[1]!.toLowerCase();
  if (DOTTED_VERSION.test(word)) return word.toLowerCase();
  if (VENDOR_VERSION.test(word)) return word;
  return undefined;
}

/** A host-name fact for `lower` when it looks like one (`force` for names read from URLs). */
export function hostFacts(lexeme: Lexeme, lower: string, force: boolean): Fact[] {
  const host = lower.replace(/\.$/, '');
  const fact: Fact = { type: 'host', key: `host:${host}`, text: lexeme.text, start: lexeme.start, end: lexeme.end };
  if (force) return host === '' ? [] : [fact];
  if (lexeme.text !== lexeme.lower) return [];
  const match = HOST.exec(host);
  if (!match) return [];
  const labels = host.split('.');
  const tld = labels[labels.length - 1]!;
  // `licmcore.log` is a file; `t.khd.2345.cc` (three labels or more) a host whatever its last label.
  if (!/^[a-z][a-z0-9-]{1,23}$/.test(tld) || (labels.length < 3 && FILE_EXTENSIONS.has(tld))) return [];
  // Two labels need a common TLD (`shifen.com`) unless the first reads like a machine name (`edge-36.us-east-1`).
  if (labels.length < 3 && !COMMON_TLDS.has(tld) && !/[-\d]/.test(labels[0]!)) return [];
  return [fact];
}

/** Identifier facts for the word at lexeme `i`. */
export function identifierFacts(lexemes: Lexeme[], i: number): Fact[] {
  const lexeme = lexemes[i]!;
  const word = lexeme.text;
  const make = (name: string): Fact => ({
    type: 'identifier',
    key: `identifier:${name}`,
    text: word,
    start: lexeme.start,
    end: lexeme.end,
  });
  if (FLAG.test(word)) {
    const before = lexemes[i - 1];
    if (before && before.line === lexeme.line && before.kind === 'word' && COMMAND.test(before.text)) {
      return [make(`${before.lower} ${word}`)];
    }
    return [];
  }
  if (PATH.test(word)) {
    const base = word.slice(word.lastIndexOf('/', word.length - 2) + 1).replace(/\/$/, '');
    const out = [make(word.toLowerCase())];
    if (FILE_NAME.test(base)) out.push(make(base.toLowerCase()));
    return out;
  }
  const file = FILE_NAME.exec(word);
  if (file && FILE_EXTENSIONS.has(file[1]!.toLowerCase())) return [make(word.toLowerCase())];
  if (DOTTED_NAME.test(word) && word.includes('_')) {
    const last = word.slice(word.lastIndexOf('.') + 1);
    const out = [make(word.toLowerCase())];
    if (last.includes('_')) out.push(make(last.toLowerCase()));
    return out;
  }
  if (SNAKE.test(word) || CAMEL.test(word) || PASCAL.test(word)) return [make(word.toLowerCase())];
  if (KEBAB.test(word)) {
    const hasDigit = /\d/.test(word);
    const hasLetter = /[A-Za-z]/.test(word);
    const segments = word.split('-').length;
    if (hasLetter && (hasDigit || (segments >= 3 && word.length >= 12))) return [make(word.toLowerCase())];
  }
  return [];
}
