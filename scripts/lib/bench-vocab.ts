/**
 * Vocabulary for the synthetic benchmark library (`synth.ts`): products with the
 * ports, errors and settings that go with them, service names, and postmortem
 * phrases in English and Chinese. Everything here is invented for the benchmark;
 * none of it comes from real records.
 */

/** A product or component and the symptoms it typically shows. */
export interface ProductProfile {
  /** Name as its vendor writes it. */
  name: string;
  /** Ports it listens on: `[port, protocol]`. */
  ports: Array<[number, 'tcp' | 'udp' | 'sctp']>;
  /** Errors it raises: `[code, message]`; either may be empty. */
  errors: Array<[string, string]>;
  /** Settings, processes and components a responder would name. */
  identifiers: string[];
  /** Version strings it ships as. */
  versions: string[];
}

/** Products, ordered from most to least common (the generator draws Zipf-like). */
export const PRODUCTS: ProductProfile[] = [
  { name: 'Kubernetes', ports: [[6443, 'tcp'], [10250, 'tcp'], [2222, 'tcp']], errors: [['ECONNRESET', 'read: connection reset by peer'], ['', 'context deadline exceeded'], ['CrashLoopBackOff', 'Back-off restarting failed container']], identifiers: ['kube-proxy', 'nf_conntrack_tcp_timeout_established', 'conntrack', 'kubelet', 'readinessProbe', 'hostNetwork'], versions: ['v1.24.3', 'v1.27.9', 'v1.29.2', 'v1.30.1'] },
  { name: 'nginx', ports: [[443, 'tcp'], [80, 'tcp']], errors: [['HTTP 502', 'Bad Gateway'], ['HTTP 504', 'Gateway Time-out'], ['', 'upstream prematurely closed connection']], identifiers: ['proxy_read_timeout', 'worker_connections', 'keepalive_timeout', 'upstream'], versions: ['1.18.0', '1.24.0', '1.25.3'] },
  { name: 'Redis', ports: [[6379, 'tcp'], [26379, 'tcp']], errors: [['OOM', 'command not allowed when used memory > maxmemory'], ['', 'MISCONF Redis is configured to save RDB snapshots'], ['ETIMEDOUT', 'connect ETIMEDOUT']], identifiers: ['maxmemory', 'maxmemory-policy', 'redis-sentinel', 'client-output-buffer-limit'], versions: ['6.2.14', '7.0.15', '7.2.4'] },
  { name: 'MySQL', ports: [[3306, 'tcp']], errors: [['1040', 'Too many connections'], ['1205', 'Lock wait timeout exceeded'], ['2013', 'Lost connection to MySQL server during query']], identifiers: ['max_connections', 'innodb_buffer_pool_size', 'wait_timeout', 'binlog_format'], versions: ['5.7.44', '8.0.36'] },
  { name: 'Calico', ports: [[179, 'tcp'], [4789, 'udp'], [5002, 'udp']], errors: [['', 'BGP not established'], ['', 'felix is not live']], identifiers: ['natOutgoing', 'ipipMode', 'calico-node', 'IPPool', 'felix'], versions: ['v3.20.6', 'v3.26.4'] },
  { name: 'CoreDNS', ports: [[53, 'udp'], [53, 'tcp']], errors: [['SERVFAIL', 'server failure'], ['NXDOMAIN', 'no such host'], ['', 'i/o timeout']], identifiers: ['ndots', 'forward', 'cache', 'resolv.conf'], versions: ['1.8.7', '1.11.1'] },
  { name: 'Kafka', ports: [[9092, 'tcp'], [9093, 'tcp']], errors: [['NOT_LEADER_OR_FOLLOWER', 'This server is not the leader for that topic-partition'], ['', 'consumer lag growing'], ['REQUEST_TIMED_OUT', 'Request timed out']], identifiers: ['min.insync.replicas', 'log.retention.hours', 'unclean.leader.election.enable', 'max.poll.interval.ms'], versions: ['2.8.2', '3.5.1', '3.7.0'] },
  { name: 'PostgreSQL', ports: [[5432, 'tcp']], errors: [['53300', 'sorry, too many clients already'], ['40P01', 'deadlock detected'], ['', 'could not extend file: No space left on device']], identifiers: ['max_connections', 'autovacuum', 'shared_buffers', 'pgbouncer'], versions: ['12.18', '14.11', '16.2'] },
  { name: 'etcd', ports: [[2379, 'tcp'], [2380, 'tcp']], errors: [['', 'etcdserver: request timed out'], ['', 'mvcc: database space exceeded'], ['', 'apply request took too long']], identifiers: ['quota-backend-bytes', 'heartbeat-interval', 'election-timeout', 'defrag'], versions: ['3.4.27', '3.5.12'] },
  { name: 'Envoy', ports: [[15001, 'tcp'], [15006, 'tcp'], [8443, 'tcp']], errors: [['HTTP 503', 'upstream connect error or disconnect/reset before headers'], ['UH', 'no healthy upstream'], ['UF', 'upstream connection failure']], identifiers: ['circuit_breakers', 'max_pending_requests', 'outlier_detection', 'idle_timeout'], versions: ['1.27.2', '1.29.1'] },
  { name: 'Open vSwitch', ports: [[6653, 'tcp'], [6640, 'tcp'], [4789, 'udp']], errors: [['', 'actions:drop'], ['', 'flow table full']], identifiers: ['ovs-vswitchd', 'br-int', 'ovs-ofctl dump-flows', 'network policy template'], versions: ['2.13.8', '2.17.9'] },
  { name: 'H3Cloud OS', ports: [[5555, 'tcp'], [8443, 'tcp']], errors: [['', 'license check failed'], ['', 'connections exceed 1020']], identifiers: ['License Server', 'cloudos-portal', 'Learningspace', 'homework-dispatch'], versions: ['E1131', 'E1136H01', 'E1136H04', 'E1137'] },
  { name: 'HAProxy', ports: [[443, 'tcp'], [8404, 'tcp']], errors: [['HTTP 503', 'Service Unavailable'], ['', 'backend has no server available'], ['SC', 'server closed connection']], identifiers: ['maxconn', 'timeout server', 'balance roundrobin', 'stick-table'], versions: ['2.4.24', '2.8.5'] },
  { name: 'Elasticsearch', ports: [[9200, 'tcp'], [9300, 'tcp']], errors: [['HTTP 429', 'es_rejected_execution_exception'], ['', 'circuit_breaking_exception'], ['', 'cluster health status changed from GREEN to RED']], identifiers: ['cluster.routing.allocation.disk.watermark.high', 'index.refresh_interval', 'thread_pool.write.queue_size'], versions: ['7.10.2', '7.17.18', '8.12.2'] },
  { name: 'RabbitMQ', ports: [[5672, 'tcp'], [15672, 'tcp'], [25672, 'tcp']], errors: [['', 'memory alarm set'], ['', 'connection.blocked'], ['320', 'CONNECTION_FORCED']], identifiers: ['vm_memory_high_watermark', 'prefetch_count', 'x-max-length'], versions: ['3.8.35', '3.12.13'] },
  { name: 'Java', ports: [[8080, 'tcp'], [8081, 'tcp']], errors: [['OutOfMemoryError', 'java.lang.OutOfMemoryError: Java heap space'], ['', 'java.net.SocketTimeoutException: Read timed out'], ['', 'Too many open files']], identifiers: ['-Xmx', 'MaxMetaspaceSize', 'G1GC', 'HikariCP maximumPoolSize'], versions: ['11.0.22', '17.0.10', '21.0.2'] },
  { name: 'OpenSSL', ports: [[443, 'tcp'], [8443, 'tcp']], errors: [['', 'certificate has expired'], ['', 'SSL_ERROR_SYSCALL'], ['', 'handshake failure']], identifiers: ['ssl_certificate', 'tls1.2', 'ca-bundle.crt', 'cert-manager'], versions: ['1.1.1w', '3.0.13'] },
  { name: 'containerd', ports: [[10010, 'tcp']], errors: [['', 'failed to pull image'], ['ImagePullBackOff', 'Back-off pulling image'], ['ENOSPC', 'no space left on device']], identifiers: ['containerd-shim', 'snapshotter', 'registry mirror'], versions: ['1.6.28', '1.7.13'] },
  { name: 'Ceph', ports: [[6789, 'tcp'], [3300, 'tcp'], [6800, 'tcp']], errors: [['HEALTH_WARN', 'slow ops'], ['', 'osd down'], ['', 'pgs stuck inactive']], identifiers: ['osd_max_backfills', 'mon_osd_full_ratio', 'ceph-osd'], versions: ['15.2.17', '17.2.7'] },
  { name: 'F5 BIG-IP', ports: [[443, 'tcp'], [4353, 'tcp']], errors: [['', 'pool member down'], ['', 'SNAT port exhaustion']], identifiers: ['snatpool', 'persistence profile', 'irule'], versions: ['15.1.10', '16.1.4'] },
  { name: 'Consul', ports: [[8500, 'tcp'], [8301, 'udp'], [8600, 'udp']], errors: [['', 'No cluster leader'], ['', 'rpc error: lead thread didn\'t get connection']], identifiers: ['raft_multiplier', 'retry_join', 'consul-template'], versions: ['1.15.10', '1.17.3'] },
  { name: 'Prometheus', ports: [[9090, 'tcp'], [9100, 'tcp'], [9093, 'tcp']], errors: [['', 'out of order sample'], ['', 'scrape timeout']], identifiers: ['scrape_interval', 'retention.time', 'alertmanager', 'node_exporter'], versions: ['2.45.3', '2.50.1'] },
  { name: 'ZooKeeper', ports: [[2181, 'tcp'], [2888, 'tcp'], [3888, 'tcp']], errors: [['', 'Session expired'], ['', 'Connection loss']], identifiers: ['tickTime', 'maxClientCnxns', 'jute.maxbuffer'], versions: ['3.6.4', '3.8.3'] },
  { name: 'memcached', ports: [[11211, 'tcp'], [11211, 'udp']], errors: [['', 'SERVER_ERROR out of memory'], ['', 'evictions spiking']], identifiers: ['-m 4096', 'slab_reassign', 'conn_yields'], versions: ['1.6.21'] },
  { name: 'NTP', ports: [[123, 'udp']], errors: [['', 'clock skew detected'], ['', 'time jumped backwards']], identifiers: ['chronyd', 'makestep', 'leap second'], versions: ['4.2.8p17'] },
  { name: 'SIP trunk', ports: [[5060, 'udp'], [5061, 'tcp']], errors: [['SIP 486', 'Busy Here'], ['SIP 503', 'Service Unavailable']], identifiers: ['rtp-port-range', 'session-timer'], versions: ['R6.2'] },
  { name: 'Diameter gateway', ports: [[3868, 'sctp']], errors: [['3002', 'DIAMETER_UNABLE_TO_DELIVER'], ['5012', 'DIAMETER_UNABLE_TO_COMPLY']], identifiers: ['watchdog-timer', 'peer-table'], versions: ['V300R019'] },
  { name: 'scale SDK', ports: [[5002, 'udp'], [4001, 'tcp']], errors: [['266', 'network error'], ['267', 'device busy']], identifiers: ['scale-deviceadapter', 'push-price', 'device discovery'], versions: ['2.3.1', '3.0.0'] },
];

