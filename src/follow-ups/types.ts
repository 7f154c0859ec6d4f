/** The shapes the follow-up tools share: one row per action item across the library. */
import type { ActionStatus, ActionType, Kind } from '../schema/taxonomy.ts';

/** The record an action item belongs to, as much of it as a follow-up list shows. */
export interface ActionRecordRef {
  /** Record id (its URL segment). */
  id: string;
  /** Title in the record's own language. */
  title: string;
  /** English title, where the record has one. */
  titleEn?: string;
  /** What kind of write-up the record is. */
  kind: Kind;
  /** The record's day, `YYYY-MM-DD`, where dated. */
  date?: string;
  /** BCP 47 language of the record's text. */
  language: string;
  /** Services the record names. */
  services: string[];
  /** Path of the record's file, relative to the project root, with `/` separators. */
  file: string;
}

/** One action item with its record and the facts derived from it. */
export interface ActionRow {
  /** Stable key, `{recordId}#{n}` with `n` counted from 1 in the record's order. */
  key: string;
  /** Position in the record's `actionItems`, from 0 (the frontmatter path is `actionItems[index]`). */
  index: number;
  /** What will be done. */
  title: string;
  type: ActionType;
  /** Owning team or role, where given. */
  owner?: string;
  status: ActionStatus;
  /** Due day, `YYYY-MM-DD`, where given. */
  due?: string;
  /** Ticket or document tracking it, where given. */
  link?: string;
  /** Still to do (`open` or `in-progress`) and due before the reference day. */
  overdue: boolean;
  /** Whole days past due on the reference day; 0 unless overdue. */
  daysOverdue: number;
  record: ActionRecordRef;
}

/** The minimum a caller hands over for one record: its file and parsed frontmatter. */
export interface ActionSource {
  file: string;
  data: {
    id: string;
    title: string;
    titleEn?: string;
    kind: Kind;
    date?: string;
    language: string;
    services: string[];
    actionItems: readonly {
      title: string;
      type: ActionType;
      owner?: string;
      status: ActionStatus;
      due?: string;
      link?: string;
    }[];
  };
}
