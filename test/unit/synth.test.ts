import { describe, expect, it } from 'vitest';
import { createRandom, lengthOf, synthLibrary, TARGET_WORDS } from '../../scripts/lib/synth.ts';
import { synthLog, synthQueries } from '../../scripts/lib/bench-queries.ts';
import { percentile, sizeOf, summarise } from '../../scripts/lib/bench-stats.ts';
import { formatBytes, formatMs } from '../../scripts/lib/bench-report.ts';

describe('createRandom', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const draws = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(draws);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const r = createRandom(1);
    const ints = new Set(Array.from({ length: 500 }, () => r.int(3, 5)));
    expect([...ints].sort()).toEqual([3, 4, 5]);
  });

  it('draws Zipf-like: the first item far more often than the last', () => {
    const r = createRandom(3);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const counts = new Array<number>(20).fill(0);
    for (let i = 0; i < 20_000; i++) counts[r.zipf(items)]! += 1;
    expect(counts[0]!).toBeGreaterThan(counts[19]! * 8);
    expect(counts.every((n) => n > 0)).toBe(true);
  });
});

describe('synthLibrary', () => {
  const docs = synthLibrary(400);

  it('is the same for the same seed and differs for another seed', () => {
    expect(synthLibrary(400)).toEqual(docs);
    expect(synthLibrary(400, { seed: 1 })).toEqual(synthLibrary(400, { seed: 1 }));
    const other = synthLibrary(400, { seed: 1 });
    expect(other.map((doc) => doc.text)).not.toEqual(docs.map((doc) => doc.text));
    // A longer library starts with the shorter one.
    expect(synthLibrary(50)).toEqual(docs.slice(0, 50));
  });

  it('makes unique ids and files, about half Chinese', () => {
    expect(new Set(docs.map((doc) => doc.id)).size).toBe(400);
    expect(docs[7]!.id).toBe('synth-00007');
    expect(docs[7]!.file).toBe('content/incidents/synth-00007.md');
    const zh = docs.filter((doc) => doc.language === 'zh').length;
    expect(zh).toBeGreaterThan(160);
    expect(zh).toBeLessThan(240);
    expect(docs.every((doc) => doc.language === 'zh' || doc.language === 'en')).toBe(true);
  });

  it('writes about 300 words a record in either language', () => {
    for (const doc of docs) {
      const zh = doc.language === 'zh';
      const length = lengthOf(doc.text, zh);
      expect(length).toBeGreaterThanOrEqual(TARGET_WORDS * 0.85);
      expect(length).toBeLessThan(TARGET_WORDS * 1.6);
      if (zh) expect(doc.text).toMatch(/## 根因/);
      else expect(doc.text).toMatch(/## Root cause/);
    }
  });

  it('has a long tail of rare words, not only template vocabulary', () => {
    const words = new Set(docs.filter((doc) => doc.language === 'en').flatMap((doc) => doc.text.toLowerCase().match(/[a-z][a-z-]+/g) ?? []));
    expect(words.size).toBeGreaterThan(1000);
    expect(docs.filter((doc) => /Engineers also checked|排查中还检查了/.test(doc.text))).toHaveLength(400);
  });

  it('fills symptoms the way records do', () => {
    for (const doc of docs) {
      const s = doc.symptoms!;
      expect(s.errors.length).toBeGreaterThan(0);
      expect(s.errors.every((e) => e.code !== undefined || e.message !== undefined)).toBe(true);
      expect(s.ports.every((p) => Number.isInteger(p.port) && p.port >= 0 && p.port <= 65535)).toBe(true);
      expect(s.figures.every((f) => Number.isFinite(f.value) && String(f.value).length < 10)).toBe(true);
      expect(doc.tags.every((tag) => /^[\p{Ll}\p{Lo}\p{N}]+(?:[-.][\p{Ll}\p{Lo}\p{N}]+)*$/u.test(tag))).toBe(true);
      expect(doc.date).toMatch(/^20\d\d-\d\d-\d\d$/);
    }
    const all = docs.flatMap((doc) => doc.symptoms!.ports);
    const ports = new Set(all.map((p) => p.port));
    for (const common of [443, 80, 53]) expect(ports.has(common)).toBe(true);
    expect([...ports].filter((p) => p > 10_000).length).toBeGreaterThan(50);
    expect(new Set(all.map((p) => p.protocol))).toEqual(new Set(['tcp', 'udp', 'sctp', undefined]));
    const codes = docs.flatMap((doc) => doc.symptoms!.errors.map((e) => e.code));
    expect(codes).toContain('ECONNRESET');
    expect(codes.some((code) => code?.startsWith('HTTP 5'))).toBe(true);
    const hosts = docs.flatMap((doc) => doc.symptoms!.hosts);
    expect(hosts.some((h) => /^\d+\.\d+\.\d+\.\d+$/.test(h))).toBe(true);
    expect(hosts.some((h) => /\/\d+$/.test(h))).toBe(true);
    expect(hosts.some((h) => h.endsWith('.example.com'))).toBe(true);
  });
});

describe('synthQueries and synthLog', () => {
  const docs = synthLibrary(300);

  it('draws a fixed mix of queries', () => {
    const queries = synthQueries(docs, 200);
    expect(queries).toHaveLength(200);
    expect(synthQueries(docs, 200)).toEqual(queries);
    const kinds = new Map<string, number>();
    for (const q of queries) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ fact: 60, en: 40, zh: 40, mixed: 24, fuzzy: 26, miss: 10 });
    expect(queries.every((q) => q.text.trim().length > 0)).toBe(true);
    expect(queries.filter((q) => q.kind === 'zh').every((q) => /[\u4e00-\u9fff]/.test(q.text))).toBe(true);
  });

  it('pastes a log of the asked size', () => {
    const log = synthLog(docs, 100 * 1024);
    const bytes = Buffer.byteLength(log);
    expect(bytes).toBeGreaterThanOrEqual(100 * 1024);
    expect(bytes).toBeLessThan(100 * 1024 + 400);
    expect(log).toBe(synthLog(docs, 100 * 1024));
    expect(log.split('\n').filter((line) => line.includes(' ERROR ')).length).toBeGreaterThan(50);
  });
});

describe('bench figures', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i); // 200 … 1, unsorted
    expect(percentile(values, 50)).toBe(100);
    expect(percentile(values, 95)).toBe(190);
    expect(percentile([7], 95)).toBe(7);
    expect(summarise([1, 2, 3, 4])).toEqual({ n: 4, p50: 2, p95: 4, max: 4, mean: 2.5 });
  });

  it('measures raw and gzip bytes', () => {
    const size = sizeOf('a'.repeat(10_000));
    expect(size.raw).toBe(10_000);
    expect(size.gzip).toBeLessThan(100);
    expect(sizeOf('端口').raw).toBe(6);
  });

  it('formats bytes and milliseconds for the table', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(2_170_000)).toBe('2.17 MB');
    expect(formatMs(0.1234)).toBe('0.123 ms');
    expect(formatMs(50.44)).toBe('50.4 ms');
    expect(formatMs(3761.2)).toBe('3761 ms');
    expect(formatMs(22_400)).toBe('22.4 s');
  });
});