/** English service names. */
export const SERVICES_EN = [
  'checkout-api', 'payments-gateway', 'order-service', 'price-push', 'auth-service', 'search-api', 'inventory-sync',
  'billing-worker', 'notification-service', 'homework-dispatch', 'license-server', 'cdn-edge', 'dns-resolver',
  'ingress-gateway', 'user-profile', 'recommendation-api', 'media-transcoder', 'report-scheduler', 'session-store',
  'audit-log', 'feature-flags', 'metrics-pipeline', 'log-shipper', 'backup-agent', 'mobile-bff', 'partner-webhooks',
  'loyalty-points', 'shipping-quotes', 'store-pos', 'warehouse-wms', 'sms-gateway', 'email-relay', 'config-center',
];

/** Chinese service names. */
export const SERVICES_ZH = [
  '价格推送服务', '订单中心', '支付网关', '作业分发', '门店收银', '库存同步', '会员中心', '消息队列', '称重下发服务',
  '统一认证', '搜索服务', '物流调度', '报表平台', '配置中心', '短信网关', '视频转码', '日志平台', '监控告警',
  '许可证服务', '教学空间', '结算系统', '商品中心', '营销活动', '数据同步', '边缘节点',
];

/** Tags, Zipf-ordered. */
export const TAGS = [
  'network', 'timeout', 'database', 'deploy', 'kubernetes', 'dns', 'tls', 'capacity', 'config', 'load-balancer',
  'conntrack', 'connection-limit', 'memory', 'disk', 'rollback', 'cache', 'queue', 'latency', 'packet-loss', 'nat',
  'certificate', 'firewall', 'license', 'storage', 'replication', 'failover', 'rate-limit', 'cron', 'clock',
  '网络', '超时', '连接数', '丢包', '发布', '回滚', '配置', '证书', '容量', '磁盘', '内存', '数据库', '防火墙',
];

