/**
 * The follow-up list as files: CSV (RFC 4180, for spreadsheets) and JSON (for
 * scripts). Both carry the raw taxonomy values (`in-progress`, `prevent`), not
 * UI labels, so one file serves either language.
 */
import { countActionItems, type ActionCounts } from './collect.ts';
import type { ActionRow } from './types.ts';

/** Columns of the CSV, in order. */
export const CSV_COLUMNS = [
  'record',
  'item',
  'title',
  'type',
  'owner',
  'status',
  'due',
  'overdue',
  'days_overdue',
  'link',
  'record_title',
  'record_title_en',
  'record_kind',
  'record_date',
  'services',
  'file',
] as const;

/** Cells a spreadsheet would read as a formula; such text gets a leading `'` (OWASP CSV injection advice). */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV with a header line, CRLF line ends and a UTF-8 byte order mark (so spreadsheet programs read Chinese right). */
export function toCsv(rows: readonly ActionRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.record.id,
        row.index + 1,
        row.title,
        row.type,
        row.owner,
        row.status,
        row.due,
        row.overdue,
        row.daysOverdue,
        row.link,
        row.record.title,
        row.record.titleEn,
        row.record.kind,
        row.record.date,
        row.record.services.join('; '),
        row.record.file,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The JSON document: the day overdue was judged on, the counts, and every row. */
export interface ActionReport {
  /** Reference day, `YYYY-MM-DD`. */
  asOf: string;
  counts: ActionCounts;
  items: ActionRow[];
}

/** The rows as an {@link ActionReport}. */
export function toReport(rows: readonly ActionRow[], asOf: string): ActionReport {
  return { asOf, counts: countActionItems(rows), items: [...rows] };
}

/** {@link toReport} as pretty-printed JSON text with a final newline. */
export function toJson(rows: readonly ActionRow[], asOf: string): string {
  return `${JSON.stringify(toReport(rows, asOf), null, 2)}\n`;
}
