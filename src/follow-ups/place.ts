/** Where an action item's fields sit in its record file, for messages that name file:line:column. */
import { readFile } from 'node:fs/promises';
import { locate, parseRecordText, type Place } from '../validate/index.ts';

/** The place of `actionItems[index].field` (or of the item) in `file`; line 1 when the file cannot be parsed. */
export async function actionItemPlace(file: string, index: number, field?: string): Promise<Place> {
  try {
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    const parsed = parseRecordText(text);
    if (!parsed.ok) return { line: 1, column: 1 };
    return locate(parsed.record, field ? ['actionItems', index, field] : ['actionItems', index]);
  } catch {
    return { line: 1, column: 1 };
  }
}
