/** The follow-up rows for this build, from the records collection, judged overdue as of the build day. */
import { collectActionItems, today, type ActionRow } from '../follow-ups/index.ts';
import type { RecordEntry } from './records.ts';

/** The day overdue is judged on in this build (`PRECEDENT_TODAY` or the build's UTC day). */
export function buildDay(): string {
  return today();
}

/** Every action item of `entries`, in the follow-up order. */
export function actionRows(entries: readonly RecordEntry[], day: string = buildDay()): ActionRow[] {
  return collectActionItems(
    entries.map((entry) => ({ file: entry.filePath ?? `${entry.id}.md`, data: entry.data })),
    day,
  );
}

/** File names of the downloads, at the site root. */
export const DOWNLOADS = { csv: 'action-items.csv', json: 'action-items.json' } as const;
