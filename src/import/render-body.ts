/**
 * Blocks → Markdown body: `##` section headings, fenced code, pipe tables,
 * one paragraph per line of text (list items stay together).
 */
import type { Block } from './segment.ts';

const LIST_ITEM = /^\s*(?:[-*•]\s|\(\d{1,2}\)|（\d{1,2}）|\d{1,2}\s?[、.．)）]|[a-z]\s?[.)）]\s)/u;

/** Renders blocks as Markdown. */
export function renderBody(blocks: readonly Block[]): string {
  const parts: string[] = [];
  let previousList = false;
  for (const block of blocks) {
    if (block.type === 'heading') {
      parts.push(`## ${block.text.replace(/^#+\s*/, '')}`);
      previousList = false;
    } else if (block.type === 'code') {
      const longest = Math.max(2, ...block.lines.map((line) => /^\s*(`+)/.exec(line)?.[1]!.length ?? 0));
      const fence = '`'.repeat(longest + 1);
      parts.push(`${fence}${block.lang ?? 'text'}\n${block.lines.join('\n')}\n${fence}`);
      previousList = false;
    } else if (block.type === 'table') {
      parts.push(renderTable(block.rows, block.caption));
      previousList = false;
    } else {
      const isList = LIST_ITEM.test(block.text);
      if (isList && previousList) parts[parts.length - 1] += `\n${block.text}`;
      else parts.push(block.text);
      previousList = isList;
    }
  }
  return `${parts.join('\n\n').trim()}\n`;
}

function renderTable(rows: readonly (readonly string[])[], caption?: string): string {
  const width = Math.max(...rows.map((row) => row.length));
  const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').trim() || ' ';
  const line = (row: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cell(row[i])).join(' | ')} |`;
  const [header = [], ...rest] = rows;
  const table = [line(header), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...rest.map(line)].join('\n');
  return caption ? `${caption}\n\n${table}` : table;
}