/** What failed, in English: used in titles and prose. */
export const FAILURES_EN = [
  'connection resets', 'connection exhaustion', 'request timeouts', 'elevated error rate', 'packet loss',
  'DNS resolution failures', 'certificate expiry', 'disk full', 'memory exhaustion', 'replication lag',
  'failed deployment', 'split brain', 'queue backlog', 'slow queries', 'health check flapping', 'dropped flows',
];

/** What failed, in Chinese. */
export const FAILURES_ZH = [
  '连接被重置', '连接数耗尽', '请求超时', '错误率升高', '网络丢包', '域名解析失败', '证书过期', '磁盘写满', '内存溢出',
  '主从延迟', '发布失败', '脑裂', '消息积压', '慢查询', '健康检查抖动', '流表丢弃', '下发失败', '价格推送失败',
];

/** Root-cause categories (the taxonomy's values). */
export const CATEGORIES = ['configuration', 'deployment', 'software-bug', 'capacity', 'network', 'dependency', 'hardware', 'process'] as const;

/** Sentence templates in English; `{x}` slots are filled by the generator. */
export const SENTENCES_EN = {
  summary: [
    'On {date} {service} suffered {failure} for {minutes} minutes after {trigger}.',
    'Users of {service} saw {error} while {product} {version} returned {message}.',
    'The failure rate reached {pct} and recovered once the team {fix}.',
  ],
  timeline: [
    '{time} The on-call SRE was paged by an alert on {service}: {error}.',
    '{time} The incident commander opened a bridge and escalated to the {team} team.',
    '{time} The network team captured traffic on {proto} {port} and saw {message}.',
    '{time} Engineers noticed {figure} on {host} and suspected {product}.',
    '{time} A rollback of {service} to {version} started.',
    '{time} Mitigation applied: {fix}; error rate dropped below 1%.',
    '{time} The incident was declared resolved and monitoring stayed green.',
    '{time} Customer support reported tickets mentioning {error} from {host}.',
  ],
  cause: [
    'The root cause was {cause}: {identifier} on {product} was set too low, so under load {failure} followed.',
    'A change to {identifier} during {trigger} left {service} unable to reach {host} on {proto} port {port}.',
    'Because {product} dropped idle connections after {seconds} seconds, clients reused dead sockets and got {error}.',
    'The {team} team had not known that {product} {version} limits {identifier} to {count}.',
  ],
  impact: [
    'About {pct} of requests to {service} failed between {time} and {time2}, affecting {count} customers.',
    'Latency p99 rose to {ms} ms and {count} jobs were retried.',
    'No data was lost, but {count} orders had to be replayed by hand.',
  ],
  fix: [
    'raised {identifier} from {count} to {count2}',
    'upgraded {product} to {version}',
    'rolled back the {service} deployment',
    'switched the pod network from NAT to direct routing',
    'flushed the stale conntrack entries and set a keepalive below the idle timeout',
    'renewed the certificate and added an expiry alert',
    'freed disk space and added a retention policy',
    'allowed {proto} {port} in the network policy template',
  ],
  lesson: [
    'Alert on {identifier} before it reaches its limit.',
    'Test rollbacks of {service} in staging every quarter.',
    'Document vendor limits such as {identifier} in the runbook.',
    'Add a dashboard for {figure} so the next responder sees it within minutes.',
    'Run game days that cut {proto} {port} between zones.',
  ],
  triggers: ['a routine deployment', 'a traffic spike during a sale', 'a datacenter migration', 'a certificate rotation', 'a kernel upgrade', 'a config push', 'a failover drill', 'a vendor maintenance window'],
  teams: ['platform', 'network', 'database', 'payments', 'SRE', 'storage', 'security', 'vendor support'],
};

