/**
 * Symptoms for a draft from the matcher's typed facts (`extractFacts`), read
 * separately from prose lines and from code, log and table lines: a fact a
 * writer mentions in a sentence counts more than one that scrolls past in a
 * packet capture. Noise filters keep ephemeral ports, table lengths and
 * command fragments out.
 */
import { extractFacts } from '../matcher/extract-facts.ts';
import type { Fact } from '../matcher/types.ts';
import { isCodeLike } from './segment.ts';

/** Symptoms as the schema takes them (input shape). */
export interface DraftSymptoms {
  errors: Array<{ code?: string; message?: string }>;
  ports: Array<{ port: number; protocol?: 'tcp' | 'udp' | 'sctp' }>;
  figures: Array<{ label: string; value: number; unit?: string; op?: '>' | '>=' | '<' | '<=' | '~' }>;
  hosts: string[];
  identifiers: string[];
  logs: string[];
}

/** Caps per list, so a long capture does not flood a record. */
export const SYMPTOM_LIMITS = { errors: 8, ports: 5, figures: 8, hosts: 8, identifiers: 15, logs: 5 } as const;
/** Ports from this one up are ephemeral (client side) unless a sentence names them. */
export const EPHEMERAL_PORT_START = 32768;
/** Ports below this, seen only in code or tables, are usually lengths or protocol numbers. */
export const MIN_CODE_PORT = 1024;
/** Characters before a figure searched for its label. */
export const LABEL_WINDOW_CHARS = 120;
/** Longest prose line taken as a log line. */
export const SHORT_LOG_CHARS = 120;
/** Longest log line kept verbatim. */
export const MAX_LOG_CHARS = 300;

const ERROR_WORDS = /error|fail|refused|reset|timeout|timed out|denied|drop|unreachable|exception|panic|fatal|异常|失败|報錯|报错|拒绝|超时|不通|丢弃/i;
/** Words an English error message may have before it is taken for prose. */
export const MAX_MESSAGE_WORDS = 8;
/** A message a user saw, after `提示：` / `报错：` / `error:` (`提示: 失败重发`). */
const ERROR_MESSAGE = /(?:提示|报错|報錯|错误信息|錯誤信息|错误提示|錯誤提示|error message|error)\s?[:：]\s?([^，。,;；!！?？\n]{2,60})/giu;
/** `netstat -anp | grep 5555`: a number grepped out of a socket listing is a port. */
const GREPPED_PORT = /\b(?:netstat|ss)\b[^|\n]{0,40}\|\s*grep\s+(?:-\w+\s+)?:?(\d{2,5})\b/g;
const FIGURE_CONTEXT = /(?:值为|值為|为|為|超过|超過|达到|達到|大于|大於|=|is|exceeds?|over|above|reached)\s*$/iu;
/** The linking word dropped from a figure's label (`默认值为` → `默认值`). */
const LINK_WORD = /(?:为|為|超过|超過|达到|達到|大于|大於|=|is|exceeds?|over|above|reached)\s*$/iu;

interface Tally {
  fact: Fact;
  count: number;
  prose: boolean;
}

/** What the symptoms are read from. */
export interface SymptomSources {
  /** Sentences: title, headings and text lines. */
  prose: readonly string[];
  /** Lines of code blocks and command output. */
  code: readonly string[];
  /** Table rows, cells joined by tabs. */
  tables?: readonly string[];
  /** Text lines that may be status lines quoted from a screen (not the title). */
  status?: readonly string[];
}

