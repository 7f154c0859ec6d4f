/**
 * `label：value` lines that carry record fields: incident times
 * (`故障实际发生时间：7月31日4:30`, `Detected: …`), the impact line and the
 * source's own severity (`故障等级：L4`).
 */
import { findTimes, toIsoTime, type TimeContext } from './find-dates.ts';

/** Which record time a label names. */
export type TimeField = 'started' | 'detected' | 'reported' | 'mitigated' | 'resolved';

/** Label words by field, checked in this order (`开始处理` is detection, not the start). */
export const TIME_LABELS: ReadonlyArray<readonly [TimeField | 'ignore', RegExp]> = [
  ['ignore', /数据修复|數據修復|data repair/i],
  ['detected', /开始处理|開始處理|处理时间|發現|发现|告警|detected|detection|alerted/i],
  ['reported', /报障|報障|报告|報告|上报|reported/i],
  ['mitigated', /恢复|恢復|止损|止損|mitigated|recovered|restored/i],
  ['resolved', /解决|解決|结束|結束|resolved|fixed|\bend(?:ed)?\b/i],
  ['started', /发生|發生|开始|開始|started|start time|began|begin/i],
];

const FIELD_LINE = /^\s*([^:：]{2,24}?)\s*[:：]\s*(.*)$/u;

/** Fields read from one document. */
export interface ReadFields {
  times: Partial<Record<TimeField, string>>;
  /** Each time's label and the words after it (`故障恢复时间：…，应用回滚后恢复`), for timeline events. */
  timeNotes: Partial<Record<TimeField, string>>;
  /** Text of an impact line (`故障影响范围：…`, `Impact: …`). */
  impact?: string;
  /** The source's severity label, verbatim (`L4`, `P1`, `SEV-2`). */
  severity?: string;
  /** The schema's severity, only when the source writes it the same way (`SEV-2` → `sev2`). */
  sev?: 'sev1' | 'sev2' | 'sev3' | 'sev4';
  /** Indexes of lines consumed, so the body does not repeat them. */
  consumed: Set<number>;
  /** Labels of time lines whose value was not a time (`无`), for the attention list. */
  emptyTimes: string[];
}

/** Reads the field lines of a document. */
export function readFields(lines: readonly string[], context: TimeContext): ReadFields {
  const result: ReadFields = { times: {}, timeNotes: {}, consumed: new Set(), emptyTimes: [] };
  lines.forEach((line, index) => {
    const field = FIELD_LINE.exec(line);
    if (!field) return;
    const label = field[1]!;
    const value = field[2]!.trim();
    if (/(?:时间|時間|time|\sat|\son)$/iu.test(label) || /^(?:start(?:ed)?|detected|mitigated|resolved|reported|end(?:ed)?)$/i.test(label)) {
      const kind = TIME_LABELS.find(([, pattern]) => pattern.test(label))?.[0];
      if (!kind) return;
      result.consumed.add(index);
      if (kind === 'ignore') return;
      const found = findTimes(value)[0];
      const iso = found && found.hour !== undefined ? toIsoTime(found, context) : undefined;
      if (iso && found && !result.times[kind]) {
        result.times[kind] = iso;
        const after = value.slice(found.index + found.text.length).replace(/^[\s,，;；:：]+/u, '').trim();
        const name = label.replace(/(?:时间|時間|\s*time|\s+at|\s+on)$/iu, '').trim();
        result.timeNotes[kind] = after ? `${name}：${after}` : name;
      }
      else if (!iso) result.emptyTimes.push(label);
      return;
    }
    if (/影响范围|影響範圍|故障影响|^影响$|^impact$/iu.test(label) && value) {
      result.impact ??= value;
      result.consumed.add(index);
      return;
    }
    if (/故障等级|故障級別|故障级别|事故等级|^severity$|^priority$/iu.test(label) && /^[\w-]{1,12}$/.test(value)) {
      result.severity ??= value;
      const sev = /^sev[-\s]?([1-4])$/i.exec(value);
      if (sev) result.sev ??= `sev${sev[1]}` as ReadFields['sev'];
      result.consumed.add(index);
    }
  });
  return result;
}
