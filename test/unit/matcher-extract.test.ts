import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/matcher/index.ts';

/** Keys of the facts found, with protocol, comparison and label where set. */
function keys(text: string): string[] {
  return extractFacts(text).map(
    (f) => `${f.key}${f.protocol ? `/${f.protocol}` : ''}${f.op ? ` op${f.op}` : ''}${f.label ? ` [${f.label}]` : ''}`,
  );
}

describe('extractFacts: one row per form a responder types or pastes', () => {
  const table: Array<[string, string, string[]]> = [
    // ports
    ['port', '5555', ['number:5555']],
    ['port', ':2222', ['port:2222']],
    ['port', '2222/tcp', ['port:2222/tcp']],
    ['port', 'udp 5002', ['port:5002/udp']],
    ['port', '5002/udp', ['port:5002/udp']],
    ['port', 'tcp/443', ['port:443/tcp']],
    ['port', 'port 8080', ['port:8080']],
    ['port', 'port:5432', ['port:5432']],
    ['port', 'dport=2222', ['port:2222']],
    ['port', '监听端口5555', ['port:5555']],
    ['port', '5555端口', ['port:5555']],
    ['port', 'IP 192.168.211.19.49764 > cvknode1.8860: Flags [S]', ['ip:192.168.211.19', 'port:49764', 'host:cvknode1', 'port:8860']],
    ['port', 'UDP 63 54503 → 5002 Len=21', ['number:63', 'port:54503/udp', 'port:5002/udp']],
    ['port', '10.0.0.1:6443', ['ip:10.0.0.1', 'port:6443']],
    ['port', 'https://example.com:8443/x', ['host:example.com', 'port:8443/tcp']],
    ['port', 'tcp 6 120 SYN_SENT', ['number:6', 'number:120', 'identifier:syn_sent']],
    ['port', '[DESTROY] tcp 6 src=172.18.219.65', ['number:6', 'ip:172.18.219.65']],
    // codes
    ['code', 'error 266', ['code:266']],
    ['code', '下称失败 266', ['code:266']],
    ['code', '状态码为266网络错误', ['code:266']],
    ['code', '顶尖266报错', ['code:266']],
    ['code', 'errcode=E42', ['code:E42']],
    // errno and exceptions
    ['errno', 'ECONNRESET', ['errno:ECONNRESET']],
    ['errno', 'read ETIMEDOUT', ['errno:ETIMEDOUT']],
    ['errno', 'send result: Connection reset by peer', ['errno:ECONNRESET']],
    ['errno', 'connect: connection refused', ['errno:ECONNREFUSED']],
    ['errno', 'ERR_SOCKET_TIMEOUT', ['errno:ERR_SOCKET_TIMEOUT']],
    ['exception', 'OOMKilled', ['exception:oomkilled']],
    ['exception', 'java.lang.NullPointerException', ['exception:nullpointerexception']],
    ['exception', 'ConnectionResetError', ['exception:connectionreseterror']],
    // HTTP
    ['http', 'HTTP 502', ['http:502']],
    ['http', '502 Bad Gateway', ['http:502']],
    ['http', 'HTTP/1.1 503 Service Unavailable', ['http:503']],
    ['http', 'status=504', ['http:504']],
    // signals and exit codes
    ['signal', 'SIGKILL', ['signal:SIGKILL']],
    ['signal', 'killed by signal 9', ['signal:SIGKILL']],
    ['exit', 'exit code 137', ['exit:137', 'signal:SIGKILL']],
    ['exit', 'exited with code 1', ['exit:1']],
    // figures
    ['percent', '41%', ['percent:41']],
    ['percent', '失败率为41.48%', ['percent:41.48 [failure rate]']],
    ['percent', 'error rate 12.5 %', ['percent:12.5 [error rate]']],
    ['figure', '>1000 connections', ['figure:count:1000 op> [connections]']],
    ['figure', '返回值超过1020', ['figure:count:1020 op>']],
    ['figure', '连接数 超过 1020', ['figure:count:1020 op> [connections]']],
    ['figure', 'more than 300 requests', ['figure:count:300 op> [requests]']],
    ['figure', '53K', ['figure:B:54272']],
    ['figure', '4.6K', ['figure:B:4710.4']],
    ['duration', '24h', ['duration:86400']],
    ['duration', '30 seconds', ['duration:30']],
    ['duration', '约30秒', ['duration:30 op~']],
    ['duration', '250ms', ['duration:0.25']],
    // addresses
    ['ip', '10.67.65.100', ['ip:10.67.65.100']],
    ['ip', '2001:db8:0:0:0:0:0:1', ['ip:2001:db8::1']],
    ['ip', 'fe80::1', ['ip:fe80::1']],
    ['ip', 'dst=10.108.33.37', ['ip:10.108.33.37']],
    ['ip', '999.1.1.1', []],
    ['cidr', '10.0.0.0/8', ['cidr:10.0.0.0/8']],
    ['cidr', '10.1.2.3/16', ['cidr:10.1.0.0/16']],
    ['cidr', '2001:db8::/32', ['cidr:2001:db8::/32']],
    ['host', 'www.baidu.com', ['host:www.baidu.com']],
    ['host', 't.khd.2345.cc', ['host:t.khd.2345.cc']],
    ['host', 'licmcore.log', ['identifier:licmcore.log']],
    ['host', 'edge-36.us-east-1', ['host:edge-36.us-east-1']],
    ['host', 'this.name', []],
    // versions
    ['version', 'E1136H04', ['version:E1136H04']],
    ['version', 'E2180P07H01', ['version:E2180P07H01']],
    ['version', 'v1.2.3', ['version:1.2.3']],
    ['version', '1.22.0-rc1', ['version:1.22.0-rc1']],
    // identifiers
    ['identifier', 'nf_conntrack_tcp_timeout_established', ['identifier:nf_conntrack_tcp_timeout_established']],
    [
      'identifier',
      'net.netfilter.nf_conntrack_tcp_timeout_established',
      ['identifier:net.netfilter.nf_conntrack_tcp_timeout_established', 'identifier:nf_conntrack_tcp_timeout_established'],
    ],
    ['identifier', 'natOutgoing', ['identifier:natoutgoing']],
    ['identifier', 'actions:drop', ['identifier:actions:drop']],
    ['identifier', 'conntrack -F', ['identifier:conntrack -F']],
    ['identifier', 'yh-sod-scale-deviceadapter', ['identifier:yh-sod-scale-deviceadapter']],
    ['identifier', '/opt/LicServer/log/licmcore.log', ['identifier:/opt/licserver/log/licmcore.log', 'identifier:licmcore.log']],
    // full-width input from a Chinese IME
    ['full-width', '端口５５５５', ['port:5555']],
    ['full-width', '失败率４１．４８％', ['percent:41.48 [failure rate]']],
    ['full-width', '状态码：266', ['code:266']],
    // bare numbers and things that are not facts
    ['number', '266', ['number:266']],
    ['number', '35.8', ['number:35.8']],
    ['none', '2024-07-31 07:38:00', []],
    ['none', 'long-lived connections reset', []],
    ['none', '', []],
  ];
  it.each(table)('%s: %s', (_type, text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it('gives spans into the input', () => {
    const text = 'saw udp 5002 and ECONNRESET';
    const facts = extractFacts(text);
    expect(facts.map((f) => text.slice(f.start, f.end))).toEqual(['5002', 'ECONNRESET']);
    expect(facts.map((f) => f.text)).toEqual(['5002', 'ECONNRESET']);
  });

  it('keeps decimals written and the figure value', () => {
    const [fact] = extractFacts('41.48%');
    expect(fact).toMatchObject({ type: 'percent', value: 41.48, decimals: 2, unit: '%' });
  });

  it('reads context only on the same line', () => {
    expect(keys('udp\n5002')).toEqual(['number:5002']);
  });

  it('reads at most maxChars characters', () => {
    expect(keys('ECONNRESET ETIMEDOUT')).toEqual(['errno:ECONNRESET', 'errno:ETIMEDOUT']);
    expect(extractFacts('ECONNRESET ETIMEDOUT', { maxChars: 12 }).map((f) => f.key)).toEqual(['errno:ECONNRESET']);
  });
});