/** Builds the symptom lists from prose lines and code/log lines. */
export function draftSymptoms({ prose, code, tables = [], status = [] }: SymptomSources): DraftSymptoms {
  const tallies = new Map<string, Tally>();
  const figures: DraftSymptoms['figures'] = [];
  const note = (fact: Fact, isProse: boolean) => {
    const key = fact.type === 'port' ? `port:${fact.value}` : fact.key;
    const tally = tallies.get(key);
    if (tally) {
      tally.count++;
      tally.prose ||= isProse;
      if (!tally.fact.protocol && fact.protocol) tally.fact = fact;
    } else tallies.set(key, { fact, count: 1, prose: isProse });
  };
  for (const line of prose) {
    const facts = extractFacts(line);
    const identifiers = facts.filter((f) => f.type === 'identifier');
    for (const fact of facts) {
      note(fact, true);
      const figure = proseFigure(line, fact, identifiers);
      if (figure && !figures.some((f) => f.value === figure.value && f.unit === figure.unit)) figures.push(figure);
    }
  }
  const logs: string[] = [];
  for (const line of code) {
    for (const fact of extractFacts(line)) note(fact, false);
    const trimmed = line.trim();
    if (ERROR_WORDS.test(trimmed) && trimmed.length <= MAX_LOG_CHARS && !logs.includes(trimmed) && !isCodeLike(trimmed)) logs.push(trimmed);
  }
  for (const line of tables) for (const fact of extractFacts(line)) note(fact, false);
  // A short status line in the text (`蔬菜卖场秤-171号秤(在线) 下称失败 266`) is a log line too.
  for (const line of status) {
    const trimmed = line.trim();
    if (logs.length < SYMPTOM_LIMITS.logs && trimmed.length <= SHORT_LOG_CHARS && ERROR_WORDS.test(trimmed) && !/[，。；]/u.test(trimmed) && extractFacts(trimmed).some((f) => f.type !== 'number')) logs.push(trimmed);
  }
  for (const line of [...prose, ...code]) {
    for (const match of line.matchAll(GREPPED_PORT)) {
      const port = Number(match[1]);
      if (port > 0 && port < 65536) note({ type: 'port', key: `port:${port}`, text: match[1]!, start: 0, end: 0, value: port, protocol: 'tcp' }, true);
    }
  }

  const ranked = [...tallies.values()].sort((a, b) => Number(b.prose) - Number(a.prose) || b.count - a.count);
  const of = (...types: Fact['type'][]) => ranked.filter((t) => types.includes(t.fact.type));

  const errors: DraftSymptoms['errors'] = of('errno', 'code', 'exception', 'http', 'signal', 'exit')
    .filter((t) => t.fact.value !== 0 && (t.prose || t.fact.type === 'errno' || t.fact.type === 'exception'))
    .map((t) => ({ code: errorCode(t.fact) }));
  for (const line of prose) {
    for (const match of line.matchAll(ERROR_MESSAGE)) {
      const message = match[1]!.trim();
      // After the English word, only what reads like a quoted message: "Human error: an operator…" is prose.
      const english = /^error/i.test(match[0]);
      if (english && (!/^[A-Z0-9"'`]/.test(message) || message.split(/\s+/).length > MAX_MESSAGE_WORDS)) continue;
      if (message.length >= 2 && !errors.some((e) => e.message === message)) errors.push({ message });
    }
  }
  const ports = of('port')
    .filter(({ fact, prose, count }) => {
      const port = fact.value ?? 0;
      if (port < 1 || port > 65535) return false;
      if (prose) return true;
      return port >= MIN_CODE_PORT && port < EPHEMERAL_PORT_START && count >= 2;
    })
    .slice(0, SYMPTOM_LIMITS.ports)
    .map(({ fact }) => ({ port: fact.value!, ...(fact.protocol ? { protocol: fact.protocol } : {}) }));
  const hosts = of('ip', 'cidr', 'host')
    .filter((t) => t.prose || t.count >= 2)
    .slice(0, SYMPTOM_LIMITS.hosts)
    .map((t) => t.fact.key.replace(/^\w+:/, ''));
  const identifiers = of('version', 'identifier')
    .filter((t) => (t.prose || (t.count >= 2 && !/\s/.test(t.fact.text))) && !t.fact.text.startsWith('-'))
    .map((t) => t.fact.text.trim())
    .filter((text, i, all) => text.length > 1 && all.indexOf(text) === i)
    .slice(0, SYMPTOM_LIMITS.identifiers);

  return {
    errors: errors.slice(0, SYMPTOM_LIMITS.errors),
    ports,
    figures: figures.slice(0, SYMPTOM_LIMITS.figures),
    hosts,
    identifiers,
    logs: logs.slice(0, SYMPTOM_LIMITS.logs),
  };
}

function errorCode(fact: Fact): string {
  if (fact.type === 'http') return `HTTP ${fact.value}`;
  return fact.key.replace(/^\w+:/, '').toUpperCase() === fact.key.replace(/^\w+:/, '') ? fact.key.replace(/^\w+:/, '') : fact.text;
}

/**
 * A figure written in a sentence: a percentage or counted figure the matcher
 * typed, or a bare number right after `值为` / `exceeds` and the like. Its
 * label is the clause before it, with the nearest identifier in front.
 */
function proseFigure(line: string, fact: Fact, identifiers: readonly Fact[]): DraftSymptoms['figures'][number] | undefined {
  // Only the words just before the figure matter; a bounded window keeps long lines linear.
  const before = line.slice(Math.max(0, fact.start - LABEL_WINDOW_CHARS), fact.start);
  const typed = fact.type === 'percent' || (fact.type === 'figure' && fact.unit !== 'B');
  const bare = fact.type === 'number' && (fact.value ?? 0) >= 10 && !/^(?:19|20)\d\d$/.test(fact.text) && FIGURE_CONTEXT.test(before);
  if (!typed && !bare) return undefined;
  const clause = (before.split(/[，,。；;：:！!？?\n]/u).pop() ?? '')
    .replace(LINK_WORD, '')
    .replace(/[>=<~]+\s*$/, '')
    .replace(/^.*(?:执行|執行|运行|運行|\brun)\s*/u, '')
    .trim()
    .slice(-40);
  const identifier = identifiers.filter((f) => f.end <= fact.start && f.start >= fact.start - LABEL_WINDOW_CHARS).pop()?.text;
  const label = [identifier && !clause.includes(identifier) ? identifier : undefined, clause].filter(Boolean).join(' ').trim() || fact.label || 'figure';
  const unit = fact.unit === '%' ? '%' : fact.unit && fact.unit !== 'count' ? fact.unit : undefined;
  return { label, value: fact.value!, ...(unit ? { unit } : {}), ...(fact.op ? { op: fact.op } : {}) };
}
