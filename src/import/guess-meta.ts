/**
 * Guesses about a whole document: its language, its kind, the root-cause
 * category (only when the words point one way), and action-item types.
 */
import type { CauseCategory, Kind } from '../schema/taxonomy.ts';

/** Han characters needed before a document is taken for Chinese, unless it has few Latin letters. */
export const MIN_CJK_FOR_ZH = 50;
const TRADITIONAL_ONLY = '這個們來時說將應過後於與發網為問題會對務處連還進現開關點數種樣機實從經總結驟';
const SIMPLIFIED_ONLY = '这个们来时说将应过后于与发网为问题会对务处连还进现开关点数种样机实从经总结骤';

/** `zh`, `zh-Hant` (when traditional-only characters dominate) or `en`. */
export function guessLanguage(text: string): 'zh' | 'zh-Hant' | 'en' {
  const cjk = text.match(/[\u4e00-\u9fff]/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  if (cjk < MIN_CJK_FOR_ZH && cjk * 4 < latin) return 'en';
  if (cjk === 0) return 'en';
  let traditional = 0;
  let simplified = 0;
  for (const char of text) {
    if (TRADITIONAL_ONLY.includes(char)) traditional++;
    else if (SIMPLIFIED_ONLY.includes(char)) simplified++;
  }
  return traditional >= 5 && traditional > simplified * 2 ? 'zh-Hant' : 'zh';
}

/** Kind words, checked in order against the title first, then the text. */
export const KIND_WORDS: ReadonlyArray<readonly [Kind, RegExp]> = [
  ['advisory', /公告|通告|通报|通報|安全通知|advisory|bulletin|security notice/i],
  ['known-issue', /复现|復現|重现|重現|已知问题|已知問題|known issue|reproduc/i],
  ['postmortem', /复盘|復盤|故障|事故|postmortem|post-mortem|incident report|outage/i],
  ['support-case', /问题|問題|案例|工单|工單|support case|ticket|\bcase\b/i],
];

/** The kind of write-up, and whether a word decided it (false: the `postmortem` default). */
export function guessKind(title: string, text: string): { kind: Kind; matched: boolean } {
  for (const source of [title, text]) {
    for (const [kind, words] of KIND_WORDS) if (words.test(source)) return { kind, matched: true };
  }
  return { kind: 'postmortem', matched: false };
}

/** Words that point at one cause category. */
export const CAUSE_WORDS: ReadonlyArray<readonly [CauseCategory, RegExp]> = [
  ['configuration', /配置错误|配置不当|配置有误|错误配置|misconfig|wrong config|configuration (?:error|change)|config change/i],
  ['software-bug', /\bbug\b|缺陷|线程异常|線程異常|代码错误|程序异常|regression|null pointer|race condition|内存泄漏|memory leak/i],
  ['capacity', /容量不足|耗尽|耗盡|占满|佔滿|打满|out of memory|\boom\b|exhausted|disk full|quota exceeded|资源不足/i],
  ['network', /丢包|丟包|网络分区|packet loss|network partition|bgp|路由错误|routing/i],
  ['deployment', /发布导致|上线导致|变更导致|變更導致|bad deploy|faulty deploy|rollout of|bad release/i],
  ['hardware', /硬件故障|硬件|断电|斷電|power (?:loss|outage|failure)|disk failure|硬盘|hardware/i],
  ['dependency', /第三方|厂商|廠商|上游|vendor|third[- ]party|upstream provider/i],
  ['security', /攻击|攻擊|入侵|漏洞|ddos|attack|breach|compromised|vulnerability/i],
];

/** A category when exactly one category's words appear in the cause text; `unknown` otherwise. */
export function guessCause(text: string): { category: CauseCategory; because?: string } {
  const hits = CAUSE_WORDS.map(([category, words]) => [category, words.exec(text)?.[0]] as const).filter(([, word]) => word);
  if (hits.length !== 1) return { category: 'unknown' };
  return { category: hits[0]![0], because: hits[0]![1] };
}

/** Action types by words, checked in order; `prevent` when none match. */
export const ACTION_WORDS: ReadonlyArray<readonly [
  'mitigate' | 'prevent' | 'detect' | 'process' | 'investigate',
  RegExp,
]> = [
  ['detect', /监控|監控|告警|报警|報警|巡检|巡檢|monitor|alert|detect|dashboard/i],
  ['investigate', /调查|調查|排查|分析|investigat|root cause|look into/i],
  ['process', /梳理|流程|预案|預案|规范|規範|演练|演練|评审|評審|运维方式|運維方式|待讨论|待討論|培训|runbook|process|review|checklist|training|document/i],
  ['mitigate', /临时|臨時|规避|規避|回滚|回滾|mitigat|workaround|roll ?back|revert/i],
];

/** The type of an action item from its words. */
export function guessActionType(title: string): 'mitigate' | 'prevent' | 'detect' | 'process' | 'investigate' {
  return ACTION_WORDS.find(([, words]) => words.test(title))?.[0] ?? 'prevent';
}
