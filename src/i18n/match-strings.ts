/**
 * The matcher UI's words in zh and en (kind labels come from the taxonomy
 * table). Pages serialise the table for the current language into a
 * `data-strings` attribute, so client scripts never import the whole site
 * dictionary.
 */

import { TAXONOMY_LABELS } from './taxonomy.ts';
import type { Confidence } from '../matcher/types.ts';

/** Languages the matcher UI speaks. */
export const MATCH_LANGS = ['zh', 'en'] as const;
/** One of {@link MATCH_LANGS}. */
export type MatchLang = (typeof MATCH_LANGS)[number];

/** Every string the matcher page, search box and related list show. `{n}`/`{q}` are placeholders. */
export interface MatchStrings {
  pageTitle: string;
  intro: string;
  queryLabel: string;
  queryHint: string;
  placeholder: string;
  submit: string;
  noJs: string;
  /** Link text after `noJs`, to the library. */
  noJsLibrary: string;
  examplesHeading: string;
  loading: string;
  loadingMore: string;
  searching: string;
  loadError: string;
  noResults: string;
  /** `{n}` results for the query. */
  resultsCount: string;
  resultsOne: string;
  resultsHeading: string;
  evidence: string;
  score: string;
  /** Accessible label of the score, `{n}` out of 100. */
  scoreLabel: string;
  openRecord: string;
  resolution: string;
  workaround: string;
  command: string;
  /** Copy button of a command, and what it says after copying or failing. */
  copy: string;
  copied: string;
  copyFailed: string;
  /** After the commands shown in a card, when the record has more. */
  moreCommands: string;
  tooLongToShare: string;
  /** A long paste was cut: `{read}` of `{total}` KB were read. */
  truncated: string;
  /** A result's confidence in words, by `MatchResult.confidence`. */
  confidence: Record<Confidence, string>;
  /** Heading over weak results listed below the others. */
  weakHeading: string;
  /** Said when no result is better than weak. */
  noStrongMatch: string;
  /** Where evidence was found, by `Reason.where`. */
  where: Record<'symptom' | 'title' | 'summary' | 'body' | 'fix', string>;
  /** Record kinds, by `kind`; unknown kinds show as written. */
  kinds: Record<string, string>;
  searchBoxHint: string;
  dropdownLabel: string;
  seeAll: string;
  relatedHeading: string;
  relatedNone: string;
}

/** The tables; zh first because most records are written in Chinese. */
export const MATCH_STRINGS: Record<MatchLang, MatchStrings> = {
  zh: {
    pageTitle: '症状匹配',
    intro: '输入错误码、端口、数字、报错信息或中英文描述，也可以直接粘贴日志。结果按相似度排序，并列出证据和当时有效的修复。',
    queryLabel: '症状或日志',
    queryHint: 'Enter 搜索，Shift+Enter 换行。',
    placeholder: '例如：266、udp 5002、41%、ECONNRESET，或粘贴一段日志',
    submit: '匹配',
    noJs: '症状匹配需要启用 JavaScript。没有 JavaScript 时可以',
    noJsLibrary: '浏览记录库',
    examplesHeading: '试试这些',
    loading: '正在加载索引…',
    loadingMore: '正在补充更多结果…',
    searching: '正在匹配…',
    loadError: '索引加载失败，无法匹配。请刷新页面重试。',
    noResults: '没有找到匹配的记录。换个说法，或只输入错误码、端口等关键信息试试。',
    resultsCount: '找到 {n} 条匹配记录',
    resultsOne: '找到 1 条匹配记录',
    resultsHeading: '匹配结果',
    evidence: '证据',
    score: '相似度',
    scoreLabel: '相似度 {n} / 100',
    openRecord: '查看记录',
    resolution: '修复',
    workaround: '临时规避',
    command: '命令',
    copy: '复制',
    copied: '已复制',
    copyFailed: '复制失败',
    moreCommands: '完整步骤见记录页',
    tooLongToShare: '查询太长，未写入地址栏，无法通过链接分享。',
    truncated: '内容较长：只匹配了前 {read} KB（共 {total} KB）。',
    confidence: { strong: '高度吻合', likely: '可能相关', weak: '线索较弱' },
    weakHeading: '其他相近记录（吻合度低）',
    noStrongMatch: '没有吻合的记录；以下是最接近的记录，仅供参考。',
    where: { symptom: '症状', title: '标题', summary: '摘要', body: '正文', fix: '修复' },
    kinds: TAXONOMY_LABELS.zh.kind,
    searchBoxHint: '按 / 搜索',
    dropdownLabel: '匹配的记录',
    seeAll: '查看全部结果',
    relatedHeading: '相关记录',
    relatedNone: '暂无相关记录。',
  },
  en: {
    pageTitle: 'Symptom matcher',
    intro: 'Type an error code, a port, a figure, an error message or a phrase in English or Chinese, or paste a log. Past records are ranked with the evidence and the fix that worked.',
    queryLabel: 'Symptoms or log',
    queryHint: 'Enter searches, Shift+Enter adds a line.',
    placeholder: 'e.g. 266, udp 5002, 41%, ECONNRESET, or paste a log',
    submit: 'Match',
    noJs: 'The symptom matcher needs JavaScript. Without it, you can',
    noJsLibrary: 'browse the library',
    examplesHeading: 'Try these',
    loading: 'Loading the index…',
    loadingMore: 'Looking for more results…',
    searching: 'Matching…',
    loadError: 'The index failed to load, so nothing can be matched. Reload the page to try again.',
    noResults: 'No record matches. Try other words, or just the error code, port or figure.',
    resultsCount: '{n} matching records',
    resultsOne: '1 matching record',
    resultsHeading: 'Results',
    evidence: 'Evidence',
    score: 'Score',
    scoreLabel: 'score {n} of 100',
    openRecord: 'Open record',
    resolution: 'Fix',
    workaround: 'Workaround',
    command: 'Command',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Copy failed',
    moreCommands: 'Every step on the record page',
    tooLongToShare: 'The query is too long to keep in the address bar, so it cannot be shared as a link.',
    truncated: 'Long input: only the first {read} KB of {total} KB were matched.',
    confidence: { strong: 'strong match', likely: 'likely match', weak: 'weak match' },
    weakHeading: 'Other, weaker matches',
    noStrongMatch: 'No strong match; the closest records are listed below.',
    where: { symptom: 'symptom', title: 'title', summary: 'summary', body: 'body', fix: 'fix' },
    kinds: TAXONOMY_LABELS.en.kind,
    searchBoxHint: 'Press / to search',
    dropdownLabel: 'Matching records',
    seeAll: 'See all results',
    relatedHeading: 'Related records',
    relatedNone: 'No related records yet.',
  },
};

/** The table for `lang`, English when the language is not one the matcher speaks. */
export function matchStrings(lang: string): MatchStrings {
  return (MATCH_STRINGS as Record<string, MatchStrings>)[lang] ?? MATCH_STRINGS.en;
}

/** Replaces `{name}` placeholders in a template. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Example queries offered on the empty matcher page, one per kind of evidence. */
export const MATCH_EXAMPLES: readonly string[] = ['266', 'udp 5002', '41%', 'ECONNRESET', '5555 连接数 超过 1020', '下秤失败'];
