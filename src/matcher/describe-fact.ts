/**
 * English, ready-to-show text for a fact ("port 5002/udp", "failure rate
 * 41.48%"), and the index keys a fact is filed under.
 */
import { bucketKey } from './figures.ts';
import type { Fact } from './types.ts';

/** Fact types whose values are compared by nearness rather than equality. */
export const FIGURE_TYPES: ReadonlySet<string> = new Set(['percent', 'figure', 'duration']);

/** How a fact reads in evidence. */
export function describeFact(fact: Fact): string {
  const name = fact.key.slice(fact.key.indexOf(':') + 1);
  const op = fact.op && fact.op !== '~' ? fact.op : fact.op === '~' ? '~' : '';
  switch (fact.type) {
    case 'port':
      return `port ${fact.value}${fact.protocol ? `/${fact.protocol}` : ''}`;
    case 'code':
      return `error code ${name}`;
    case 'errno':
      return fact.text === name ? name : `${name} “${fact.text}”`;
    case 'exception':
      return fact.text.slice(fact.text.lastIndexOf('.') + 1);
    case 'http':
      return `HTTP ${name}`;
    case 'signal':
      return name;
    case 'exit':
      return `exit code ${name}`;
    case 'percent':
      return `${fact.label ? `${fact.label} ` : ''}${op}${formatNumber(fact.value ?? 0)}%`;
    case 'figure':
      return `${fact.label ?? (fact.unit === 'B' ? 'size' : 'count')} ${op}${fact.unit === 'B' ? fact.text.replace(/^[<>=~]+/, '') : formatNumber(fact.value ?? 0)}`;
    case 'duration':
      return `duration ${op}${fact.text.replace(/^[<>=~]+/, '')}`;
    case 'number':
      return `number ${name}`;
    case 'ip':
      return `IP ${name}`;
    case 'cidr':
      return `network ${name}`;
    case 'host':
      return `host ${name}`;
    case 'version':
      return `version ${name}`;
    case 'identifier':
      return fact.text.toLowerCase() === name ? fact.text : name;
    case 'concept':
      return fact.text;
    default:
      return name;
  }
}

/** Plain decimal text without float noise (`41.48`, `1020`). */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

/**
 * Keys a record fact is filed under: its own key, or a nearness bucket (plus
 * `number:N` for whole counts); a host of three labels or more also under its
 * first two (`edge-36.us-east-1`), the part a responder types.
 */
export function indexKeys(fact: Fact): string[] {
  if (FIGURE_TYPES.has(fact.type) && fact.value !== undefined && fact.unit) {
    const keys = [bucketKey(fact.unit, fact.value)];
    if (fact.type === 'figure' && fact.unit === 'count' && Number.isInteger(fact.value)) keys.push(`number:${fact.value}`);
    return keys;
  }
  if (fact.type === 'host') {
    const labels = fact.key.slice(5).split('.');
    if (labels.length >= 3 && !/^\d+$/.test(labels[1]!)) return [fact.key, `host:${labels[0]}.${labels[1]}`];
  }
  return [fact.key];
}

/** The fact type behind an index key (`port:5002` → `port`, `~%:41` → `percent`). */
export function typeOfKey(key: string): string {
  if (key.startsWith('~')) return key.startsWith('~%') ? 'percent' : key.startsWith('~s:') ? 'duration' : 'figure';
  return key.slice(0, key.indexOf(':'));
}

const KEY_PREFIX_TEXT: Readonly<Record<string, string>> = {
  port: 'port ',
  code: 'error code ',
  http: 'HTTP ',
  exit: 'exit code ',
  number: 'number ',
  ip: 'IP ',
  cidr: 'network ',
  host: 'host ',
  version: 'version ',
};

/**
 * The evidence text a key implies (`port:5002` → `port 5002`, `errno:EPIPE` →
 * `EPIPE`): postings store a string only when theirs differs.
 */
export function keyEvidence(key: string): string {
  if (key.startsWith('~')) return '';
  const colon = key.indexOf(':');
  return `${KEY_PREFIX_TEXT[key.slice(0, colon)] ?? ''}${key.slice(colon + 1)}`;
}

/** Evidence of a posting: its own string (`strings[id − 1]`), or what its key implies (`id` 0). */
export function evidenceOf(strings: readonly string[], id: number, key: string): string {
  return id === 0 ? keyEvidence(key) : (strings[id - 1] ?? '');
}
