/**
 * Timeline events from lines that begin with a date and time
 * (`2024-07-31 07:38 灭火群拉会`), with the event type guessed from its words.
 */
import { findTimes, toIsoTime, type TimeContext } from './find-dates.ts';

/** One event as the schema takes it. */
export interface DraftEvent {
  at: string;
  text: string;
  type: 'start' | 'detect' | 'escalate' | 'diagnose' | 'mitigate' | 'resolve' | 'note';
}

/** Words that mark an event type, checked in order. */
export const EVENT_WORDS: ReadonlyArray<readonly [DraftEvent['type'], RegExp]> = [
  ['mitigate', /恢复正常|恢復正常|恢复|恢復|回滚|回滾|切回|止损|mitigat|roll(?:ed)? ?back|restored|recovered/i],
  ['resolve', /已解决|已解決|修复完成|resolved|fixed/i],
  ['escalate', /拉会|拉會|拉群|升级处理|协同|協同|escalat|paged|on-call/i],
  ['diagnose', /确定|確定|定位|排查|发现|發現|原因|identified|diagnos|root cause|found/i],
  ['detect', /告警|报警|報警|报障|報障|alert|detected|noticed/i],
  ['start', /开始|開始|began|started/i],
];

/** Fewest letters an event's text needs; a timestamp followed by a price is not an event. */
export const MIN_EVENT_LETTERS = 3;

/** Events from text lines that start with a full date and time. */
export function readTimeline(lines: readonly string[], context: TimeContext): DraftEvent[] {
  const events: DraftEvent[] = [];
  for (const line of lines) {
    const found = findTimes(line)[0];
    if (!found || found.index !== line.search(/\S/) || found.hour === undefined) continue;
    const text = line.slice(found.index + found.text.length).replace(/^[\s:：,，-]+/u, '').trim();
    const letters = text.match(/[\p{L}]/gu)?.length ?? 0;
    if (letters < MIN_EVENT_LETTERS || /^[\d\s.,:;|\t]+$/.test(text)) continue;
    const at = toIsoTime(found, context);
    if (!at) continue;
    const type = EVENT_WORDS.find(([, words]) => words.test(text))?.[0] ?? 'note';
    events.push({ at, text, type });
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
