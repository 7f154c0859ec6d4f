import { describe, expect, test } from 'vitest';
import { highlightParts, MAX_FRAGMENT_LENGTH } from '../../src/matcher/highlight.ts';
import { fill, matchStrings, MATCH_STRINGS } from '../../src/i18n/match-strings.ts';

describe('highlightParts', () => {
  test('marks each word of the fragment, case-insensitively, keeping the rest as plain text', () => {
    expect(highlightParts('port 5002/udp', 'UDP 5002')).toEqual([
      { text: 'port ', mark: false },
      { text: '5002', mark: true },
      { text: '/', mark: false },
      { text: 'udp', mark: true },
    ]);
  });

  test('treats regex syntax in the fragment as literal text', () => {
    expect(highlightParts('failure rate 41.48% ≈ 41%', '41%')).toEqual([
      { text: 'failure rate 41.48% ≈ ', mark: false },
      { text: '41%', mark: true },
    ]);
    expect(highlightParts('a.b(c)', '.*(')).toEqual([{ text: 'a.b(c)', mark: false }]);
    expect(highlightParts('x (y) z', '(y)')).toEqual([
      { text: 'x ', mark: false },
      { text: '(y)', mark: true },
      { text: ' z', mark: false },
    ]);
  });

  test('hyphens, slashes and every other ASCII punctuation character are literal text, never a regex error', () => {
    expect(highlightParts('service yh-sod-scale-deviceadapter restarted', 'yh-sod-scale-deviceadapter')).toEqual([
      { text: 'service ', mark: false },
      { text: 'yh-sod-scale-deviceadapter', mark: true },
      { text: ' restarted', mark: false },
    ]);
    expect(highlightParts('kubectl -n kube-system get pods', 'kubectl -n')).toEqual([
      { text: 'kubectl', mark: true },
      { text: ' ', mark: false },
      { text: '-n', mark: true },
      { text: ' kube-system get pods', mark: false },
    ]);
    const punctuation = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
    for (const c of punctuation) {
      for (const fragment of [c + c, `a${c}b`, `${c}n`, `[${c}]`, `${c}yh-sod${c}`]) {
        const text = `x ${punctuation.join('')} ${fragment} y`;
        const parts = highlightParts(text, fragment);
        expect(parts.map((part) => part.text).join(''), fragment).toBe(text);
        expect(parts.filter((part) => part.mark).map((part) => part.text), fragment).toContain(fragment);
      }
      // A lone punctuation character is skipped, not an error.
      expect(highlightParts(`a ${c} b`, c)).toEqual([{ text: `a ${c} b`, mark: false }]);
    }
  });

  test('pasted kubectl and kernel log lines highlight without error', () => {
    const lines = [
      'kubectl -n yh-prod logs deploy/yh-sod-scale-deviceadapter --tail=100 | grep -i "error 266"',
      'netstat -anp | grep 5555 | wc -l keeps growing',
      'php-fpm 进程满了 502',
      "nf_conntrack: table full, dropping packet. [12345.678] {a} (b) 'c' `d` \\e",
      'ovs-ofctl dump-flows br-int | grep actions:drop',
    ];
    for (const line of lines) {
      const text = `log: ${line} end`;
      expect(highlightParts(text, line).map((part) => part.text).join('')).toBe(text);
      expect(highlightParts(text, line).some((part) => part.mark)).toBe(true);
    }
  });

  test('prefers the longest word where words overlap', () => {
    expect(highlightParts('ECONNRESET', 'conn ECONNRESET')).toEqual([{ text: 'ECONNRESET', mark: true }]);
  });

  test('marks CJK fragments', () => {
    expect(highlightParts('连接数超过 1020', '连接数 1020')).toEqual([
      { text: '连接数', mark: true },
      { text: '超过 ', mark: false },
      { text: '1020', mark: true },
    ]);
  });

  test('skips lone ASCII characters but keeps lone CJK characters', () => {
    expect(highlightParts('a 5 tasks', 'a 5')).toEqual([{ text: 'a 5 tasks', mark: false }]);
    expect(highlightParts('下秤失败', '秤')).toEqual([
      { text: '下', mark: false },
      { text: '秤', mark: true },
      { text: '失败', mark: false },
    ]);
  });

  test('leaves text alone for an empty, blank or over-long fragment', () => {
    expect(highlightParts('abc', '')).toEqual([{ text: 'abc', mark: false }]);
    expect(highlightParts('abc', '   ')).toEqual([{ text: 'abc', mark: false }]);
    expect(highlightParts('abc', 'a'.repeat(MAX_FRAGMENT_LENGTH + 1))).toEqual([{ text: 'abc', mark: false }]);
    expect(highlightParts('', 'ab')).toEqual([]);
  });

  // The timeout is a hang guard: a backtracking pattern on this input takes minutes.
  test('ends on long input', { timeout: 10_000 }, () => {
    const text = 'x'.repeat(200_000);
    const parts = highlightParts(text, 'x'.repeat(100) + ' y');
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });
});

describe('match strings', () => {
  test('zh and en define the same keys', () => {
    expect(Object.keys(MATCH_STRINGS.zh).sort()).toEqual(Object.keys(MATCH_STRINGS.en).sort());
    expect(Object.keys(MATCH_STRINGS.zh.where).sort()).toEqual(Object.keys(MATCH_STRINGS.en.where).sort());
  });

  test('unknown languages fall back to English; placeholders are filled', () => {
    expect(matchStrings('fr')).toBe(MATCH_STRINGS.en);
    expect(fill(MATCH_STRINGS.en.resultsCount, { n: 3 })).toBe('3 matching records');
    expect(fill('{n} of {m}', { n: 1 })).toBe('1 of {m}');
  });
});
