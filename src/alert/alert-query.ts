/**
 * Turns alerts into a matcher query: each label and annotation worth
 * matching on becomes a line the fact extractor reads as a typed fact where
 * it is one (`instance 10.0.0.7:5002` → an address and port 5002, a pod's
 * workload name → an identifier, `error 266` in a description → a code) and
 * as words otherwise. Labels that say nothing about the fault (severity,
 * the Prometheus replica, URLs) are left out.
 */
import type { AlertItem } from './alert-item.ts';

/** Labels read first, in this order; other labels follow unless skipped. */
export const PRIMARY_LABELS = ['alertname', 'reason', 'instance', 'job', 'namespace', 'pod', 'container', 'service', 'deployment', 'node', 'host', 'object', 'component'];
/** Labels and annotations that never help to find a past record. */
export const SKIPPED_FIELDS = new Set([
  'severity', 'priority', 'prometheus', 'prometheus_replica', 'replica', 'alertstate', '__name__', 'receiver', 'monitor', 'team',
  'owner', 'tenant', 'grafana_folder', 'datasource_uid', 'ref_id', 'rulename', '__alert_rule_uid__', '__alert_rule_namespace_uid__',
  'runbook_url', 'runbook', 'dashboard', 'dashboardurl', 'panelurl', 'generatorurl', 'silenceurl', '__dashboarduid__', '__panelid__',
  'endpoint', 'uid', 'pod_template_hash', 'controller_revision_hash', 'statefulset_kubernetes_io_pod_name',
]);
/** Annotations read first; others follow unless skipped. */
export const PRIMARY_ANNOTATIONS = ['summary', 'description', 'message', 'title'];
/** Alerts read from one payload. */
export const MAX_ALERTS = 200;
/** Distinct values kept per label. */
export const MAX_VALUES_PER_FIELD = 20;
/** Characters kept of one value (a description can be a whole runbook). */
export const MAX_VALUE_CHARS = 2_000;

/** One label or annotation and the distinct values it had across the alerts. */
export interface AlertField {
  name: string;
  kind: 'label' | 'annotation';
  values: string[];
}

/** The fields worth matching on, primary ones first, values de-duplicated across alerts. */
export function collectFields(items: readonly AlertItem[]): AlertField[] {
  const labels = new Map<string, string[]>();
  const annotations = new Map<string, string[]>();
  for (const item of items.slice(0, MAX_ALERTS)) {
    add(labels, item.labels);
    add(annotations, item.annotations);
  }
  return [...ordered(labels, PRIMARY_LABELS, 'label'), ...ordered(annotations, PRIMARY_ANNOTATIONS, 'annotation')];
}

/** The query text for `fields`: one line per value. */
export function fieldsToQuery(fields: readonly AlertField[]): string {
  const lines = new Set<string>();
  for (const field of fields) for (const value of field.values) for (const line of lineFor(field.name, value)) lines.add(line);
  return [...lines].join('\n');
}

function add(into: Map<string, string[]>, entries: Record<string, string>): void {
  for (const [name, raw] of Object.entries(entries)) {
    const key = name.toLowerCase();
    const value = raw.trim().slice(0, MAX_VALUE_CHARS);
    if (value === '' || SKIPPED_FIELDS.has(key) || /^https?:\/\//i.test(value)) continue;
    const values = into.get(name) ?? [];
    if (!values.includes(value) && values.length < MAX_VALUES_PER_FIELD) values.push(value);
    into.set(name, values);
  }
}

function ordered(map: Map<string, string[]>, primary: readonly string[], kind: AlertField['kind']): AlertField[] {
  const names = [...primary.filter((name) => map.has(name)), ...[...map.keys()].filter((name) => !primary.includes(name)).sort()];
  return names.map((name) => ({ name, kind, values: map.get(name)! }));
}

function lineFor(name: string, value: string): string[] {
  switch (name) {
    case 'alertname':
      // `ScalePricePushFailing` is one identifier; its words find records that say "scale price push".
      return [value, splitWords(value)].filter((line, i, all) => all.indexOf(line) === i);
    case 'instance':
      return [instanceLine(value)];
    case 'pod': {
      const workload = workloadOf(value);
      return workload === value ? [value] : [value, workload];
    }
    default:
      return [value];
  }
}

/**
 * `host:port` (or a URL) → `host :port`: the extractor reads `:5002` as a port
 * whatever the host looks like (`node-3:9100` as one word is neither).
 */
function instanceLine(value: string): string {
  const url = /^[a-z][\w+.-]*:\/\/([^/\s:]+|\[[^\]]+\])(?::(\d{1,5}))?/i.exec(value);
  const hostPort = url ?? /^([^\s:]+|\[[^\]]+\]):(\d{1,5})$/.exec(value);
  if (!hostPort) return value;
  const host = hostPort[1]!.replace(/^\[|\]$/g, '');
  return hostPort[2] ? `${host} :${hostPort[2]}` : host;
}

/** Kubernetes' random name suffixes use this alphabet (no vowels, so no word is mistaken for one). */
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]';
const POD_SUFFIX = new RegExp(`(-${SUFFIX}{6,10})?-${SUFFIX}{5}$|-\\d+$`);

/** `yh-sod-scale-deviceadapter-7d9f8c6b5-x2kqz` → `yh-sod-scale-deviceadapter` (Deployment, StatefulSet, DaemonSet and Job pod names). */
export function workloadOf(pod: string): string {
  const workload = pod.replace(POD_SUFFIX, '');
  return workload === '' ? pod : workload;
}

/** `KubePodCrashLooping` → `Kube Pod Crash Looping`; `node_filesystem_almost_full` → `node filesystem almost full`. */
export function splitWords(value: string): string {
  return value
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_]+/g, ' ')
    .trim();
}
