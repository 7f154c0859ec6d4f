/**
 * Alert intake: Alertmanager, Grafana and Kubernetes Event JSON read as
 * labels and annotations, turned into a matcher query. Browser-safe.
 */
export { readAlert, looksLikeAlertJson, ACCEPTED, type AlertRead, type AlertReading } from './read-alert.ts';
export { collectFields, fieldsToQuery, splitWords, workloadOf, MAX_ALERTS, type AlertField } from './alert-query.ts';
export { parseJson, MAX_ALERT_CHARS } from './parse-json.ts';
export { FORMAT_NAMES, type AlertFormat, type AlertItem } from './alert-item.ts';
