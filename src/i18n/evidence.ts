/**
 * Evidence chips in the UI language. The matcher writes each reason's label
 * in English (`error code 266`, `words “下秤失败” in body`); the Chinese UI
 * must not mix English UI words with Chinese ones, so the label is rebuilt
 * here from the reason's parts: a known English prefix or figure name is
 * translated, the record's and the query's own text is kept as written, and
 * the place is said once, by the chip's `where`, never inside the label.
 * Pure and browser-safe.
 */
import type { Reason } from '../matcher/types.ts';

/** UI languages evidence is written in. */
export type EvidenceLang = 'zh' | 'en';

/** Matcher prefixes (see `describeFact`) in Chinese, longest first so `exit code` wins over `code`. */
export const EVIDENCE_PREFIXES_ZH: ReadonlyArray<readonly [string, string]> = [
  ['error code ', '错误码 '],
  ['exit code ', '退出码 '],
  ['duration ', '时长 '],
  ['network ', '网段 '],
  ['version ', '版本 '],
  ['number ', '数字 '],
  ['count ', '数量 '],
  ['size ', '大小 '],
  ['host ', '主机 '],
  ['port ', '端口 '],
];

/** English figure names the matcher reads (see `figure-label.ts`), in Chinese. */
export const FIGURE_NAMES_ZH: Readonly<Record<string, string>> = {
  'failure rate': '失败率',
  'error rate': '错误率',
  'success rate': '成功率',
  'packet loss': '丢包率',
  latency: '延迟',
  connections: '连接数',
  cpu: 'CPU',
  memory: '内存',
  disk: '磁盘',
  timeout: '超时',
  utilization: '利用率',
  usage: '使用率',
};

/** The word list of a `text` reason, quoted: `“a” “b” …`. */
export const MAX_SHOWN_WORDS = 6;

/** One evidence chip's text: what matched, in the UI language, without its place. */
export function evidenceText(reason: Reason, lang: EvidenceLang): string {
  if (reason.type === 'text') {
    const words = reason.matched.split(/\s+/).filter(Boolean);
    const shown = words.slice(0, MAX_SHOWN_WORDS).map((word) => `“${word}”`).join(' ');
    const more = words.length > MAX_SHOWN_WORDS ? ' …' : '';
    return lang === 'zh' ? `词语 ${shown}${more}` : `words ${shown}${more}`;
  }
  // A near figure reads `matched ≈ query`: translate the matched side, keep the query as typed.
  const approx = reason.label.indexOf(' ≈ ');
  const matched = approx >= 0 ? reason.label.slice(0, approx) : reason.label;
  const tail = approx >= 0 ? reason.label.slice(approx) : '';
  return lang === 'zh' ? `${translateFact(matched)}${tail}` : reason.label;
}

/** Chinese for one English fact description; text that is not the matcher's own is kept. */
export function translateFact(text: string): string {
  for (const [english, chinese] of EVIDENCE_PREFIXES_ZH) {
    if (text.startsWith(english)) return chinese + text.slice(english.length);
  }
  for (const [english, chinese] of Object.entries(FIGURE_NAMES_ZH)) {
    if (text.startsWith(`${english} `)) return `${chinese} ${text.slice(english.length + 1)}`;
  }
  return text;
}

/** Words the English UI uses in evidence; none may appear in the Chinese UI's evidence. */
export const ENGLISH_EVIDENCE_WORDS: readonly string[] = [
  'words',
  ' in ',
  'symptom',
  'summary',
  'body',
  'title',
  ...EVIDENCE_PREFIXES_ZH.map(([english]) => english.trim()),
  ...Object.keys(FIGURE_NAMES_ZH).filter((name) => name !== 'cpu'),
];
