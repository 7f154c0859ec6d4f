/**
 * The bilingual lexicon: its data is sound (sources, both languages, no
 * variant in two concepts, the terms the issue names), every variant is
 * found by the matcher in its own text, and it bridges a query in one
 * language to a record in the other on a hand-made library.
 */
import { describe, expect, it, vi } from 'vitest';
import { Matcher, buildIndex, type MatchDoc } from '../../src/matcher/index.ts';
import { LEXICON, conceptFacts, stemVariant, variantStems } from '../../src/matcher/lexicon.ts';
import { generateLexiconStems, STEMS_FILE } from '../../scripts/gen-lexicon-stems.ts';
import { readFileSync } from 'node:fs';

/** "A few hundred entries". */
const MIN_ENTRIES = 300;

function doc(id: string, title: string, text = '', language = 'en'): MatchDoc {
  return { id, title, kind: 'postmortem', file: `${id}.md`, language, summary: '', tags: [], services: [], text };
}

describe('lexicon data', () => {
  it('ships the stems of every English variant as a fresh generation makes them (run `npm run lexicon:stems` after editing lexicon.json)', () => {
    expect(readFileSync(STEMS_FILE, 'utf8')).toBe(generateLexiconStems());
  });

  it('reads the shipped stems as the stemmer makes them', () => {
    expect(stemVariant('Connections refused')).toEqual(['connect', 'refus']);
    LEXICON.entries.forEach((entry, i) => expect(variantStems(i), entry.id).toEqual(entry.en.map(stemVariant)));
  });

  it(`has sources and at least ${MIN_ENTRIES} concepts, each in English and Chinese`, () => {
    expect(LEXICON.sources.length).toBeGreaterThanOrEqual(3);
    expect(LEXICON.entries.length).toBeGreaterThanOrEqual(MIN_ENTRIES);
    const bad = LEXICON.entries.filter((e) => !/^[a-z0-9-]+$/.test(e.id) || e.en.length === 0 || e.zh.length === 0 || e.zh.some((v) => !/\p{Script=Han}/u.test(v) || v.length < 2));
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('never files one variant or id under two concepts', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of LEXICON.entries) {
      for (const v of [e.id, ...e.en, ...e.zh]) {
        const key = `${v === e.id ? 'id:' : ''}${v.toLowerCase()}`;
        if (seen.has(key) && seen.get(key) !== e.id) clashes.push(`${v}: ${seen.get(key)} and ${e.id}`);
        seen.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('covers the operations terms the issue names', () => {
    const pairs: Array<[string, string]> = [
      ['connection reset', '连接重置'],
      ['timeout', '超时'],
      ['certificate', '证书'],
      ['packet loss', '丢包'],
      ['out of memory', '内存溢出'],
      ['out of memory', '内存超限'],
      ['rate limit', '限流'],
      ['replication lag', '主从延迟'],
      ['connection refused', '拒绝连接'],
    ];
    for (const [en, zh] of pairs) expect(conceptFacts(en)[0]?.key, `${en} / ${zh}`).toBe(conceptFacts(zh)[0]?.key);
  });

  it('finds every variant in its own text as its own concept', () => {
    const missed: string[] = [];
    for (const e of LEXICON.entries) {
      for (const v of [...e.en, ...e.zh]) if (!conceptFacts(`x ${v} x`).some((f) => f.key === `concept:${e.id}`)) missed.push(`${e.id}: ${v}`);
    }
    expect(missed).toEqual([]);
  });
});

describe('concept extraction', () => {
  it('matches English by stemmed words in sequence, Chinese by substring, longest first', () => {
    expect(conceptFacts('we were rate limited by the gateway').map((f) => [f.key, f.text])).toContainEqual(['concept:rate-limit', 'rate limited']);
    expect(conceptFacts('连接被对端重置').map((f) => f.key)).toEqual(['concept:connection-reset']);
    expect(conceptFacts('CPU使用率 100%').map((f) => f.key)).toEqual(['concept:cpu-usage']);
  });

  it('finds Chinese concepts after an all-ASCII text, in a fresh module (tables are built per language, at first need)', async () => {
    vi.resetModules();
    const fresh = await import('../../src/matcher/lexicon.ts');
    expect(fresh.conceptFacts('CPU usage at 100%, rate limited').map((f) => f.key)).toEqual(['concept:cpu-usage', 'concept:rate-limit']);
    expect(fresh.conceptFacts('rate limited, CPU使用率 100%，限流').map((f) => f.key)).toEqual(['concept:rate-limit', 'concept:cpu-usage', 'concept:rate-limit']);
    // Full-width Latin is not ASCII as written but is after NFKC: its English words still count.
    expect(fresh.conceptFacts('ｒａｔｅ ｌｉｍｉｔｅｄ').map((f) => f.key)).toEqual(['concept:rate-limit']);
  });

  it('stays linear: a megabyte of text is read without trouble', () => {
    const facts = conceptFacts('限流 rate limit '.repeat(70_000));
    expect(facts.length).toBeLessThanOrEqual(400);
  });
});

describe('cross-language matching', () => {
  const m = Matcher.fromBundle(
    buildIndex([
      doc('throttle', 'Checkout errors while the payment API throttled us', 'The provider applied rate limiting to our account.'),
      doc('lag', '主从延迟导致读到旧数据', '从库复制延迟超过 30 秒。', 'zh'),
      doc('disk', 'Disk filled up on the log host', 'No space left on device.'),
      doc('other', 'DNS resolver outage', 'The resolver crashed.'),
    ]),
  );

  it('a Chinese query reaches an English record, and the bridge is shown', () => {
    const [top] = m.search('支付接口 被限流');
    expect(top?.id).toBe('throttle');
    expect(top?.reasons.map((r) => r.label)).toContainEqual(expect.stringMatching(/限流 ≈ (throttled|rate limiting)$/));
  });

  it('an English query reaches a Chinese record', () => {
    const [top] = m.search('replication lag on the replica');
    expect(top?.id).toBe('lag');
    expect(top?.reasons.some((r) => r.type === 'concept' && r.label.includes('≈'))).toBe(true);
  });
});
