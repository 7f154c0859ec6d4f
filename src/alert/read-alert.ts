/**
 * Reads pasted text as an alert payload: recognises the format, builds the
 * matcher query and says in one line what it read. Browser-safe (the match
 * page uses it too).
 */
import { FORMAT_NAMES, type AlertFormat } from './alert-item.ts';
import { MAX_ALERTS, collectFields, fieldsToQuery, type AlertField } from './alert-query.ts';
import { parseJson } from './parse-json.ts';
import { readPayload } from './payload-formats.ts';

/** What was read from a payload. */
export interface AlertReading {
  format: AlertFormat;
  /** Alerts or events in the payload. */
  alerts: number;
  /** Alerts or events by status (`firing`, `resolved`, `Warning`…). */
  statuses: Record<string, number>;
  /** The labels and annotations matched on. */
  fields: AlertField[];
  /** The query handed to the matcher. */
  query: string;
  /** One line: "read an Alertmanager payload: 3 alerts (3 firing); alertname …; annotations summary, description". */
  summary: string;
  /** The same line in Chinese, for the Chinese match page: "读取 Alertmanager 告警数据：3 条告警（3 条 firing）；…". */
  summaryZh: string;
}

/** The outcome of {@link readAlert}. */
export type AlertRead =
  | { kind: 'alert'; reading: AlertReading }
  /** JSON that is not an alert payload, or text that is not JSON at all. */
  | { kind: 'other'; message: string }
  /** Malformed, truncated or too large. */
  | { kind: 'invalid'; message: string };

/** Values shown per field in the summary. */
export const SUMMARY_VALUES = 3;
/** The formats, for messages. */
export const ACCEPTED = 'an Alertmanager webhook or alert list, a Grafana alert webhook, or Kubernetes Events (one, a list, or `kubectl get events -o json`)';

/** Reads `text` as an alert payload. Never throws. */
export function readAlert(text: string): AlertRead {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return { kind: 'other', message: `not JSON: expected ${ACCEPTED}` };
  const parsed = parseJson(trimmed);
  if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
  const payload = readPayload(parsed.value);
  if (!payload) return { kind: 'other', message: `JSON, but not an alert payload: expected ${ACCEPTED}` };
  if (payload.items.length === 0) return { kind: 'invalid', message: `the ${FORMAT_NAMES[payload.format]} payload holds no alerts or events` };
  const fields = collectFields(payload.items);
  const query = fieldsToQuery(fields);
  if (query.trim() === '') return { kind: 'invalid', message: `the ${FORMAT_NAMES[payload.format]} payload has no labels or annotations to match on` };
  const statuses: Record<string, number> = {};
  for (const item of payload.items) if (item.status) statuses[item.status] = (statuses[item.status] ?? 0) + 1;
  const alerts = payload.items.length + (payload.omitted ?? 0);
  const reading = { format: payload.format, alerts, statuses, fields, query };
  return { kind: 'alert', reading: { ...reading, summary: summarize(reading, payload.items.length), summaryZh: summarizeZh(reading, payload.items.length) } };
}

/**
 * Whether text that failed to parse was meant as an alert payload (it names
 * their fields), so a caller reports the JSON error instead of quietly
 * matching it as a log.
 */
export function looksLikeAlertJson(text: string): boolean {
  const head = text.trimStart().slice(0, 4096);
  return /^[[{]/.test(head) && /"(alerts|commonLabels|groupKey|involvedObject|regarding|evalMatches|ruleName)"\s*:|"kind"\s*:\s*"Event(List)?"/.test(head);
}

function summarize(reading: Omit<AlertReading, 'summary' | 'summaryZh'>, read: number): string {
  const noun = reading.format === 'kubernetes-event' ? 'event' : 'alert';
  const count = `${reading.alerts} ${noun}${reading.alerts === 1 ? '' : 's'}`;
  const statuses = Object.entries(reading.statuses).map(([status, n]) => `${n} ${status}`).join(', ');
  const parts = [`${count}${statuses ? ` (${statuses})` : ''}`];
  if (read > MAX_ALERTS) parts.push(`the first ${MAX_ALERTS} read`);
  const labels = labelList(reading.fields);
  if (labels) parts.push(`labels ${labels}`);
  const annotations = reading.fields.filter((f) => f.kind === 'annotation');
  if (annotations.length > 0) parts.push(`${reading.format === 'kubernetes-event' ? 'text' : 'annotations'} ${annotations.map((f) => f.name).join(', ')}`);
  const article = reading.format === 'alertmanager' ? 'an' : 'a';
  return `read ${article} ${FORMAT_NAMES[reading.format]} payload: ${parts.join('; ')}`;
}

/** Chinese display names of the formats. */
const FORMAT_NAMES_ZH: Record<AlertFormat, string> = {
  alertmanager: 'Alertmanager 告警',
  grafana: 'Grafana 告警',
  'kubernetes-event': 'Kubernetes 事件',
};

/** The summary line in Chinese (label names and values stay as the payload wrote them). */
function summarizeZh(reading: Omit<AlertReading, 'summary' | 'summaryZh'>, read: number): string {
  const noun = reading.format === 'kubernetes-event' ? '事件' : '告警';
  const statuses = Object.entries(reading.statuses).map(([status, n]) => `${n} 条 ${status}`).join('，');
  const parts = [`${reading.alerts} 条${noun}${statuses ? `（${statuses}）` : ''}`];
  if (read > MAX_ALERTS) parts.push(`只读取了前 ${MAX_ALERTS} 条`);
  const labels = labelList(reading.fields);
  if (labels) parts.push(`标签 ${labels}`);
  const annotations = reading.fields.filter((f) => f.kind === 'annotation');
  if (annotations.length > 0) parts.push(`${reading.format === 'kubernetes-event' ? '文本' : '注解'} ${annotations.map((f) => f.name).join(', ')}`);
  return `已读取 ${FORMAT_NAMES_ZH[reading.format]}数据：${parts.join('；')}`;
}

/** `name=v1|v2|v3|+2, …` for the label fields, or '' when there are none. */
function labelList(fields: AlertField[]): string {
  return fields
    .filter((f) => f.kind === 'label')
    .map((f) => `${f.name}=${f.values.slice(0, SUMMARY_VALUES).join('|')}${f.values.length > SUMMARY_VALUES ? `|+${f.values.length - SUMMARY_VALUES}` : ''}`)
    .join(', ');
}
