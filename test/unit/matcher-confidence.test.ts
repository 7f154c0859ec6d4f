/**
 * Confidence on small hand-made libraries: a rare typed fact that only one
 * record has is strong; a common word shared by many records is weak.
 */
import { describe, expect, it } from 'vitest';
import { Matcher, buildIndex } from '../../src/matcher/index.ts';
import { doc } from '../support/match-doc.ts';
import { isGenericWord } from '../../src/matcher/generic-words.ts';

const filler = Array.from({ length: 12 }, (_, i) =>
  doc(`other-${i}`, { ports: [{ port: 7000 + i, protocol: 'tcp' }] }, { summary: i % 3 === 0 ? `The queue stalled after a deploy, run ${i}.` : `Disk ${i} filled up.` }),
);

describe('confidence', () => {
  const m = Matcher.fromBundle(
    buildIndex([
      doc('scale', { errors: [{ code: '266', message: '下秤失败' }], ports: [{ port: 5002, protocol: 'udp' }] }, { title: 'Scale price push fails with error 266' }),
      ...filler,
    ]),
  );

  it('every result carries one of strong, likely, weak', () => {
    for (const result of m.search('queue stalled 266')) expect(['strong', 'likely', 'weak']).toContain(result.confidence);
  });

  it('a rare code and port of one record, alone in the library, is a strong top result', () => {
    const [top] = m.search('error 266 udp 5002');
    expect(top).toMatchObject({ id: 'scale', confidence: 'strong' });
  });

  it('a word every record shares is weak, whatever its score', () => {
    const results = m.search('queue stalled after deploy');
    expect(results.length).toBeGreaterThan(1);
    for (const result of results) expect(result.confidence).toBe('weak');
  });
});

describe('confidence reads what the query explains', () => {
  // A library of a hundred-odd records: rarity means something at that size.
  const many = Array.from({ length: 120 }, (_, i) => doc(`more-${i}`, {}, { title: `Service ${i} failed after deploy`, summary: `Cache node ${i} ran out of memory; requests timed out.` }));
  const m = Matcher.fromBundle(
    buildIndex([
      doc('db', {}, { title: 'Database timeout, service failed', summary: 'The database timed out and the service failed.' }),
      doc('zh', {}, { title: '数据库 任务失败 服务超时', summary: '数据库任务失败，服务超时。', language: 'zh' }),
      doc('sha', {}, { title: 'SHA-1 collision broke the svn repository', summary: 'A committed sha1 collision pair corrupted svn.' }),
      ...filler,
      ...many,
    ]),
  );

  it('words of any incident are generic; names are not', () => {
    expect(['failed', 'timeout', 'database', 'login', '任务失败', '超时', '连接失败', '登录'].map(isGenericWord)).toEqual([true, true, true, true, true, true, true, true]);
    expect(['collision', 'svn', '磁带库', '下秤失败'].map(isGenericWord)).toEqual([false, false, false, false]);
  });

  it('a record holding every generic word of the query is found, but not strong', () => {
    for (const [query, id] of [['database timeout service failed', 'db'], ['数据库 任务失败 服务 超时', 'zh']] as const) {
      const [top] = m.search(query);
      expect(top).toMatchObject({ id });
      expect(top!.confidence).not.toBe('strong');
    }
  });

  it('a record explaining the specific words of the query is strong', () => {
    expect(m.search('sha1 collision svn')[0]).toMatchObject({ id: 'sha', confidence: 'strong' });
  });
});
