/**
 * A workaround or resolution section → `{ summary, steps }`: each list item
 * (`(1)`, `1、`, `a)`, `-`) becomes a step; commands come from the code block
 * that follows an item (prompt lines, prompt removed) and from inline
 * `执行 <command>` / `run <command>` phrases; a `X侧操作：` line sets `where`.
 */
import { PROMPT, type Block } from './segment.ts';

/** A remedy as the schema takes it. */
export interface DraftRemedy {
  summary: string;
  steps: Array<{ text: string; command?: string; where?: string }>;
}

/** Longest step text kept; the body keeps the whole section anyway. */
export const MAX_STEP_CHARS = 600;
/** Longest remedy summary. */
export const MAX_REMEDY_SUMMARY_CHARS = 300;
/** Lines of a code block without prompts that still count as one command. */
export const MAX_PLAIN_COMMAND_LINES = 12;

/** `(1)`, `（1）`, `1、`, `1.`, `a)`, `a.`, `-`, `•` at the start of a line. */
export const ITEM_MARKER = /^\s*(?:[-*•]\s*)?(?:\(\d{1,2}\)|（\d{1,2}）|\d{1,2}\s?[、.．)）](?!\d)|[a-z]\s?[.)）](?![\w.])|[-*•])\s*/u;
const INLINE_COMMAND = /(?:执行|執行|运行|運行|使用命令|输入|輸入|\brun|\bexecute)\s*[:：]?\s*`?([a-z/.~][\w./|'"=:~*>&$@-]*(?:\s[\w./|'"=:~*>&$@-]+){0,16})`?/giu;
const WHERE_LINE = /^(.{1,40}?)\s*(?:侧操作|側操作|上操作|操作|side)?\s*[:：]$/u;

/** Reads a remedy from a section's blocks; undefined when the section is empty. */
export function readRemedy(blocks: readonly Block[]): DraftRemedy | undefined {
  const steps: DraftRemedy['steps'] = [];
  const intro: string[] = [];
  let where: string | undefined;
  let current: DraftRemedy['steps'][number] | undefined;
  const addCommand = (step: DraftRemedy['steps'][number], command: string) => {
    const lines = (step.command ? step.command.split('\n') : []).concat(command.split('\n').filter((line) => !(step.command ?? '').split('\n').includes(line)));
    step.command = lines.join('\n');
  };
  for (const block of blocks) {
    if (block.type === 'text') {
      const marker = ITEM_MARKER.exec(block.text);
      if (marker && block.text.length > marker[0].length) {
        current = { text: block.text.slice(marker[0].length).trim(), ...(where ? { where } : {}) };
        steps.push(current);
        for (const command of inlineCommands(current.text)) addCommand(current, command);
        continue;
      }
      const label = WHERE_LINE.exec(block.text);
      if (label && !/[，。,]/u.test(label[1]!)) {
        where = label[1]!.trim();
        current = undefined;
        continue;
      }
      if (current) {
        if (current.text.length + block.text.length < MAX_STEP_CHARS) current.text += `\n${block.text}`;
        for (const command of inlineCommands(block.text)) addCommand(current, command);
      } else intro.push(block.text);
    } else if (block.type === 'code') {
      const command = commandOf(block.lines);
      if (!command) continue;
      if (!current) {
        current = { text: intro.pop() ?? 'Run:', ...(where ? { where } : {}) };
        steps.push(current);
      }
      addCommand(current, command);
    }
  }
  // A section that is prose only: one step per paragraph would only repeat the summary.
  const summarySource = intro[0] ?? steps.map((step) => step.text.split('\n')[0]).slice(0, 2).join('；');
  if (!summarySource) return undefined;
  return { summary: clip(summarySource, MAX_REMEDY_SUMMARY_CHARS), steps };
}

/** Commands in a code block: prompt lines with the prompt removed, or a short block as it is. */
export function commandOf(lines: readonly string[]): string | undefined {
  const prompted = lines.filter((line) => PROMPT.test(line)).map((line) => line.replace(PROMPT, '').trim()).filter(Boolean);
  if (prompted.length) return prompted.join('\n');
  const plain = lines.map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
  return plain.length > 0 && plain.length <= MAX_PLAIN_COMMAND_LINES ? plain.join('\n') : undefined;
}

/** Commands named inline: `执行ls -lh /opt/LicServer/log/，查看…` → `ls -lh /opt/LicServer/log/`. */
export function inlineCommands(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(INLINE_COMMAND)) {
    const command = match[1]!.trim();
    // After an English verb only a `quoted` command counts: "run the migration again" is prose.
    const english = /^(?:run|execute)/i.test(match[0]);
    if (command.length >= 3 && (!english || match[0].includes('`'))) out.push(command);
  }
  return out;
}

/** Cuts text to at most `max` characters (plus `…`) at a sentence end, else a space, where possible. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('. '), cut.lastIndexOf('；'));
  if (end > max / 2) return cut.slice(0, end + 1);
  // Not in the middle of a word, where the text has spaces between words.
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
