/** Narrowing the follow-up list: the same filters on the page and in the terminal. */
import type { ActionStatus, ActionType } from '../schema/taxonomy.ts';
import { isOpenStatus } from './collect.ts';
import type { ActionRow } from './types.ts';

/** Every filter is optional; given ones must all hold. */
export interface ActionFilter {
  /** Only these statuses. */
  status?: readonly ActionStatus[];
  /** Only items still to do (`open` or `in-progress`). */
  open?: boolean;
  /** Only overdue items. */
  overdue?: boolean;
  /** Owner, compared without regard to case or surrounding space; `-` means items without an owner. */
  owner?: string;
  type?: ActionType;
  /** A service of the item's record. */
  service?: string;
  /** A record id. */
  record?: string;
}

/** Owner value that selects items nobody owns yet. */
export const NO_OWNER = '-';

/** The rows that pass `filter`, in their order. */
export function filterActionItems(rows: readonly ActionRow[], filter: ActionFilter): ActionRow[] {
  const owner = filter.owner?.trim().toLowerCase();
  return rows.filter((row) => {
    if (filter.status && filter.status.length > 0 && !filter.status.includes(row.status)) return false;
    if (filter.open && !isOpenStatus(row.status)) return false;
    if (filter.overdue && !row.overdue) return false;
    if (owner !== undefined && owner !== '') {
      if (owner === NO_OWNER ? row.owner !== undefined : row.owner?.trim().toLowerCase() !== owner) return false;
    }
    if (filter.type && row.type !== filter.type) return false;
    if (filter.service && !row.record.services.includes(filter.service)) return false;
    if (filter.record && row.record.id !== filter.record) return false;
    return true;
  });
}
