import { describe, expect, it } from 'vitest';
import { tokenizeText } from '../../src/matcher/index.ts';
import { textRuns } from '../../src/matcher/text-tokenize.ts';
import { analyzeQuery } from '../../src/matcher/analyze-query.ts';

describe('tokenizeText', () => {
  it('splits a CJK run into unigrams and bigrams, dropping lone function characters', () => {
    expect(tokenizeText('下秤失败')).toEqual(['下', '下秤', '秤', '秤失', '失', '失败', '败']);
    expect(tokenizeText('的问题')).toEqual(['的问', '问', '问题', '题']);
  });

  it('lower-cases, stems and drops English stop words and bare numbers', () => {
    expect(tokenizeText('The Connections were RESET 5555 times')).toEqual(['connect', 'reset', 'time']);
  });

  it('separates CJK from Latin inside one run and folds full-width letters (NFKC)', () => {
    expect(tokenizeText('License连接数ＴＣＰ')).toEqual(['licens', '连', '连接', '接', '接数', '数', 'tcp']);
  });

  it('splits identifiers on punctuation', () => {
    expect(tokenizeText('nf_conntrack_tcp_timeout_established')).toEqual(['nf', 'conntrack', 'tcp', 'timeout', 'establish']);
  });

  it('gives the same terms at index time and at query time', () => {
    const text = '5555 连接数 超过 1020, License Server connection failed';
    const indexed = tokenizeText(text);
    const queried = analyzeQuery(text).terms;
    expect(queried).toEqual([...new Set(indexed)]);
  });

  it('reads an ASCII text as it reads the same words in a text that is not ASCII', () => {
    // Every ASCII character, and words shaped like logs and identifiers.
    const ascii = [String.fromCharCode(...Array.from({ length: 128 }, (_, i) => i)), 'ECONNRESET on 10.0.0.1:5002 x86_64 Timeouts 41% 2xx', 'a_b-c.d/e A1b2 12ab 007'];
    for (const text of ascii) {
      expect(textRuns(text)).toEqual(textRuns(`${text} é`).slice(0, -1));
      expect(tokenizeText(text)).toEqual(tokenizeText(`${text} é`).filter((term) => term !== 'é'));
    }
    expect(tokenizeText('١٢٣ 123 ab')).toEqual(['ab']); // Digits of any script are left to the fact extractor.
  });

  it('survives lone surrogates and control characters', () => {
    expect(tokenizeText('a\ud800b 连\udc00接 \u0000x')).toEqual(['连', '接']);
  });

  it('is deterministic: no dictionary segmenter (Intl.Segmenter) involved', () => {
    const sample = '应用服务下发称出现网络266错误，导致顶尖秤的数据无法更新';
    expect(tokenizeText(sample)).toEqual(tokenizeText(sample));
    expect(tokenizeText(sample).filter((t) => t.length === 2).slice(0, 4)).toEqual(['应用', '用服', '服务', '务下']);
  });
});
