/**
 * Recognises the payloads responders paste: an Alertmanager webhook (v4) or
 * a list of Alertmanager alerts (`amtool -o json`, API v2), a Grafana alert
 * webhook (unified alerting, and the legacy `evalMatches` one), and
 * Kubernetes Events (`core/v1` and `events.k8s.io/v1`; one event, an
 * `EventList`, or `kubectl get events -o json`'s `List`).
 */
import { isObject, stringMap, text, type AlertItem, type ReadPayload } from './alert-item.ts';

/** Reads `value` as one of the known payloads, or undefined. */
export function readPayload(value: unknown): ReadPayload | undefined {
  if (Array.isArray(value)) return readArray(value);
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.alerts)) return isGrafana(value) ? readGrafana(value) : readAlertmanager(value);
  if (Array.isArray(value.evalMatches) || (text(value.ruleName) && text(value.state))) return readLegacyGrafana(value);
  if (isEvent(value)) return { format: 'kubernetes-event', items: [readEvent(value)] };
  const list = value as Record<string, unknown>;
  if (Array.isArray(list.items) && /^(Event)?List$/.test(String(list.kind ?? ''))) {
    const events = (list.items as unknown[]).filter(isEvent) as Array<Record<string, unknown>>;
    return events.length > 0 || list.kind === 'EventList' ? { format: 'kubernetes-event', items: events.map(readEvent) } : undefined;
  }
  if (isAlert(value)) return { format: 'alertmanager', items: [readAlert(value)] };
  return undefined;
}

function readArray(values: unknown[]): ReadPayload | undefined {
  if (values.length === 0) return undefined;
  const objects = values as Array<Record<string, unknown>>;
  if (values.every(isEvent)) return { format: 'kubernetes-event', items: objects.map(readEvent) };
  if (values.every(isAlert)) return { format: 'alertmanager', items: objects.map(readAlert) };
  return undefined;
}

/** Grafana's webhook carries `orgId`, `title` and `state` beside Alertmanager's fields, and `version: "1"` (Alertmanager's is `"4"`). */
function isGrafana(value: Record<string, unknown>): boolean {
  if (value.version === '4') return false;
  return 'orgId' in value || ('title' in value && 'state' in value) || (value.version === '1' && ('title' in value || 'state' in value));
}

function isAlert(value: unknown): boolean {
  return isObject(value) && isObject(value.labels) && (isObject(value.annotations) || 'startsAt' in value || 'fingerprint' in value);
}

function isEvent(value: unknown): boolean {
  if (!isObject(value)) return false;
  return (value.kind === 'Event' || value.kind === undefined) && (isObject(value.involvedObject) || isObject(value.regarding)) && ('reason' in value || 'message' in value || 'note' in value);
}

function readAlert(alert: Record<string, unknown>): AlertItem {
  const status = text(alert.status) ?? (isObject(alert.status) ? text(alert.status.state) : undefined);
  return { labels: stringMap(alert.labels), annotations: stringMap(alert.annotations), ...(status && { status }) };
}

function readAlertmanager(payload: Record<string, unknown>): ReadPayload {
  const items = (payload.alerts as unknown[]).filter(isObject).map(readAlert);
  withCommon(items, payload);
  return { format: 'alertmanager', items };
}

function readGrafana(payload: Record<string, unknown>): ReadPayload {
  const items = (payload.alerts as unknown[]).filter(isObject).map(readAlert);
  withCommon(items, payload);
  const title = text(payload.title);
  // Grafana's rendered `message` repeats every label; its title names the rule when alerts carry no alertname.
  if (title) for (const item of items) item.annotations.title ??= title;
  const omitted = typeof payload.truncatedAlerts === 'number' && payload.truncatedAlerts > 0 ? payload.truncatedAlerts : undefined;
  return { format: 'grafana', items, ...(omitted && { omitted }) };
}

function readLegacyGrafana(payload: Record<string, unknown>): ReadPayload {
  const base: AlertItem = {
    labels: { ...stringMap(payload.tags), ...(text(payload.ruleName) && { alertname: text(payload.ruleName)! }) },
    annotations: { ...(text(payload.title) && { title: text(payload.title)! }), ...(text(payload.message) && { message: text(payload.message)! }) },
    ...(text(payload.state) && { status: text(payload.state)! }),
  };
  const matches = Array.isArray(payload.evalMatches) ? payload.evalMatches.filter(isObject) : [];
  if (matches.length === 0) return { format: 'grafana', items: [base] };
  const items = matches.map((match) => ({
    ...base,
    labels: { ...base.labels, ...stringMap(match.tags), ...(text(match.metric) && { metric: text(match.metric)! }) },
  }));
  return { format: 'grafana', items };
}

/** Alertmanager's `commonLabels` / `commonAnnotations` fill in what an alert leaves out. */
function withCommon(items: AlertItem[], payload: Record<string, unknown>): void {
  const labels = { ...stringMap(payload.groupLabels), ...stringMap(payload.commonLabels) };
  const annotations = stringMap(payload.commonAnnotations);
  if (items.length === 0 && (Object.keys(labels).length > 0 || Object.keys(annotations).length > 0)) {
    items.push({ labels, annotations, ...(text(payload.status) && { status: text(payload.status)! }) });
    return;
  }
  for (const item of items) {
    item.labels = { ...labels, ...item.labels };
    item.annotations = { ...annotations, ...item.annotations };
  }
}

function readEvent(event: Record<string, unknown>): AlertItem {
  const object = isObject(event.involvedObject) ? event.involvedObject : isObject(event.regarding) ? event.regarding : {};
  const source = isObject(event.source) ? event.source : {};
  const metadata = isObject(event.metadata) ? event.metadata : {};
  const kind = text(object.kind);
  const name = text(object.name);
  const labels: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value) labels[key] = value;
  };
  put('reason', text(event.reason));
  put('namespace', text(object.namespace) ?? text(metadata.namespace));
  if (kind === 'Pod') put('pod', name);
  else if (kind === 'Node') put('node', name);
  else if (kind && name) put('object', `${kind}/${name}`);
  put('container', /spec\.containers\{([^}]+)\}/.exec(text(object.fieldPath) ?? '')?.[1]);
  put('component', text(source.component) ?? text(event.reportingController) ?? text(event.reportingComponent));
  put('host', text(source.host) ?? text(event.reportingInstance));
  const message = text(event.message) ?? text(event.note);
  const status = text(event.type);
  return { labels, annotations: message ? { message } : {}, ...(status && { status }) };
}
