/**
 * Blameless by default: removes people's names that can be recognised by
 * their pattern — the author of a forum post (`<name> 2021-05-16 发表`),
 * `@mentions`, `故障责任人：…`, chat system lines (`<name> 置顶了`,
 * `<name>的快速会议`), `Posted by …`, and chat speakers (a short name that
 * starts several lines of a chat log). Every other occurrence of a name found
 * that way is then replaced too. The names themselves are never reported.
 */

/** Lines with names removed, and counts for the attention list. */
export interface StrippedNames {
  lines: string[];
  /** Distinct names found. */
  names: number;
  /** Occurrences replaced or removed. */
  occurrences: number;
  /** Which patterns fired, e.g. `author line`, `@mention`. */
  patterns: string[];
}

/** What replaces a name in running text, by language. */
export const NAME_PLACEHOLDER = { zh: '某同事', en: 'a colleague' } as const;

const NOT_NAMES = new Set(['所有人', '全体成员', 'all', 'here', 'channel', 'everyone']);
const AUTHOR_LINE = /^\s*(\S{1,20}?)\s*((?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*(发表|發表|发布|發佈)\s*$/u;
const RESPONSIBLE = /^\s*(?:故障)?(?:责任人|責任人|负责人|負責人)\s*[:：]\s*(.+)$/u;
const MENTION = /(?<![\w./:@])@([\p{L}\p{N}_.-]{1,24})/gu;
const SYSTEM_LINE = /^\s*([\p{L}]{2,8}?)\s*(?:置顶了|撤回了一条消息|加入了群聊|的快速会议|的会议)/u;
const POSTED_BY = /^\s*(?:Posted|Written|Authored|Published)\s+by\s+([A-Z][\p{L}'-]+(?:\s[A-Z][\p{L}'-]+){0,3})/u;
const AUTHOR_FIELD = /^\s*(?:Author|作者)\s*[:：]\s*(.+?)\s*$/iu;
const SPEAKER = /^([\u4e00-\u9fff]{2,5})\s+\S/u;
/** A speaker must start at least this many lines before it is taken for a name. */
export const MIN_SPEAKER_LINES = 2;

/** Finds and removes names; `language` picks the placeholder used in running text. */
export function stripNames(input: readonly string[], language: 'zh' | 'en'): StrippedNames {
  const names = new Set<string>();
  const patterns = new Set<string>();
  const lines = [...input];
  let occurrences = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const author = AUTHOR_LINE.exec(line);
    if (author && !/^\d/.test(author[1]!)) {
      names.add(author[1]!);
      patterns.add('author line (`<name> <date> 发表`)');
      lines[i] = `${author[2]} ${author[3]}`;
      occurrences++;
      continue;
    }
    const responsible = RESPONSIBLE.exec(line);
    if (responsible) {
      for (const name of responsible[1]!.split(/[、,，/\s]+/u)) if (name) names.add(name);
      patterns.add('responsible-person line (`故障责任人：`)');
      lines[i] = '';
      occurrences++;
      continue;
    }
    const posted = POSTED_BY.exec(line) ?? AUTHOR_FIELD.exec(line);
    if (posted) {
      names.add(posted[1]!);
      patterns.add('author line (`Posted by`, `Author:`)');
      lines[i] = '';
      occurrences++;
      continue;
    }
    const system = SYSTEM_LINE.exec(line);
    if (system) {
      names.add(system[1]!);
      patterns.add('chat system line (`置顶了`, `的快速会议`)');
    }
    for (const mention of line.matchAll(MENTION)) {
      // `dig @10.0.12.54`, `user@host`: addresses, not people.
      if (!NOT_NAMES.has(mention[1]!.toLowerCase()) && !/^\d/.test(mention[1]!) && !mention[1]!.includes('.')) {
        names.add(mention[1]!);
        patterns.add('@mention');
      }
    }
  }

  // Chat speakers: only in a document that already reads like a chat log.
  if (patterns.has('@mention') || patterns.has('chat system line (`置顶了`, `的快速会议`)')) {
    const starts = new Map<string, number>();
    for (const line of lines) {
      const speaker = SPEAKER.exec(line);
      if (speaker) starts.set(speaker[1]!, (starts.get(speaker[1]!) ?? 0) + 1);
    }
    for (const [speaker, count] of starts) {
      if (count >= MIN_SPEAKER_LINES) {
        names.add(speaker);
        patterns.add('chat speaker');
      }
    }
  }

  if (names.size === 0) return { lines, names: 0, occurrences, patterns: [] };
  const placeholder = NAME_PLACEHOLDER[language];
  const ordered = [...names].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const anyName = new RegExp(ordered.join('|'), 'gu');
  const out: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (names.has(trimmed) || SYSTEM_LINE.test(line)) {
      occurrences++;
      continue; // a line that is only a name, or a chat system message
    }
    let next = line.replace(new RegExp(`^(?:${ordered.join('|')})\\s+`, 'u'), () => {
      occurrences++;
      return '';
    });
    next = next.replace(anyName, () => {
      occurrences++;
      return placeholder;
    });
    out.push(next);
  }
  return { lines: out, names: names.size, occurrences, patterns: [...patterns] };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
