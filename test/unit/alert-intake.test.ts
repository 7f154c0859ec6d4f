/** Alert intake: Alertmanager, Grafana and Kubernetes Event JSON read as labels and annotations. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as alert from '../../src/alert/index.ts';
import { MAX_ALERT_CHARS, looksLikeAlertJson, readAlert, splitWords, workloadOf, type AlertReading } from '../../src/alert/index.ts';
import { buildIndex, Matcher, recordToDoc } from '../../src/matcher/index.ts';
import { loadRecords } from '../../src/records/load.ts';
import { FIXTURE, FIXTURE_LIBRARY } from '../support/fixture-library.ts';

const ALERTS = path.resolve(import.meta.dirname, '../fixtures/alerts');
const payload = (name: string) => readFileSync(path.join(ALERTS, name), 'utf8');

function reading(text: string): AlertReading {
  const read = readAlert(text);
  if (read.kind !== 'alert') throw new Error(`expected an alert, got ${read.kind}: ${read.message}`);
  return read.reading;
}

describe('the alert module', () => {
  it('exports the intake API and nothing else', () => {
    expect(Object.keys(alert).sort()).toEqual(
      ['ACCEPTED', 'FORMAT_NAMES', 'MAX_ALERTS', 'MAX_ALERT_CHARS', 'collectFields', 'fieldsToQuery', 'looksLikeAlertJson', 'parseJson', 'readAlert', 'splitWords', 'workloadOf'],
    );
  });

  it('imports nothing from node:', () => {
    for (const file of ['alert-item.ts', 'alert-query.ts', 'parse-json.ts', 'payload-formats.ts', 'read-alert.ts', 'index.ts']) {
      expect(readFileSync(path.resolve(import.meta.dirname, '../../src/alert', file), 'utf8')).not.toMatch(/from 'node:/);
    }
  });
});

describe('readAlert', () => {
  it('reads an Alertmanager v4 webhook: counts, statuses, labels and annotations, and says so', () => {
    const read = reading(payload('alertmanager-scale-udp.json'));
    expect(read.format).toBe('alertmanager');
    expect(read.alerts).toBe(3);
    expect(read.statuses).toEqual({ firing: 2, resolved: 1 });
    expect(read.fields.map((f) => f.name)).toEqual(['alertname', 'instance', 'job', 'namespace', 'pod', 'summary', 'description']);
    expect(read.summary).toBe(
      'read an Alertmanager payload: 3 alerts (2 firing, 1 resolved); labels alertname=ScalePricePushFailing, instance=10.42.7.19:5002|10.42.7.23:5002|10.42.7.31:5002, '
        + 'job=yh-sod-scale-deviceadapter, namespace=store-devices, pod=yh-sod-scale-deviceadapter-7d9f8c6b5-x2kqz|yh-sod-scale-deviceadapter-7d9f8c6b5-q8vzn|yh-sod-scale-deviceadapter-7d9f8c6b5-m4wtb; '
        + 'annotations summary, description',
    );
  });

  it('says the same line in Chinese for the Chinese match page', () => {
    const read = reading(payload('alertmanager-scale-udp.json'));
    expect(read.summaryZh).toBe(
      '已读取 Alertmanager 告警数据：3 条告警（2 条 firing，1 条 resolved）；标签 alertname=ScalePricePushFailing, instance=10.42.7.19:5002|10.42.7.23:5002|10.42.7.31:5002, '
        + 'job=yh-sod-scale-deviceadapter, namespace=store-devices, pod=yh-sod-scale-deviceadapter-7d9f8c6b5-x2kqz|yh-sod-scale-deviceadapter-7d9f8c6b5-q8vzn|yh-sod-scale-deviceadapter-7d9f8c6b5-m4wtb；'
        + '注解 summary, description',
    );
  });

  it('builds a query of typed facts and words, leaving out severity and URLs', () => {
    const { query } = reading(payload('alertmanager-scale-udp.json'));
    expect(query.split('\n')).toEqual([
      'ScalePricePushFailing',
      'Scale Price Push Failing',
      '10.42.7.19 :5002',
      '10.42.7.23 :5002',
      '10.42.7.31 :5002',
      'yh-sod-scale-deviceadapter',
      'store-devices',
      'yh-sod-scale-deviceadapter-7d9f8c6b5-x2kqz',
      'yh-sod-scale-deviceadapter-7d9f8c6b5-q8vzn',
      'yh-sod-scale-deviceadapter-7d9f8c6b5-m4wtb',
      'Scale price push failing: error 266 on udp 5002',
      'More than 40% of price pushes to store scales fail with error 266 since the migration.',
    ]);
    expect(query).not.toMatch(/critical|http:|prometheus/);
  });

  it('reads a list of Alertmanager alerts (amtool -o json, API v2)', () => {
    const read = reading(JSON.stringify([{ labels: { alertname: 'NodeDown', instance: 'node-3:9100' }, annotations: { summary: 'node-3 down' }, status: { state: 'active' } }]));
    expect([read.format, read.alerts, read.statuses]).toEqual(['alertmanager', 1, { active: 1 }]);
    expect(read.query).toContain('node-3 :9100');
  });

  it('reads a Grafana alert webhook, without its URLs or rendered message', () => {
    const read = reading(payload('grafana-checkout-503.json'));
    expect(read.format).toBe('grafana');
    expect(read.summary).toBe('read a Grafana alert payload: 1 alert (1 firing); labels alertname=CheckoutHighErrorRate, service=checkout-api; annotations summary, description, title');
    expect(read.query).toContain('checkout-api returns HTTP 503 to 18% of requests');
    expect(read.query).not.toMatch(/https:|Firing\*\*/);
  });

  it('reads a legacy Grafana webhook with evalMatches', () => {
    const read = reading(JSON.stringify({ title: '[Alerting] Disk full', ruleName: 'Kafka disk full', state: 'alerting', message: 'broker disk at 100%', evalMatches: [{ metric: 'kafka-2', value: 100, tags: { host: 'node-7' } }] }));
    expect(read.format).toBe('grafana');
    expect(read.fields.map((f) => [f.name, f.values])).toEqual([
      ['alertname', ['Kafka disk full']],
      ['host', ['node-7']],
      ['metric', ['kafka-2']],
      ['message', ['broker disk at 100%']],
      ['title', ['[Alerting] Disk full']],
    ]);
  });

  it('reads `kubectl get events -o json`: reason, namespace, pod, container, component, host, message', () => {
    const read = reading(payload('k8s-events-kafka-disk.json'));
    expect(read.format).toBe('kubernetes-event');
    expect(read.summary).toBe(
      'read a Kubernetes Event payload: 2 events (2 Warning); labels reason=BackOff|Failed, namespace=orders, pod=kafka-2, container=kafka, host=node-7, component=kubelet; text message',
    );
    expect(read.query).toContain('No space left on device');
  });

  it('reads one Event, an EventList and an events.k8s.io/v1 Event', () => {
    const event = { kind: 'Event', involvedObject: { kind: 'Deployment', name: 'web', namespace: 'shop' }, reason: 'ScalingReplicaSet', message: 'Scaled up replica set web-5d9 to 3', type: 'Normal' };
    expect(reading(JSON.stringify(event)).fields.find((f) => f.name === 'object')?.values).toEqual(['Deployment/web']);
    expect(reading(JSON.stringify({ kind: 'EventList', items: [event, event] })).alerts).toBe(2);
    const v1 = { apiVersion: 'events.k8s.io/v1', kind: 'Event', regarding: { kind: 'Node', name: 'node-2' }, reason: 'NodeNotReady', note: 'Node node-2 status is now: NodeNotReady', reportingController: 'node-controller' };
    expect(reading(JSON.stringify(v1)).query.split('\n')).toEqual(['NodeNotReady', 'node-2', 'node-controller', 'Node node-2 status is now: NodeNotReady']);
  });

  it.each([
    ['{"alerts": [{"labels": {"alertname": "X"}', /^not valid JSON at line 1, column \d+: .*\(the payload looks cut off: paste all of it\)$/],
    ['{"alerts": [}', /^not valid JSON( at line 1, column 13)?: Unexpected token '}'$/],
    [`{\n  "alerts": [\n    {"labels": {"alertname": "A", "job": "b"}},\n    oops\n  ]\n}`, /^not valid JSON( at line 4, column 5)?: Unexpected token 'o'$/],
    ['{"alerts": []}', /^the Alertmanager payload holds no alerts or events$/],
    ['{"alerts": [{"labels": {"severity": "page"}, "annotations": {}}]}', /^the Alertmanager payload has no labels or annotations to match on$/],
  ])('says what is wrong with %j', (text, message) => {
    const read = readAlert(text);
    expect(read.kind).toBe('invalid');
    expect(read.kind !== 'alert' && read.message).toMatch(message);
  });

  it('refuses a payload over the size bound without parsing it', () => {
    const huge = `{"alerts": [${'{"labels": {"a": "b"}},'.repeat(MAX_ALERT_CHARS / 20)}{}]}`;
    const read = readAlert(huge);
    expect(read).toEqual({ kind: 'invalid', message: expect.stringMatching(/^the payload is \d+\.\d MB; at most 4\.0 MB is read as alert JSON/) });
  });

  it('leaves other JSON and plain text to be matched as text', () => {
    expect(readAlert('{"level": "error", "msg": "connection reset"}').kind).toBe('other');
    expect(readAlert('ECONNRESET on port 5002').kind).toBe('other');
    expect(looksLikeAlertJson('{"level": "error"')).toBe(false);
    expect(looksLikeAlertJson('{"receiver": "x", "alerts": [')).toBe(true);
    expect(looksLikeAlertJson('{"kind": "EventList", "items": [')).toBe(true);
  });
});

