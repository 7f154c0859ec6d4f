import { describe, expect, test } from 'vitest';
import { ENGLISH_EVIDENCE_WORDS, evidenceText } from '../../src/i18n/evidence.ts';
import type { Reason } from '../../src/matcher/types.ts';

const reason = (over: Partial<Reason>): Reason => ({ type: 'code', label: '', query: '', matched: '', where: 'symptom', weight: 1, ...over });

describe('evidence in the UI language', () => {
  test('typed facts: the matcher prefix is translated, the values kept', () => {
    expect(evidenceText(reason({ label: 'error code 266', matched: 'error code 266' }), 'zh')).toBe('错误码 266');
    expect(evidenceText(reason({ type: 'port', label: 'port 5002/udp' }), 'zh')).toBe('端口 5002/udp');
    expect(evidenceText(reason({ type: 'exit', label: 'exit code 137' }), 'zh')).toBe('退出码 137');
    expect(evidenceText(reason({ type: 'percent', label: 'failure rate 41.48% ≈ 41%' }), 'zh')).toBe('失败率 41.48% ≈ 41%');
    expect(evidenceText(reason({ type: 'figure', label: 'connections >1020' }), 'zh')).toBe('连接数 >1020');
    expect(evidenceText(reason({ type: 'errno', label: 'ECONNRESET' }), 'zh')).toBe('ECONNRESET');
    expect(evidenceText(reason({ label: 'error code 266' }), 'en')).toBe('error code 266');
  });

  test('word matches name the words only: the place is said once, by the chip', () => {
    const words = reason({ type: 'text', label: 'words “下秤失败” in body', matched: '下秤失败', where: 'body' });
    expect(evidenceText(words, 'zh')).toBe('词语 “下秤失败”');
    expect(evidenceText(words, 'en')).toBe('words “下秤失败”');
    const many = reason({ type: 'text', matched: 'a b c d e f g h', where: 'title' });
    expect(evidenceText(many, 'en')).toBe('words “a” “b” “c” “d” “e” “f” …');
    expect(evidenceText(many, 'en')).not.toMatch(/\bin title\b/);
  });

  test('the Chinese text of every matcher prefix contains none of the English UI words', () => {
    const labels = ['error code 1', 'exit code 1', 'duration 30s', 'network 10.0.0.0/8', 'version E1', 'number 7', 'count 3', 'size 53K', 'host a.com', 'port 1/tcp', 'failure rate 1%', 'latency 5'];
    for (const label of labels) {
      const zh = evidenceText(reason({ label }), 'zh');
      for (const word of ENGLISH_EVIDENCE_WORDS) expect(zh.toLowerCase(), `${label} → ${zh}`).not.toContain(word);
    }
  });
});
