/**
 * The fixture library (`test/fixtures/library/`): its folder, record ids and
 * the facts tests assert on. Tests count, rank and name these records, never
 * the ones in `content/incidents/`. What each record is for is in the folder's
 * README.markdown; `test/unit/fixture-library.test.ts` keeps the three in agreement.
 */
import path from 'node:path';

/** Absolute path of the fixture library. */
export const FIXTURE_LIBRARY = path.resolve(import.meta.dirname, '../fixtures/library');

/** Handles for the fixture records, by what they are. */
export const FIXTURE = {
  /** Frozen sample: zh postmortem, full times, 24 metrics, 5 open action items, status `mitigated`. */
  scale: 'scale-price-push-failure-266-calico-nat',
  /** Frozen sample: zh support case with diagnosis commands. */
  learningspace: 'learningspace-homework-distribution-ovs-drop',
  /** Frozen sample: zh advisory with products, `fixedIn` and a 9-step workaround. */
  license: 'h3cloud-os-license-server-port-5555-connections',
  /** Frozen sample: zh known issue, undated. */
  conntrack: 'k8s-conntrack-timeout-long-connection-reset',
  /** en postmortem, sev2, action items in every status, two overdue. */
  checkout: 'checkout-postgres-too-many-clients',
  /** en advisory with a workaround and no resolution. */
  openssl: 'openssl-legacy-renegotiation-advisory',
  /** zh postmortem, sev1, ongoing, draft, newest. */
  kafka: 'kafka-broker-disk-full',
  /** en known issue, undated and minimal. */
  ndots: 'pod-dns-ndots-slow-lookups',
} as const;

/** A fixture record's id. */
export type FixtureId = (typeof FIXTURE)[keyof typeof FIXTURE];

/** Every fixture id, newest first as the site lists them (by date, undated last, ties by id). */
export const FIXTURE_NEWEST_FIRST: readonly FixtureId[] = [
  FIXTURE.kafka,
  FIXTURE.openssl,
  FIXTURE.checkout,
  FIXTURE.scale,
  FIXTURE.learningspace,
  FIXTURE.license,
  FIXTURE.conntrack,
  FIXTURE.ndots,
];

/** Each record's title as written (in its own language); the UI shows it in both UI languages. */
export const FIXTURE_TITLES: Record<FixtureId, string> = {
  [FIXTURE.scale]: '门店下秤（顶尖秤）失败：266 网络错误，容器 NAT 改写源端口被秤端拒绝',
  [FIXTURE.learningspace]: 'H3Cloud Learningspace 作业分发报错“失败重发”：网络策略模板出入方向默认拒绝，OVS 流表 actions:drop',
  [FIXTURE.license]: '网络长时间中断后 H3Cloud OS 连接 License Server 异常：5555 端口连接数超过 1020',
  [FIXTURE.conntrack]: 'k8s conntrack 表项超时导致经 Service 的 TCP 长连接被 RST（ECONNRESET）',
  [FIXTURE.checkout]: 'Checkout API returns HTTP 503: Postgres refuses connections with "sorry, too many clients already"',
  [FIXTURE.openssl]: 'OpenSSL 3: TLS handshakes with older servers fail with "unsafe legacy renegotiation disabled"',
  [FIXTURE.kafka]: '订单事件 Kafka broker 磁盘写满：分区离线，生产者报 NOT_ENOUGH_REPLICAS',
  [FIXTURE.ndots]: 'Kubernetes pods resolve external names slowly: ndots:5 sends each lookup through every search domain first',
};

/** One symptom query per record that finds it first: what a responder would paste. */
export const FIXTURE_SIGNATURES: Record<FixtureId, string> = {
  [FIXTURE.scale]: '下称失败 266',
  [FIXTURE.learningspace]: 'actions:drop 失败重发',
  [FIXTURE.license]: '5555 端口连接数超过 1020',
  [FIXTURE.conntrack]: 'ECONNRESET conntrack',
  [FIXTURE.checkout]: 'FATAL: sorry, too many clients already',
  [FIXTURE.openssl]: 'error:0A000152:SSL routines::unsafe legacy renegotiation disabled',
  [FIXTURE.kafka]: 'NOT_ENOUGH_REPLICAS No space left on device',
  [FIXTURE.ndots]: 'options ndots:5 NXDOMAIN',
};
