/**
 * First pass over a pasted document: normalise whitespace and line ends,
 * drop web-page furniture (breadcrumbs, "related posts" footers, image
 * placeholders), undo pinyin annotations that some sites insert after
 * characters, and lift "original link" lines into references.
 */

/** A link lifted out of the text. */
export interface FoundReference {
  title: string;
  url: string;
}

/** The cleaned lines and what was done to them, for the attention list. */
export interface CleanedText {
  lines: string[];
  references: FoundReference[];
  /** Pinyin annotations such as `業(yè)` removed. */
  pinyinRemoved: number;
  /** Places where a `?` sits against Chinese text: likely mojibake. */
  suspectCharacters: number;
  /** Lines of web-page furniture dropped. */
  noiseLines: number;
}

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/** `業(yè)`: a Han character (or a lost one, `?`) followed by its pinyin with a tone mark. */
const PINYIN_NOTE = new RegExp(`([\\u4e00-\\u9fff?])\\((?=[a-z${TONED}ü]{0,6}[${TONED}])[a-z${TONED}ü]{1,7}\\)`, 'g');
const BREADCRUMB = /^\S{0,6}(?:首頁|首页|Home)(?:\s+\S{1,12}){0,4}\s+(?:正文|Article)$/;
const IMAGE_PLACEHOLDER = /^\s*(?:image|img|图片|圖片)[\w-]{0,20}\.(?:png|jpe?g|gif|webp)\s*$/i;
const FOOTER_HEADINGS = /^\s*[-*]?\s*(?:相關推薦|相关推荐|最近更新|熱門推薦|热门推荐|猜你喜欢|猜你喜歡|Related (?:posts|articles)|Recommended(?: posts)?)\s*$/i;
const PREV_NEXT = /^\s*[-*]?\s*(?:上一篇|下一篇|Previous post|Next post)\s*[:：]/i;
const ORIGINAL_LINK = /^\s*(原文鏈接|原文链接|原文地址|Original (?:link|article)|Source)\s*[:：]\s*(https?:\/\/\S+)\s*$/i;
const HTML_TAG_REMNANT = /<\/?(?:p|br|div|span)\s*\/?>|(?<=\S)\/p>/g;
const SUSPECT = /[\u4e00-\u9fff]\?(?=[\u4e00-\u9fff\w])/g;

/** Cleans raw text into lines; nothing here knows about sections or records. */
export function cleanText(raw: string): CleanedText {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/[\u00a0\u2002\u2003\u2009]/g, ' ');
  let pinyinRemoved = 0;
  let noiseLines = 0;
  const references: FoundReference[] = [];
  let lines = text.split('\n').map((line) =>
    line
      .replace(PINYIN_NOTE, (_all, char: string) => {
        pinyinRemoved++;
        return char;
      })
      .replace(HTML_TAG_REMNANT, '')
      .replace(/[ \u3000]+$/u, ''),
  );
  lines = dropFooter(lines, () => noiseLines++);
  const kept: string[] = [];
  let firstContent = true;
  for (let line of lines) {
    const reference = ORIGINAL_LINK.exec(line);
    if (reference) {
      references.push({ title: reference[1]!, url: reference[2]!.replace(/[)）。.,，]+$/u, '') });
      continue;
    }
    if (BREADCRUMB.test(line.trim()) || IMAGE_PLACEHOLDER.test(line) || PREV_NEXT.test(line) || /^\s*[-•*]\s*$/.test(line)) {
      noiseLines++;
      continue;
    }
    if (firstContent && line.trim() !== '') {
      // A lone character before the title is a site logo left over from copying (`知 H3Cloud…`).
      line = line.replace(/^\s*[\u4e00-\u9fff]\s+(?=\S{4})/u, '');
      firstContent = false;
    }
    // Word exports turn `•` into a lone `l` before the item.
    kept.push(line.replace(/^l\s+(?=[\u4e00-\u9fff])/u, '- '));
  }
  const suspectCharacters = kept.reduce((sum, line) => sum + (line.match(SUSPECT)?.length ?? 0), 0);
  return { lines: kept, references, pinyinRemoved, suspectCharacters, noiseLines };
}

/**
 * Drops a "related posts" footer: from its heading to the end, but only when
 * what follows is mostly a list of short links, so a real section called
 * "Related" in the middle of a document is kept.
 */
function dropFooter(lines: string[], dropped: () => void): string[] {
  const at = lines.findIndex((line) => FOOTER_HEADINGS.test(line));
  if (at < 0) return lines;
  const rest = lines.slice(at + 1).filter((line) => line.trim() !== '');
  const listy = rest.filter((line) => /^\s*[-*•]/.test(line) || line.trim().length <= 40).length;
  if (rest.length > 0 && listy / rest.length < 0.7) return lines;
  for (let i = at; i < lines.length; i++) dropped();
  return lines.slice(0, at);
}
