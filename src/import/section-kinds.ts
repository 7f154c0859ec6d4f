/**
 * The section headings incident documents use, in Chinese (simplified and
 * traditional) and English, and what each maps to in a record.
 */

/** What a section holds, as far as the importer is concerned. */
export type SectionKind =
  | 'problem'
  | 'cause'
  | 'analysis'
  | 'workaround'
  | 'resolution'
  | 'actions'
  | 'versions'
  | 'products'
  | 'timeline'
  | 'reproduce'
  | 'summary'
  | 'impact'
  | 'lessons';

/**
 * Heading words by kind, compared after folding traditional characters to
 * simplified ones, dropping numbering, brackets and a trailing colon, and
 * lower-casing. A heading matches when it equals a word, or starts with one
 * and adds at most {@link MAX_HEADING_EXTRA} characters.
 */
export const SECTION_WORDS: ReadonlyArray<readonly [SectionKind, readonly string[]]> = [
  ['timeline', ['故障处理过程', '处理过程', '时间线', '故障时间线', 'timeline', 'time line']],
  ['analysis', ['根因分析过程', '过程分析', '分析过程', '排查过程', 'analysis', 'investigation']],
  ['cause', ['故障根因', '根因分析', '根因', '原因分析', '分析原因', '问题原因', '故障原因', 'root cause analysis', 'root causes', 'root cause', 'cause', 'causes']],
  ['problem', ['故障问题描述', '问题描述', '故障描述', '问题现象', '故障现象', '现象描述', '现象', 'problem description', 'problem', 'symptoms', 'issue', 'description', 'what happened']],
  ['workaround', ['规避措施', '规避方法', '规避方案', '临时解决方案', '临时方案', 'workarounds', 'workaround', 'mitigation']],
  ['resolution', ['解决方法', '解决方案', '解决办法', '解决措施', '处理方法', '处理办法', 'resolution', 'solution', 'fix', 'remediation']],
  ['actions', ['改进措施', '后续改进', '整改措施', '改进项', '待办事项', 'action items', 'action item', 'follow-ups', 'follow-up', 'follow up', 'next steps', 'corrective actions', 'actions']],
  ['versions', ['涉及版本', '影响版本', '受影响版本', 'affected versions', 'versions affected', 'versions']],
  ['products', ['产品型号', '涉及产品', '影响产品', 'affected products', 'products', 'product']],
  ['reproduce', ['复现步骤', '复现方法', '重现步骤', 'steps to reproduce', 'reproduction', 'how to reproduce']],
  ['summary', ['总结', '小结', '概述', '摘要', 'summary', 'conclusion', 'overview', 'tl;dr']],
  ['impact', ['故障影响范围', '影响范围', '故障影响', '影响', 'impact', 'customer impact', 'user impact']],
  ['lessons', ['经验教训', '教训', 'lessons learned', 'lessons learnt', 'lessons']],
];

/** Extra characters allowed after a heading word (`改进措施action`). */
export const MAX_HEADING_EXTRA = 8;
/** Headings longer than this are sentences, not headings. */
export const MAX_HEADING_CHARS = 30;

const TRADITIONAL = '問題現復驟決辦規進結總響圍處過時間線據產號並後與對應經發為這個們來說將還開關點數種樣機係麼實應務連則從會經錄覽測試檢查';
const SIMPLIFIED = '问题现复骤决办规进结总响围处过时间线据产号并后与对应经发为这个们来说将还开关点数种样机系么实应务连则从会经录览测试检查';
const FOLD = new Map([...TRADITIONAL].map((char, i) => [char, [...SIMPLIFIED][i]!]));

/** Folds the traditional characters heading words use to simplified ones. */
export function foldTraditional(text: string): string {
  let out = '';
  for (const char of text) out += FOLD.get(char) ?? char;
  return out;
}

/** A heading as compared: folded, no numbering, brackets, `#` or trailing colon. */
export function headingKey(text: string): string {
  return foldTraditional(text)
    .replace(/^\s*#{1,6}\s*/, '')
    .replace(/^\s*(?:[-*]\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．)）]\s*/u, '')
    .replace(/[【】\[\]]/g, '')
    .replace(/\s*[:：]\s*$/u, '')
    .trim()
    .toLowerCase();
}

/** The kind of a heading, or undefined for one the importer does not map. */
export function sectionKind(heading: string): SectionKind | undefined {
  const key = headingKey(heading);
  if (key.length === 0 || key.length > MAX_HEADING_CHARS) return undefined;
  for (const [kind, words] of SECTION_WORDS) {
    for (const word of words) {
      if (key === word) return kind;
      if (key.startsWith(word) && key.length - word.length <= MAX_HEADING_EXTRA && !/[，,。；;]/u.test(key)) {
        const rest = key.slice(word.length);
        // `改进措施action` is a heading; `影响了所有门店` is a sentence.
        if (/^[\sa-z:：()（）-]*$/u.test(rest) || /[说明]$/u.test(rest)) return kind;
      }
    }
  }
  return undefined;
}