/** Sentence templates in Chinese. */
export const SENTENCES_ZH = {
  summary: [
    '{date}，{service}出现{failure}，持续约{minutes}分钟，起因是{trigger}。',
    '用户访问{service}时报{error}，{product} {version}返回“{message}”。',
    '失败率最高达到{pct}，{fix}后恢复正常。',
  ],
  timeline: [
    '{time} 值班工程师收到{service}告警：{error}。',
    '{time} 故障群拉会，升级到{team}团队。',
    '{time} 网络组在{proto} {port}端口抓包，看到“{message}”。',
    '{time} 发现{host}上{figure}，怀疑是{product}的问题。',
    '{time} 开始将{service}回滚到{version}。',
    '{time} 采取止损措施：{fix}，错误率降到1%以下。',
    '{time} 故障恢复，监控恢复正常。',
    '{time} 客服反馈大量工单，报错{error}，来源{host}。',
  ],
  cause: [
    '根因是{cause}：{product}上的{identifier}设置过小，高峰期出现{failure}。',
    '{trigger}时修改了{identifier}，导致{service}无法通过{proto} {port}端口访问{host}。',
    '{product}在空闲{seconds}秒后丢弃连接，客户端复用了失效的连接，报{error}。',
    '{team}团队不清楚{product} {version}把{identifier}限制为{count}。',
  ],
  impact: [
    '{time}至{time2}期间，{service}约{pct}的请求失败，影响{count}家门店。',
    'p99延迟上升到{ms}毫秒，{count}个任务被重试。',
    '没有数据丢失，但有{count}笔订单需要人工补单。',
  ],
  fix: [
    '将{identifier}从{count}调整为{count2}',
    '将{product}升级到{version}',
    '回滚{service}的发布',
    '容器网络模式从NAT改为直接路由',
    '清理过期的conntrack表项并把保活时间设置为小于空闲超时',
    '更新证书并增加过期告警',
    '清理磁盘并增加日志保留策略',
    '在网络策略模板中放通{proto} {port}',
  ],
  lesson: [
    '在{identifier}接近上限前告警。',
    '每季度在预发环境演练{service}的回滚。',
    '把{identifier}等厂商限制写进应急手册。',
    '为{figure}增加监控大盘，下次值班人员几分钟内就能看到。',
    '定期演练跨机房{proto} {port}中断。',
  ],
  triggers: ['例行发布', '大促流量高峰', '机房迁移', '证书轮换', '内核升级', '配置下发', '主备切换演练', '厂商维护窗口'],
  teams: ['平台', '网络', '数据库', '支付', '运维', '存储', '安全', '厂商支持'],
};

/** Figure labels: `[English, Chinese, unit]`. */
export const FIGURES: Array<[string, string, string]> = [
  ['failure rate', '失败率', '%'],
  ['error rate', '错误率', '%'],
  ['p99 latency', 'p99延迟', 'ms'],
  ['connections', '连接数', 'connections'],
  ['CPU usage', 'CPU使用率', '%'],
  ['disk usage', '磁盘使用率', '%'],
  ['retransmissions', '重传次数', 'packets'],
  ['queue depth', '队列深度', 'messages'],
];

/** Numeric-only application error codes responders type as-is. */
export const APP_ERROR_MESSAGES_EN = ['network error', 'device offline', 'invalid session', 'upstream unavailable', 'quota exceeded'];
/** Chinese messages for the same. */
export const APP_ERROR_MESSAGES_ZH = ['网络错误', '设备网络不通', '会话失效', '上游不可用', '配额超限'];

/** Log levels, most common first. */
export const LOG_LEVELS = ['INFO', 'WARN', 'ERROR', 'DEBUG', 'FATAL'];
