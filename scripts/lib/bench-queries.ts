/**
 * Benchmark inputs drawn from a synthetic library: a fixed mix of queries a
 * responder would type (typed facts, English words, Chinese phrases, mixed,
 * misspelt or near values, and misses) and a pasted log of a given size.
 * Seeded, so every run times the same inputs.
 */
import type { MatchDoc } from '../../src/matcher/index.ts';
import { createRandom, DEFAULT_SEED, type Random } from './synth.ts';

/** What a query exercises. */
export type QueryKind = 'fact' | 'en' | 'zh' | 'mixed' | 'fuzzy' | 'miss';

/** One benchmark query. */
export interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** The record the query was drawn from, if any. */
  from?: string;
}

/** Share of each kind in the query mix (sums to 1). */
export const QUERY_MIX: Array<[QueryKind, number]> = [['fact', 0.3], ['en', 0.2], ['zh', 0.2], ['mixed', 0.12], ['fuzzy', 0.13], ['miss', 0.05]];
/** Results asked for per query, as the search page asks. */
export const RESULT_LIMIT = 10;
/** Timed runs of each query; its fastest is kept (the first warms the JIT, the minimum drops scheduler noise). */
export const QUERY_PASSES = 3;
/** Default number of queries. */
export const DEFAULT_QUERY_COUNT = 200;

const MISSES = ['quantum flux capacitor', 'zzqx 99999', '量子纠缠故障', 'udp 1', 'EWOULDBLOCKX', 'frobnicate the widget', '0.0001%'];

/** Draws `count` queries from `docs`, kinds in `QUERY_MIX` proportions, in a shuffled but fixed order. */
export function synthQueries(docs: readonly MatchDoc[], count = DEFAULT_QUERY_COUNT, seed = DEFAULT_SEED): BenchQuery[] {
  const random = createRandom(seed ^ 0x5eed);
  const en = docs.filter((doc) => doc.language === 'en');
  const zh = docs.filter((doc) => doc.language === 'zh');
  const queries: BenchQuery[] = [];
  for (const [kind, share] of QUERY_MIX) {
    const n = kind === 'miss' ? count - queries.length : Math.round(count * share);
    for (let i = 0; i < n && queries.length < count; i++) {
      const doc = random.pick(kind === 'en' ? en : kind === 'zh' ? zh : docs);
      queries.push({ kind, text: makeQuery(random, kind, doc), ...(kind === 'miss' ? {} : { from: doc.id }) });
    }
  }
  // Interleave kinds so per-kind warm-up effects do not bunch up.
  for (let i = queries.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [queries[i], queries[j]] = [queries[j]!, queries[i]!];
  }
  return queries;
}

function makeQuery(random: Random, kind: QueryKind, doc: MatchDoc): string {
  switch (kind) {
    case 'fact': return fact(random, doc);
    case 'en': return words(random, doc.text, random.int(2, 5));
    case 'zh': return zhPhrase(random, doc.text);
    case 'mixed': return `${doc.services[0] ?? ''} ${doc.language === 'zh' ? zhPhrase(random, doc.text) : words(random, doc.text, 2)} ${fact(random, doc)}`.trim();
    case 'fuzzy': return fuzzy(random, doc);
    case 'miss': return random.pick(MISSES);
  }
}

/** A symptom typed as a responder would: `266`, `udp 5002`, `41%`, an IP, `HTTP 502`. */
function fact(random: Random, doc: MatchDoc): string {
  const s = doc.symptoms!;
  const roll = random.next();
  if (roll < 0.3) {
    const e = random.pick(s.errors);
    return e.code ?? e.message ?? '';
  }
  if (roll < 0.55) {
    const p = random.pick(s.ports);
    return random.chance(0.5) && p.protocol ? `${p.protocol} ${p.port}` : random.chance(0.5) ? `port ${p.port}` : String(p.port);
  }
  if (roll < 0.75) {
    const f = random.pick(s.figures);
    return f.unit === '%' ? `${random.chance(0.5) ? Math.trunc(f.value) : f.value}%` : `${f.op ?? ''}${f.value} ${f.unit ?? ''}`.trim();
  }
  if (roll < 0.9 && s.hosts.length > 0) return random.pick(s.hosts);
  return random.pick(s.identifiers);
}

function words(random: Random, text: string, n: number): string {
  const all = text.split(/\s+/).filter((word) => /^[A-Za-z][\w-]*$/.test(word));
  const start = random.int(0, Math.max(0, all.length - n));
  return all.slice(start, start + n).join(' ');
}

function zhPhrase(random: Random, text: string): string {
  const runs = text.match(/[\u4e00-\u9fff]{4,}/g) ?? ['故障'];
  const run = random.pick(runs);
  const length = Math.min(run.length, random.int(2, 8));
  const start = random.int(0, run.length - length);
  return run.slice(start, start + length);
}

/** A misspelt word, a rounded figure, a partial host or a changed case. */
function fuzzy(random: Random, doc: MatchDoc): string {
  const s = doc.symptoms!;
  const roll = random.next();
  if (roll < 0.4) {
    const word = words(random, doc.text, 1);
    const target = word.length > 3 ? word : 'connection';
    const at = random.int(1, target.length - 2);
    // Swap two neighbouring letters, the commonest typo at 3 a.m.
    return target.slice(0, at) + target[at + 1] + target[at] + target.slice(at + 2);
  }
  if (roll < 0.6) {
    const f = random.pick(s.figures);
    return f.unit === '%' ? `${(Math.round(f.value * 10) / 10).toFixed(1)}%` : `${Math.round(f.value / 100) * 100} ${f.unit ?? ''}`.trim();
  }
  if (roll < 0.8 && s.hosts.length > 0) {
    const host = random.pick(s.hosts);
    return host.split('.').slice(0, 2).join('.');
  }
  const e = random.pick(s.errors);
  return (e.message ?? e.code ?? '').toUpperCase();
}

/** Default size of the pasted log, in bytes. */
export const DEFAULT_LOG_BYTES = 100 * 1024;

/**
 * A pasted log of about `bytes` bytes: timestamped lines from a handful of
 * records' symptoms among much routine noise, as a responder would paste it.
 */
export function synthLog(docs: readonly MatchDoc[], bytes = DEFAULT_LOG_BYTES, seed = DEFAULT_SEED): string {
  const random = createRandom(seed ^ 0x1095);
  const sources = Array.from({ length: 5 }, () => random.pick(docs));
  const lines: string[] = [];
  let size = 0;
  let clock = Date.UTC(2025, 2, 14, 3, 0, 0);
  while (size < bytes) {
    clock += random.int(1, 900);
    const time = new Date(clock).toISOString();
    const doc = random.pick(sources);
    const s = doc.symptoms!;
    const requestId = random.int(0, 0xffffffff).toString(16).padStart(8, '0');
    let line: string;
    if (random.chance(0.15)) {
      const e = random.pick(s.errors);
      const p = random.pick(s.ports);
      line = `${time} ERROR [${doc.services[0]}] req=${requestId} ${e.code ?? ''} ${e.message ?? ''} remote=${s.hosts[0] ?? '10.0.0.1'}:${p.port} proto=${p.protocol ?? 'tcp'}`;
    } else if (random.chance(0.1) && s.logs.length > 0) {
      line = random.pick(s.logs);
    } else {
      line = `${time} INFO  [${doc.services[0]}] req=${requestId} GET /api/v1/items/${random.int(1, 99_999)} 200 ${random.int(1, 250)}ms bytes=${random.int(100, 90_000)}`;
    }
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return lines.join('\n');
}
