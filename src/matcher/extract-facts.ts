/**
 * Typed facts from free text: ports, codes, errno and exception names, HTTP
 * statuses, signals and exit codes, percentages and figures, durations,
 * addresses, host names, versions and identifiers.
 *
 * Text is lexed once (see `lex.ts`); each lexeme is classified by anchored
 * patterns over at most `MAX_LEXEME_CHARS` characters, reading its
 * neighbours on the same line for context (`udp 5002`, `error 266`,
 * `超过 1020`). Message phrases (`Connection reset by peer` → ECONNRESET) are
 * found with `indexOf`. All of it is linear in the input.
 */
import { MAX_LEXEME_CHARS, MAX_QUERY_CHARS } from './constants.ts';
import { CODE_WORDS, ERRNO_NAMES, ERRNO_PHRASES, KNOWN_EXCEPTIONS, PORT_WORDS, SERVICE_PORTS } from './fact-vocab.ts';
import { numberFacts } from './classify-numbers.ts';
import { fact, lineProtocol, near, portFact } from './lexeme-context.ts';
import { hostFacts, identifierFacts, versionKey } from './classify-names.ts';
import { parseCidr, parseIpv4, parseIpv6 } from './ip.ts';
import { lex, type Lexeme } from './lex.ts';
import { wellFormed } from './text-tokenize.ts';
import type { Fact } from './types.ts';

/** Most facts returned for one text. */
export const MAX_FACTS_PER_TEXT = 20_000;

/** Options of `extractFacts`. */
export interface ExtractOptions {
  /** Characters read from the start of `text`. Default `MAX_QUERY_CHARS`. */
  maxChars?: number;
}

const DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[tT_ ]\S*)?$/;
const TIME = /^\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}:?\d{2})?$/i;
const URL = /^[a-z][a-z0-9+.-]{0,15}:\/\/(?:[^/?#@\s]*@)?(\[[0-9a-f:.]+\]|[^/?#:\s]+)(?::(\d{1,5}))?/i;
const IPV4_FORMS = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?:\/(\d{1,2})|:(\d{1,5})|\.(\d{1,5}|[a-z][a-z-]{1,15}))?$/;
const NUMERAL = /^(>=|<=|>|<|~)?(\d{1,15}(?:\.\d{1,6})?)(%|[a-zA-Z]{1,12})?$/;
const PORT_COLON = /^:(\d{1,5})$/;
const PORT_PROTO = /^(\d{1,5})\/(tcp|udp|sctp)$/;
const PROTO_PORT = /^(tcp|udp|sctp)[/:](\d{1,5})$/;
const KEY_VALUE = /^(-{0,2})([a-z][\w.-]{0,40})[:=](.{1,80})$/i;
const HOST_PORT = /^([a-z][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,8})[.:](\d{1,5}|[a-z][a-z-]{1,15})$/i;
const SIGNAL = /^SIG[A-Z]{2,8}$/;
const EXCEPTION = /^(?:[A-Za-z_$][\w$]{0,60}\.){0,12}([A-Z][A-Za-z0-9]{0,60}(?:Exception|Error))$/;
const ERR_CODE = /^(?:ERR|EAI)_[A-Z0-9_]{2,60}$/;
const PLAIN_LOWER = /^[a-z]{1,40}$/;

/**
 * Finds the typed facts in `text`, in order of appearance. Never throws;
 * reads at most `maxChars` characters.
 */
export function extractFacts(text: string, options: ExtractOptions = {}): Fact[] {
  if (typeof text !== 'string' || text === '') return [];
  const max = options.maxChars ?? MAX_QUERY_CHARS;
  const input = halfWidth(wellFormed(text.length > max ? text.slice(0, max) : text));
  const facts: Fact[] = [];
  const lexemes = lex(input, MAX_LEXEME_CHARS);
  for (let i = 0; i < lexemes.length && facts.length < MAX_FACTS_PER_TEXT; i++) {
    const lexeme = lexemes[i]!;
    if (lexeme.kind === 'word') wordFacts(lexemes, i, facts);
  }
  phraseFacts(input, facts);
  facts.sort((a, b) => a.start - b.start || a.end - b.end);
  return facts.length > MAX_FACTS_PER_TEXT ? facts.slice(0, MAX_FACTS_PER_TEXT) : facts;
}

/**
 * Full-width digits, Latin letters and `％ ． ／` as typed by a Chinese IME
 * (`５５５５`, `４１％`) become ASCII; one UTF-16 unit each way, so spans stay
 * valid. Full-width punctuation such as `：` stays a separator.
 */
function halfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e\uff0f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function wordFacts(lexemes: Lexeme[], i: number, out: Fact[]): void {
  const lexeme = lexemes[i]!;
  const word = lexeme.text;
  const lower = lexeme.lower;
  const first = word.charCodeAt(0);
  const isDigit = first >= 48 && first <= 57;

  // Fast path for plain prose words (most of any text): only a few known names can be facts.
  if (PLAIN_LOWER.test(word)) {
    if (KNOWN_EXCEPTIONS.has(word)) out.push(fact(lexeme, 'exception', `exception:${word}`));
    return;
  }
  if (isDigit && (DATE.test(word) || TIME.test(word))) return;
  if (isDigit || first === 62 || first === 60 || first === 126) {
    if (ipv4Facts(lexemes, i, out)) return;
    const numeral = NUMERAL.exec(word);
    if (numeral) return numberFacts(lexemes, i, numeral, out);
    const portProto = PORT_PROTO.exec(lower);
    if (portProto) return portFact(lexeme, portProto[1]!, portProto[2], out);
  }
  if (first === 58 /* : */) {
    const colon = PORT_COLON.exec(word);
    if (colon) return portFact(lexeme, colon[1]!, undefined, out);
  }
  if (lower.includes(':')) {
    if (/^[0-9a-f:.]+(?:\/\d{1,3})?$/.test(lower) && lower.indexOf(':') !== lower.lastIndexOf(':')) {
      const cidr = lower.includes('/') ? parseCidr(lower) : undefined;
      if (cidr) return void out.push(fact(lexeme, 'cidr', `cidr:${cidr}`));
      const v6 = parseIpv6(lower);
      if (v6) return void out.push(fact(lexeme, 'ip', `ip:${v6}`));
    }
    const url = URL.exec(word);
    if (url) {
      const host = url[1]!.replace(/^\[|\]$/g, '');
      const ip = parseIpv4(host) ?? parseIpv6(host);
      if (ip) out.push(fact(lexeme, 'ip', `ip:${ip}`));
      else out.push(...hostFacts(lexeme, host.toLowerCase(), true));
      if (url[2]) portFact(lexeme, url[2], 'tcp', out);
      return;
    }
  }
  const protoPort = PROTO_PORT.exec(lower);
  if (protoPort) return portFact(lexeme, protoPort[2]!, protoPort[1], out);
  if (keyValueFacts(lexemes, i, out)) return;
  if (hostPortFacts(lexemes, i, out)) return;

  if (ERRNO_NAMES.has(word) || ERR_CODE.test(word)) return void out.push(fact(lexeme, 'errno', `errno:${word}`));
  if (SIGNAL.test(word)) return void out.push(fact(lexeme, 'signal', `signal:${word}`));
  const exception = EXCEPTION.exec(word);
  if (exception) return void out.push(fact(lexeme, 'exception', `exception:${exception[1]!.toLowerCase()}`));
  if (KNOWN_EXCEPTIONS.has(lower)) return void out.push(fact(lexeme, 'exception', `exception:${lower}`));
  const version = versionKey(word);
  if (version) return void out.push(fact(lexeme, 'version', `version:${version}`));
  const hosts = hostFacts(lexeme, lower, false);
  if (hosts.length > 0) return void out.push(...hosts);
  out.push(...identifierFacts(lexemes, i));
}

function ipv4Facts(lexemes: Lexeme[], i: number, out: Fact[]): boolean {
  const lexeme = lexemes[i]!;
  const match = IPV4_FORMS.exec(lexeme.lower);
  if (!match) return false;
  const ip = parseIpv4(match[1]!);
  if (!ip) return false;
  if (match[2] !== undefined) {
    const cidr = parseCidr(`${ip}/${match[2]}`);
    if (cidr) out.push(fact(lexeme, 'cidr', `cidr:${cidr}`));
    return true;
  }
  out.push(fact(lexeme, 'ip', `ip:${ip}`));
  const port = match[3] ?? match[4];
  if (port !== undefined) {
    const number = /^\d+$/.test(port) ? port : SERVICE_PORTS.get(port)?.toString();
    if (number !== undefined) portFact(lexeme, number, lineProtocol(lexemes, i), out);
  }
  return true;
}

function keyValueFacts(lexemes: Lexeme[], i: number, out: Fact[]): boolean {
  const lexeme = lexemes[i]!;
  const match = KEY_VALUE.exec(lexeme.text);
  if (!match) return false;
  const dashes = match[1]!;
  const key = match[2]!.toLowerCase();
  const value = match[3]!;
  if (/^\d{1,5}$/.test(value) && (PORT_WORDS.has(key) || key.endsWith('port'))) {
    portFact(lexeme, value, lineProtocol(lexemes, i), out);
    return true;
  }
  // `src=172.18.219.65` (conntrack, firewall logs): the address is the fact.
  const ip = parseIpv4(value) ?? (value.includes(':') ? parseIpv6(value) : undefined);
  if (ip) {
    out.push(fact(lexeme, 'ip', `ip:${ip}`));
    return true;
  }
  if (/^[\w.-]{1,40}$/.test(value) && CODE_WORDS.has(key)) {
    out.push(fact(lexeme, 'code', `code:${value.toUpperCase()}`));
    return true;
  }
  if ((key === 'status' || key === 'http_status' || key === 'status_code') && /^[1-5]\d\d$/.test(value)) {
    out.push(fact(lexeme, 'http', `http:${value}`, { value: Number(value) }));
    return true;
  }
  const separator = lexeme.text[dashes.length + match[2]!.length];
  if (/^[a-z][\w-]{0,40}$/i.test(value) && !/^[a-z]{1,5}$/i.test(key + value)) {
    out.push(fact(lexeme, 'identifier', `identifier:${dashes}${key}${separator}${value.toLowerCase()}`));
    return true;
  }
  // `--max-conns=15692`, `max_connections=500`: the setting as written, and its number for prose that spells it out.
  // A plain short key (`Len=21`, `ttl=64` in a packet capture) is left to the number alone.
  if (/^\d{1,12}$/.test(value) && (dashes !== '' || (separator === '=' && /[-_.]/.test(key)))) {
    out.push(fact(lexeme, 'identifier', `identifier:${dashes}${key}=${value}`));
    out.push(fact(lexeme, 'number', `number:${Number(value)}`, { value: Number(value), decimals: 0 }));
    return true;
  }
  return false;
}

/** tcpdump's `host.8860` and `host:8080` (a host with a port): only next to `>` for the dotted form. */
function hostPortFacts(lexemes: Lexeme[], i: number, out: Fact[]): boolean {
  const lexeme = lexemes[i]!;
  const match = HOST_PORT.exec(lexeme.lower);
  if (!match) return false;
  const separator = lexeme.lower[match[1]!.length];
  const arrow = near(lexemes, i, 1)?.text === '>' || near(lexemes, i, -1)?.text === '>';
  if (separator === '.' && !arrow) return false;
  const portText = /^\d+$/.test(match[2]!) ? match[2]! : SERVICE_PORTS.get(match[2]!)?.toString();
  if (portText === undefined) return false;
  if (separator === ':' && !match[1]!.includes('.') && match[1] !== 'localhost') return false;
  out.push(fact(lexeme, 'host', `host:${match[1]}`));
  portFact(lexeme, portText, lineProtocol(lexemes, i), out);
  return true;
}

/** Message phrases that name an errno (`Connection reset by peer` → ECONNRESET). */
function phraseFacts(input: string, out: Fact[]): void {
  // Lower-case ASCII only, so offsets stay those of `input`.
  const lower = input.replace(/[A-Z]+/g, (run) => run.toLowerCase());
  const taken = new Set<number>();
  for (const [phrase, errno] of ERRNO_PHRASES) {
    let from = 0;
    for (let count = 0; count < 50; count++) {
      const at = lower.indexOf(phrase, from);
      if (at < 0) break;
      from = at + phrase.length;
      if (taken.has(at) || taken.has(from - 1)) continue;
      for (let k = at; k < from; k++) taken.add(k);
      out.push({ type: 'errno', key: `errno:${errno}`, text: input.slice(at, from), start: at, end: from });
    }
  }
}
