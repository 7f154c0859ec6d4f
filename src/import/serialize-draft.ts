/**
 * A draft → the text of its Markdown file: the attention list as YAML
 * comments at the top of the frontmatter, the data as YAML, then the body.
 * The text is read back with the record reader and the schema before anyone
 * writes it, so what is written is exactly what was checked.
 */
import { Document } from 'yaml';
import { formatProblem } from '../records/problem.ts';
import { checkRecord } from '../records/check-record.ts';
import { parseRecordFile } from '../records/read-record.ts';
import type { Draft } from './draft.ts';

/** First comment line of every imported draft. */
export const ATTENTION_HEADER = 'Imported draft: check these before removing `draft: true`:';

/** The file text of a draft. */
export function serializeDraft(draft: Draft): string {
  // YAML 1.1 rules quote strings such as `2024-07-31` or `yes` that older parsers would retype.
  const doc = new Document(draft.data, { version: '1.1', aliasDuplicateObjects: false });
  const yaml = doc.toString({ lineWidth: 0, directives: false });
  const comments = [ATTENTION_HEADER, ...draft.attention.map((item) => `- ${item}`)]
    .map((line) => `# ${line.replace(/[\r\n]+/g, ' ')}`)
    .join('\n');
  return `---\n${comments}\n${yaml}---\n\n${draft.body.trim()}\n`;
}

/** Problems found when reading the text back with the schema; empty when it parses. */
export function checkSerialized(text: string): string[] {
  const read = parseRecordFile('draft.md', 'draft.md', text);
  if (!read.record) return read.problems.map((problem) => `frontmatter does not parse: ${problem.message}`);
  const checked = checkRecord(read.file, read.record);
  return checked.ok ? [] : checked.problems.map((problem) => formatProblem(problem).replace(/^draft\.md:/, 'line '));
}
