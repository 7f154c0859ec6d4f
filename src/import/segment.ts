/**
 * Lines → blocks: headings, code (fenced, or recognised from shell prompts
 * and code-shaped lines), tab-separated tables, and text lines. Copying from
 * a web page loses fences and indentation; this puts the code back in blocks.
 */
import { MAX_TABLE_CELLS, MAX_TABLE_ROWS } from '../records/body-limits.ts';
import { sectionKind, type SectionKind } from './section-kinds.ts';

/** One block of a document. */
export type Block =
  | { type: 'heading'; text: string; kind?: SectionKind }
  | { type: 'code'; lines: string[]; lang?: string }
  | { type: 'table'; rows: string[][]; caption?: string }
  | { type: 'text'; text: string };

/** `[root@host dir]# cmd`, `root@host:~# cmd`, `user@host:~$ cmd`, `$ cmd`, `# cmd` (inside a block only). */
export const PROMPT = /^\s*(?:\[[\w.-]{1,32}@[\w.-]{1,64}(?:\s[^\]]{0,64})?\]\s?[#$]|[\w.-]{1,32}@[\w.-]{1,64}:[^\s#$]{0,128}\s?[#$]|\$)\s?(?=\S)/;
const CJK = /[\u4e00-\u9fff]/u;
const CODE_LINE: readonly RegExp[] = [
  /^\s*#\s*(?:include|define|if|endif|ifdef|ifndef)\b/,
  /[;{}]\s*(?:\/\/.*|\/\*.*)?$/,
  /^\s*(?:\/\/|\/\*|\*\/?|\*\s)/,
  /^\s*(?:int|void|char|struct|return|if|else|switch|case|default|while|for|goto|static|const|unsigned|long|bool|func|def|import|package)\b[^\u4e00-\u9fff]*$/,
  /^\s*-?\s*[\w.-]{1,40}:(?:\s+[^\s\u4e00-\u9fff][^\u4e00-\u9fff]{0,80})?$/,
  /^\s*---\s*$/,
  /^[\w.]{2,80}\s?=\s?\S{1,80}$/,
  /^\s*[\w-]{1,40}:\s*$/,
];

/** True when a line reads like code or config rather than prose. */
export function isCodeLike(line: string): boolean {
  if (PROMPT.test(line)) return true;
  const code = line.replace(/(?:\/\/|#\s|\/\*).*$/u, '');
  if (CJK.test(code) && !/^\s*(?:\/\/|#\s|\/\*)/.test(line)) return false;
  return CODE_LINE.some((pattern) => pattern.test(line));
}

/** True for a prose line that ends an unfenced code block. */
function isProse(line: string): boolean {
  const code = line.replace(/(?:\/\/|\/\*).*$/u, '');
  if (/^\s*(?:\/\/|#\s|\/\*)/.test(line)) return false;
  const cjk = code.match(/[\u4e00-\u9fff]/gu)?.length ?? 0;
  if (cjk >= 2) return true;
  // English prose: several words and a sentence end, no code punctuation.
  return /^[A-Z][^;{}=<>|$]{30,}[.!?]$/.test(line.trim()) && line.trim().split(/\s+/).length >= 6;
}

/** Minimum run of code-shaped lines (without a prompt) that becomes a code block; one less when a line ends in `;`, `{` or `}`. */
export const MIN_CODE_RUN = 3;

function tableCells(line: string): string[] | undefined {
  if (!line.includes('\t')) return undefined;
  const cells = line.replace(/\t+$/, '').split('\t').map((cell) => cell.trim());
  return cells.filter((cell) => cell !== '').length >= 2 ? cells : undefined;
}

/** Splits cleaned lines into blocks. */
export function segment(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let tableCellsSoFar = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const trimmed = line.trim();
    const fence = /^\s*(`{3,}|~{3,})\s*([\w+-]{0,20})\s*$/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(fence[1]!)) body.push(lines[i++]!);
      i++;
      while (body.length && body[body.length - 1]!.trim() === '') body.pop();
      if (body.length) blocks.push({ type: 'code', lines: body, lang: fence[2] || undefined });
      continue;
    }
    if (trimmed === '') {
      i++;
      continue;
    }
    const cells = tableCells(line);
    if (cells) {
      const start = i;
      const rows: string[][] = [];
      while (i < lines.length) {
        const row = tableCells(lines[i]!);
        if (!row) break;
        rows.push(row);
        i++;
      }
      // As validate counts it: every row, the delimiter row too, as wide as the widest.
      const size = (rows.length + 1) * Math.max(...rows.map((row) => row.length));
      if (rows.length + 1 > MAX_TABLE_ROWS || tableCellsSoFar + size > MAX_TABLE_CELLS) {
        // Too big to render as a table (validate would refuse the draft): kept verbatim as a code block.
        blocks.push({ type: 'code', lines: lines.slice(start, i) });
      } else if (rows.length >= 2) {
        tableCellsSoFar += size;
        // A leading tab on every row is an empty first column left by the copy.
        while (rows.every((row) => row[0] === '')) rows.forEach((row) => row.shift());
        const previous = blocks[blocks.length - 1];
        const caption = previous?.type === 'text' && previous.text.length <= 40 && lines[i - rows.length - 1]?.includes('\t') ? previous.text : undefined;
        if (caption) blocks.pop();
        blocks.push({ type: 'table', rows, caption });
      } else {
        blocks.push({ type: 'text', text: rows[0]!.filter(Boolean).join(' ') });
      }
      continue;
    }
    const heading = headingOf(line);
    if (heading) {
      blocks.push(heading);
      i++;
      continue;
    }
    if (isCodeLike(line)) {
      // A run of code-shaped lines; once a shell prompt is in it, command output (any non-prose line) belongs too.
      let end = i;
      let prompted = false;
      let terminated = false;
      while (end < lines.length) {
        const next = lines[end]!;
        if (next.trim() === '' || headingOf(next) || /^\s*(`{3,}|~{3,})/.test(next)) break;
        if (PROMPT.test(next)) prompted = true;
        else if (!(isCodeLike(next) || (prompted && !isProse(next)))) break;
        if (/[;{}]\s*$/.test(next)) terminated = true;
        end++;
      }
      if (prompted || end - i >= (terminated ? MIN_CODE_RUN - 1 : MIN_CODE_RUN)) {
        blocks.push({ type: 'code', lines: lines.slice(i, end) });
        i = end;
        continue;
      }
    }
    blocks.push({ type: 'text', text: trimmed.replace(/\t+/g, ' ') });
    i++;
  }
  return mergeCode(blocks);
}

/** A heading block for a Markdown heading, a `【…】` line or a known section word; undefined otherwise. */
export function headingOf(line: string): Block | undefined {
  const trimmed = line.trim();
  const markdown = /^(#{1,6})\s+(.+?)\s*#*$/.exec(trimmed);
  if (markdown) {
    const text = markdown[2]!.replace(/^【(.+)】$/u, '$1');
    return { type: 'heading', text, kind: sectionKind(text) };
  }
  const bracketed = /^【([^】]{1,30})】\s*[:：]?$/u.exec(trimmed);
  if (bracketed) return { type: 'heading', text: bracketed[1]!, kind: sectionKind(bracketed[1]!) };
  const kind = sectionKind(trimmed);
  if (kind) return { type: 'heading', text: trimmed.replace(/\s*[:：]\s*$/u, ''), kind };
  return undefined;
}

/** Adjacent code blocks separated by nothing are one block (`// comment` lines split them otherwise). */
function mergeCode(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    if (block.type === 'code' && last?.type === 'code' && !block.lang && !last.lang) last.lines.push(...block.lines);
    else out.push(block);
  }
  return out;
}
