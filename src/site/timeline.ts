/** Builds the visual timeline: timeline events merged with the key moments in `times`. */
import type { RecordData } from '../schema/record.ts';
import type { MomentType } from '../i18n/taxonomy.ts';

/** One entry on the timeline. */
export interface TimelineEntry {
  at: Date;
  /** The event's own type, or the key moment's when the entry comes only from `times`. */
  type: MomentType;
  /** The event text; absent for a key moment with no event at that instant. */
  text?: string;
  /** Key moments (from `times`) that fall on this entry's instant. */
  keys: MomentType[];
  /** Milliseconds since the previous entry, when there is one and time has passed. */
  gap?: number;
}

/** Which `times` field marks which key moment, in the order they happen. */
export const KEY_MOMENTS = [
  ['started', 'start'],
  ['detected', 'detect'],
  ['reported', 'report'],
  ['mitigated', 'mitigate'],
  ['resolved', 'resolve'],
] as const satisfies readonly (readonly [keyof RecordData['times'], MomentType])[];

/**
 * Timeline events sorted by time, each key moment from `times` attached to
 * the first event at the same instant (preferring one of the same type) or
 * added as its own entry; gaps between consecutive entries filled in.
 */
export function buildTimeline(data: Pick<RecordData, 'timeline' | 'times'>): TimelineEntry[] {
  const entries: TimelineEntry[] = data.timeline.map((event) => ({ at: event.at, type: event.type, text: event.text, keys: [] }));
  for (const [field, key] of KEY_MOMENTS) {
    const at = data.times[field];
    if (!at) continue;
    const sameInstant = entries.filter((entry) => entry.at.getTime() === at.getTime());
    const host = sameInstant.find((entry) => entry.type === key) ?? sameInstant.find((entry) => entry.text !== undefined);
    if (host) host.keys.push(key);
    else entries.push({ at, type: key, keys: [key] });
  }
  // Stable sort keeps the author's order for events at the same instant.
  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    if (previous && entry.at.getTime() > previous.at.getTime()) entry.gap = entry.at.getTime() - previous.at.getTime();
  });
  return entries;
}
