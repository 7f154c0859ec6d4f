/**
 * Nothing a responder pastes may throw or hang: random, huge, binary and
 * adversarial input through extraction, tokenizing and search. Elapsed time
 * is checked only as a hang guard, not a benchmark (speed is `npm run bench`):
 * what it catches is runaway work — quadratic on a megabyte is minutes — so it
 * is sized for a shared machine under full load, where a linear pass over these
 * inputs has been seen to take 3.5 s.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Matcher, buildIndex, extractFacts, recordToDoc, tokenizeText } from '../../src/matcher/index.ts';
import { loadRecords } from '../../src/records/load.ts';
import { FIXTURE, FIXTURE_LIBRARY } from '../support/fixture-library.ts';

const HANG_GUARD_MS = 15_000;
let matcher: Matcher;

beforeAll(async () => {
  // The four frozen samples: the same index the hang guard was sized on.
  const samples: string[] = [FIXTURE.scale, FIXTURE.learningspace, FIXTURE.license, FIXTURE.conntrack];
  const { records } = await loadRecords(FIXTURE_LIBRARY);
  matcher = Matcher.fromBundle(buildIndex(records.filter((record) => samples.includes(record.data.id)).map(recordToDoc)));
});

/** mulberry32: a seeded generator, so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABETS = [
  '0123456789.:/%-',
  'abcdefXYZ_-.:=/ ',
  '下秤失败连接数超过端口 ，。',
  '()[]{}*~+-^:"\'\\|<>→≈ ',
  '\u0000\u0001\u001b\ud800\udc00\ufffd\u200b\n\t ',
  'ECONNRESET SIGKILL HTTP 502 udp 5002 41.48% 10.0.0.1/8 fe80::1 ',
];

function randomText(next: () => number, length: number): string {
  const alphabet = ALPHABETS[Math.floor(next() * ALPHABETS.length)]!;
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

function seedLog(): string {
  const seed = readFileSync('test/fixtures/matcher-cli/redis-maxclients.md', 'utf8');
  const lines = [
    '16:55:02.804663 IP 192.168.211.19.49764 > cvknode1.8860: Flags [S], seq 2902027487, win 8192, length 0',
    '[NEW] tcp 6 120 SYN_SENT src=172.18.219.65 dst=10.108.33.37 sport=59468 dport=2222 [UNREPLIED]',
    'recirc_id(0),in_port(6),eth_type(0x0800),ipv4(src=192.168.211.19,proto=6,frag=0),packets:748,actions:drop',
    seed,
  ];
  let log = '';
  for (let i = 0; log.length < 100_000; i++) log += `${lines[i % lines.length]}\n`;
  return log;
}

/** Runs everything on `input`; returns the elapsed milliseconds. */
function exercise(input: string): number {
  const start = performance.now();
  expect(() => extractFacts(input)).not.toThrow();
  expect(() => tokenizeText(input.slice(0, 200_000))).not.toThrow();
  const results = matcher.search(input);
  expect(Array.isArray(results)).toBe(true);
  for (const r of results) expect(r.score).toBeGreaterThanOrEqual(0), expect(r.score).toBeLessThanOrEqual(100);
  expect(Array.isArray(matcher.related(input.slice(0, 100)))).toBe(true);
  return performance.now() - start;
}

describe('fuzz: never throws, never hangs', () => {
  const adversarial: Array<[string, string]> = [
    ['1 MB of 1.1.1.1…', '1.'.repeat(512 * 1024)],
    ['1 MB of digits', '9'.repeat(1024 * 1024)],
    ['1 MB of one letter', 'a'.repeat(1024 * 1024)],
    ['dots and colons', '.:'.repeat(300_000)],
    ['percent signs', '%'.repeat(500_000)],
    ['hyphens', '-'.repeat(500_000)],
    ['underscored', 'ab_'.repeat(300_000)],
    ['one CJK character', '下'.repeat(300_000)],
    ['arrows', '1 → '.repeat(100_000)],
    ['comparison chain', '>'.repeat(200_000) + '1000'],
    ['parentheses', '('.repeat(100_000)],
    ['lone surrogates', '\ud800\udc00\udc00\ud800x'.repeat(50_000)],
    ['NUL and escapes', '\u0000\u001b[31m'.repeat(50_000)],
    ['lunr query syntax', 'port:5432 title:foo^10 * ~ +- -foo +bar ~2 field:term:'],
    ['lone operators', '*'],
    ['tilde', '~'],
    ['plus minus', '+-'],
    ['IPv6-ish', 'f:'.repeat(100_000)],
    ['version-ish', 'v1.'.repeat(100_000)],
    ['path-ish', '/a'.repeat(300_000)],
    ['key=value chain', 'a=b:'.repeat(200_000)],
    ['100 KB pasted log', seedLog()],
  ];
  it.each(adversarial)('%s', (_name, input) => {
    expect(exercise(input)).toBeLessThan(HANG_GUARD_MS);
  });

  it('random strings from several alphabets', () => {
    const next = random(20240731);
    for (let i = 0; i < 150; i++) {
      const length = Math.floor(next() * (i % 10 === 0 ? 20_000 : 300));
      expect(exercise(randomText(next, length))).toBeLessThan(HANG_GUARD_MS);
    }
  });

  it('random binary', () => {
    const next = random(7);
    for (let i = 0; i < 20; i++) {
      const bytes = Array.from({ length: 5000 }, () => String.fromCharCode(Math.floor(next() * 65536)));
      expect(exercise(bytes.join(''))).toBeLessThan(HANG_GUARD_MS);
    }
  });

  it('non-string input to search counts as empty', () => {
    expect(matcher.search(undefined as unknown as string)).toEqual([]);
    expect(matcher.search(42 as unknown as string)).toEqual([]);
    expect(matcher.search('udp 5002', { limit: Number.NaN })[0]?.id).toBe(FIXTURE.scale);
    expect(matcher.search('udp 5002', { limit: -3 })).toEqual([]);
  });
});
