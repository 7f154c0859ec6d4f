/** The shape every payload format is read into: one alert or event as labels and annotations. */

/** One alert (or Kubernetes event) as name → value maps. */
export interface AlertItem {
  /** Identifying labels: `alertname`, `instance`, `job`, `namespace`, `pod`, `reason`… */
  labels: Record<string, string>;
  /** Free text: `summary`, `description`, `message`… */
  annotations: Record<string, string>;
  /** `firing`, `resolved`, or a Kubernetes event type (`Warning`, `Normal`). */
  status?: string;
}

/** Payload formats recognised. */
export type AlertFormat = 'alertmanager' | 'grafana' | 'kubernetes-event';

/** Display names, as said in "read an Alertmanager payload". */
export const FORMAT_NAMES: Record<AlertFormat, string> = {
  alertmanager: 'Alertmanager',
  grafana: 'Grafana alert',
  'kubernetes-event': 'Kubernetes Event',
};

/** A payload read into items. */
export interface ReadPayload {
  format: AlertFormat;
  items: AlertItem[];
  /** Items the payload says it left out (Grafana's `truncatedAlerts`). */
  omitted?: number;
}

/** A plain object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string-valued entries of an object (numbers and booleans as text); anything else is dropped. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') out[key] = entry;
    else if (typeof entry === 'number' || typeof entry === 'boolean') out[key] = String(entry);
  }
  return out;
}

/** A string field, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