describe('names', () => {
  it.each([
    ['yh-sod-scale-deviceadapter-7d9f8c6b5-x2kqz', 'yh-sod-scale-deviceadapter'],
    ['fluentd-x7k2p', 'fluentd'],
    ['kafka-2', 'kafka'],
    ['nginx-proxy', 'nginx-proxy'],
    ['api-gateway', 'api-gateway'],
  ])('the workload of pod %s is %s', (pod, workload) => {
    expect(workloadOf(pod)).toBe(workload);
  });

  it('splits alert names into words', () => {
    expect(splitWords('KubePodCrashLooping')).toBe('Kube Pod Crash Looping');
    expect(splitWords('HTTPErrorsHigh')).toBe('HTTP Errors High');
    expect(splitWords('node_filesystem_almost_full')).toBe('node filesystem almost full');
  });
});

describe('alert payloads find their records', { timeout: 60_000 }, () => {
  it.each([
    ['alertmanager-scale-udp.json', FIXTURE.scale],
    ['grafana-checkout-503.json', FIXTURE.checkout],
    ['k8s-events-kafka-disk.json', FIXTURE.kafka],
  ])('%s ranks %s first in the fixture library', async (name, id) => {
    const { records } = await loadRecords(FIXTURE_LIBRARY);
    const matcher = Matcher.fromBundle(buildIndex(records.map(recordToDoc)));
    expect(matcher.search(reading(payload(name)).query, { limit: 1 })[0]?.id).toBe(id);
  });
});
