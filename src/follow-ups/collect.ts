/** Every action item across the library, one row each, with overdue worked out. */
import { ACTION_STATUSES } from '../schema/taxonomy.ts';
import type { ActionStatus } from '../schema/taxonomy.ts';
import { daysBetween } from './dates.ts';
import type { ActionRow, ActionSource } from './types.ts';

/** Statuses that still need work; the others are closed. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['open', 'in-progress'];

/** True for `open` and `in-progress`. */
export function isOpenStatus(status: ActionStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** True when an item still to do was due before `today` (a due day is met through its end). */
export function isOverdue(item: { status: ActionStatus; due?: string }, today: string): boolean {
  return isOpenStatus(item.status) && item.due !== undefined && item.due < today;
}

/**
 * One row per action item of every record, sorted: items still to do first,
 * then by due day (undated last), then record id and position.
 */
export function collectActionItems(records: readonly ActionSource[], today: string): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const { file, data } of records) {
    const record = {
      id: data.id,
      title: data.title,
      titleEn: data.titleEn,
      kind: data.kind,
      date: data.date,
      language: data.language,
      services: [...data.services],
      file,
    };
    data.actionItems.forEach((item, index) => {
      const overdue = isOverdue(item, today);
      rows.push({
        key: `${data.id}#${index + 1}`,
        index,
        title: item.title,
        type: item.type,
        owner: item.owner,
        status: item.status,
        due: item.due,
        link: item.link,
        overdue,
        daysOverdue: overdue && item.due ? daysBetween(item.due, today) : 0,
        record,
      });
    });
  }
  return rows.sort(compareRows);
}

/** The order `collectActionItems` returns. */
export function compareRows(a: ActionRow, b: ActionRow): number {
  const openA = isOpenStatus(a.status) ? 0 : 1;
  const openB = isOpenStatus(b.status) ? 0 : 1;
  if (openA !== openB) return openA - openB;
  if (a.due !== b.due) {
    if (a.due === undefined) return 1;
    if (b.due === undefined) return -1;
    return a.due < b.due ? -1 : 1;
  }
  if (a.record.id !== b.record.id) return a.record.id < b.record.id ? -1 : 1;
  return a.index - b.index;
}

/** Counts of a list of rows: total, by status, still to do, overdue. */
export interface ActionCounts {
  total: number;
  open: number;
  overdue: number;
  byStatus: Record<ActionStatus, number>;
}

/** Counts for a header line or a summary table. */
export function countActionItems(rows: readonly ActionRow[]): ActionCounts {
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const row of rows) byStatus[row.status] += 1;
  return {
    total: rows.length,
    open: rows.filter((row) => isOpenStatus(row.status)).length,
    overdue: rows.filter((row) => row.overdue).length,
    byStatus,
  };
}
