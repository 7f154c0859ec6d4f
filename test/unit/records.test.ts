/**
 * The four sample records, as frozen in the fixture library (the copies of
 * content/incidents' samples): they parse, and the facts a responder relies
 * on (times, ports, codes, figures, versions, commands) survived the rewrite
 * from the seed documents exactly. Also guards the blameless rule.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRecords, type LoadedRecord } from '../../src/records/load.ts';
import { durations } from '../../src/schema/derive.ts';
import { FIXTURE, FIXTURE_LIBRARY } from '../support/fixture-library.ts';

const DIR = path.relative(process.cwd(), FIXTURE_LIBRARY).split(path.sep).join('/');
/** The four samples, each rewritten from one seed document; the other fixture records are hand-made. */
const SAMPLES: string[] = [FIXTURE.scale, FIXTURE.learningspace, FIXTURE.license, FIXTURE.conntrack];

/**
 * People named in the seed documents (authors, chat participants, the person
 * held responsible). None may appear in a record.
 */
const SEED_PERSON_NAMES = ['戴丽丽', '王剑虎', '彭勇升', '邓文强', '帅志虎', '卫龙', '一一建和峰', '建和峰', '陈峰飞', 'kate', '牟良'];

let records: LoadedRecord[] = [];
let problems: { file: string; message: string }[] = [];

beforeAll(async () => {
  ({ records, problems } = await loadRecords(DIR));
  records = records.filter((r) => SAMPLES.includes(r.data.id));
});

function byId(id: string): LoadedRecord {
  const found = records.find((r) => r.data.id === id);
  expect(found, `sample ${id}`).toBeDefined();
  return found!;
}

/** Every step command of a record's resolution and workaround. */
function commands(record: LoadedRecord): string[] {
  const { diagnosis, resolution, workaround } = record.data;
  return [...(diagnosis?.steps ?? []), ...(resolution?.steps ?? []), ...(workaround?.steps ?? [])]
    .map((s) => s.command)
    .filter((c): c is string => c !== undefined);
}

describe('sample records', () => {
  it('all parse without problems', () => {
    expect(problems).toEqual([]);
    expect(records.map((r) => r.data.id).sort()).toEqual([...SAMPLES].sort());
  });

  it('are one of each kind, with the expected ids and file names', () => {
    expect(records.map((r) => [r.data.kind, r.data.id, r.file]).sort()).toEqual([
      ['advisory', 'h3cloud-os-license-server-port-5555-connections', `${DIR}/2017-02-13-h3cloud-os-license-server-port-5555-connections.md`],
      ['known-issue', 'k8s-conntrack-timeout-long-connection-reset', `${DIR}/k8s-conntrack-timeout-long-connection-reset.md`],
      ['postmortem', 'scale-price-push-failure-266-calico-nat', `${DIR}/2024-07-31-scale-price-push-failure-266-calico-nat.md`],
      ['support-case', 'learningspace-homework-distribution-ovs-drop', `${DIR}/2021-05-16-learningspace-homework-distribution-ovs-drop.md`],
    ]);
  });

  it('are written in Chinese with an English title', () => {
    for (const r of records) {
      expect(r.data.language).toBe('zh');
      expect(r.data.titleEn).toMatch(/^[A-Za-z0-9][\x20-\x7e]{30,}/);
    }
  });

  it('name no person from the seeds', async () => {
    for (const r of records) {
      const raw = (await readFile(r.file, 'utf8')).toLowerCase();
      for (const name of SEED_PERSON_NAMES) expect(raw.includes(name.toLowerCase()), `${name} in ${r.file}`).toBe(false);
      for (const item of r.data.actionItems) expect(item.owner).toBeUndefined();
    }
  });
});

describe('003 postmortem: scale price push failure', () => {
  let r: LoadedRecord;
  beforeAll(() => {
    r = byId(FIXTURE.scale);
  });

  it('keeps the times in Shanghai time and derives TTD and TTR', () => {
    expect(r.data.date).toBe('2024-07-31');
    expect(r.data.timezone).toBe('Asia/Shanghai');
    expect(r.data.times.started).toEqual(new Date('2024-07-31T04:30:00+08:00'));
    expect(r.data.times.detected).toEqual(new Date('2024-07-31T07:38:00+08:00'));
    expect(r.data.times.reported).toEqual(new Date('2024-07-31T07:38:00+08:00'));
    expect(r.data.times.mitigated).toEqual(new Date('2024-07-31T08:40:00+08:00'));
    expect(r.data.times.resolved).toBeUndefined();
    const d = durations(r.data.times);
    expect(d.timeToDetect).toBe((3 * 60 + 8) * 60_000);
    expect(d.timeToRecover).toBe((4 * 60 + 10) * 60_000);
  });

  it('keeps the source severity verbatim and invents none', () => {
    expect(r.data.sourceSeverity).toBe('L4');
    expect(r.data.severity).toBeUndefined();
  });

  it('carries the whole impact table: four windows by six columns', () => {
    const metrics = r.data.impact!.metrics;
    expect(metrics).toHaveLength(24);
    const at = (label: string, start: string) =>
      metrics.find((m) => m.label === label && m.window?.start.getTime() === new Date(start).getTime());
    const incident = '2024-07-31T07:00:00+08:00';
    expect(at('266报错失败率', incident)).toMatchObject({ value: 41.48, unit: '%' });
    expect(at('任务失败率', incident)).toMatchObject({ value: 66.03, unit: '%' });
    expect(at('下秤任务总数', incident)).toMatchObject({ value: 94969, unit: 'tasks' });
    expect(at('任务成功数', incident)?.value).toBe(32262);
    expect(at('任务失败数', incident)?.value).toBe(62707);
    expect(at('顶尖266报错任务数', incident)?.value).toBe(39394);
    expect(at('下秤任务总数', incident)?.window?.end).toEqual(new Date('2024-07-31T09:00:00+08:00'));
    expect(at('266报错失败率', '2024-07-31T09:00:00+08:00')?.value).toBe(0.28);
    expect(at('任务失败率', '2024-07-31T09:00:00+08:00')?.value).toBe(23.4);
    expect(at('266报错失败率', '2024-07-30T07:00:00+08:00')?.value).toBe(0.25);
    expect(at('下秤任务总数', '2024-07-30T07:00:00+08:00')?.value).toBe(49013);
    expect(at('任务失败率', '2024-07-24T07:00:00+08:00')?.value).toBe(28.15);
    expect(at('任务失败数', '2024-07-24T07:00:00+08:00')?.value).toBe(16067);
    // Every comparison window says what it is a baseline for.
    for (const m of metrics.filter((m) => m.window?.start.getTime() !== new Date(incident).getTime())) {
      expect(m.note).toMatch(/基线|对照/);
    }
  });

  it('has the symptoms a responder types: 266, udp 5002, 41.48 %, natOutgoing', () => {
    const s = r.data.symptoms!;
    expect(s.errors).toContainEqual({ code: '266', message: '网络错误' });
    expect(s.errors.map((e) => e.message)).toEqual(expect.arrayContaining(['下秤失败', '设备网络不通']));
    expect(s.ports).toContainEqual(expect.objectContaining({ port: 5002, protocol: 'udp' }));
    expect(s.figures).toContainEqual(expect.objectContaining({ value: 41.48, unit: '%' }));
    expect(s.figures).toContainEqual(expect.objectContaining({ value: 66.03, unit: '%' }));
    expect(s.hosts).toEqual(expect.arrayContaining(['10.67.65.100', '10.226.8.186']));
    expect(s.identifiers).toEqual(expect.arrayContaining(['yh-sod-scale-deviceadapter', 'natOutgoing']));
    expect(s.logs.some((l) => l.includes('54503 → 5002'))).toBe(true);
  });

  it('has the timeline from the handling log and the five action items', () => {
    expect(r.data.timeline.map((e) => e.type)).toEqual([
      'start', 'detect', 'escalate', 'diagnose', 'escalate', 'diagnose', 'diagnose', 'mitigate', 'diagnose',
    ]);
    const times = r.data.timeline.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(r.data.timeline.find((e) => e.type === 'mitigate')?.at).toEqual(new Date('2024-07-31T08:40:00+08:00'));
    expect(r.data.actionItems.map((a) => [a.type, a.status])).toEqual([
      ['prevent', 'open'], ['mitigate', 'open'], ['process', 'open'], ['prevent', 'open'], ['process', 'open'],
    ]);
    expect(r.data.rootCause.category).toBe('network');
    expect(r.data.rootCause.summary).toContain('natOutgoing');
  });
});

describe('002 advisory: H3Cloud OS and License Server', () => {
  let r: LoadedRecord;
  beforeAll(() => {
    r = byId(FIXTURE.license);
  });

  it('names the affected and fixing versions exactly', () => {
    expect(r.data.date).toBe('2017-02-13');
    expect(r.data.products).toEqual([
      { name: 'H3Cloud OS', versions: ['E1131 - E1136H01'], fixedIn: 'E1136H04' },
      { name: 'H3C License Server', versions: ['E2180P07H01'] },
    ]);
  });

  it('has port 5555 and the > 1020 connections figure', () => {
    const s = r.data.symptoms!;
    expect(s.ports).toContainEqual(expect.objectContaining({ port: 5555, protocol: 'tcp' }));
    expect(s.figures).toContainEqual(expect.objectContaining({ value: 1020, unit: 'connections', op: '>' }));
    expect(s.identifiers).toEqual(expect.arrayContaining(['licsscore', 'licssmonitor', 'coreapi', 'licmcore.log']));
  });

  it('keeps the workaround commands verbatim', () => {
    const all = commands(r).join('\n').split('\n');
    expect(all).toEqual(
      expect.arrayContaining([
        'netstat -anp | grep 5555 | wc -l',
        'ls -lh /opt/LicServer/log/',
        'rm -rf /opt/LicServer/log/licmcore.log',
        'service licsscore restart',
        'kill -9 1028',
        'service licsscore start',
        'service licssmonitor restart',
        'kill -9 2895',
        '/opt/bin/kubectl -s 127.0.0.1:8888 get pod',
        '/opt/bin/kubectl --server=127.0.0.1:8888 stop pod coreapirc-rfcnt',
      ]),
    );
    expect(r.data.rootCause.category).toBe('software-bug');
  });
});

describe('001 known issue: conntrack timeout resets a long-lived connection', () => {
  let r: LoadedRecord;
  beforeAll(() => {
    r = byId(FIXTURE.conntrack);
  });

  it('has no date (the source gives none) and cites the original article', () => {
    expect(r.data.date).toBeUndefined();
    expect(r.data.references.map((ref) => ref.url)).toEqual(['https://blog.csdn.net/fengcai_ke/article/details/125717134']);
  });

  it('has port 2222, ECONNRESET and the 86400 s timeout', () => {
    const s = r.data.symptoms!;
    expect(s.ports).toContainEqual(expect.objectContaining({ port: 2222, protocol: 'tcp' }));
    expect(s.errors).toContainEqual({ code: 'ECONNRESET', message: 'Connection reset by peer' });
    expect(s.figures).toContainEqual(expect.objectContaining({ value: 86400, unit: 's' }));
    expect(s.identifiers).toContain('nf_conntrack_tcp_timeout_established');
    expect(s.hosts).toEqual(['10.108.33.37', '172.18.219.65', '172.18.166.130', '172.18.166.131']);
    expect(s.logs).toContain('send result: Connection reset by peer');
  });

  it('keeps the commands and keepalive code verbatim', () => {
    const all = commands(r).join('\n').split('\n');
    expect(all).toEqual(
      expect.arrayContaining([
        'sysctl -n net.netfilter.nf_conntrack_tcp_timeout_established',
        'setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, (void*)&flag, sizeof(flag));',
        'setsockopt(fd, SOL_TCP, TCP_KEEPIDLE, (void*)&_idle, sizeof(_idle));',
        'netstat -altpn --timers',
      ]),
    );
    expect(r.body).toContain('conntrack -F');
    expect(r.body).toContain('[NEW] tcp 6 300 ESTABLISHED src=172.18.219.65 dst=10.108.33.37 sport=59468 dport=2222 [UNREPLIED] src=172.18.166.130');
  });

  it('drops the unrelated web-page noise', () => {
    for (const noise of ['上一篇', '下一篇', '相關推薦', '相关推荐', '最近更新', 'Spring Security']) {
      expect(r.body).not.toContain(noise);
    }
  });
});

describe('000 support case: Learningspace homework distribution', () => {
  let r: LoadedRecord;
  beforeAll(() => {
    r = byId(FIXTURE.learningspace);
  });

  it('names the version, host, policy template and the drop flow', () => {
    expect(r.data.date).toBe('2021-05-16');
    expect(r.data.products).toEqual([{ name: 'H3Cloud Learningspace', versions: ['E1004P04'] }]);
    const s = r.data.symptoms!;
    expect(s.errors.map((e) => e.message)).toContain('失败重发');
    expect(s.hosts).toContain('192.168.211.19');
    expect(s.identifiers).toEqual(expect.arrayContaining(['actions:drop', 'CLASSROOM-1-KG7E6ZB5', 'vswtch0']));
    expect(s.ports).toContainEqual(expect.objectContaining({ port: 8860, protocol: 'tcp' }));
    expect(s.logs.some((l) => l.includes('192.168.211.19.49764 > cvknode1.8860: Flags [S]'))).toBe(true);
    expect(s.logs.some((l) => l.endsWith('packets:748,bytes:55352,used:1.332s,actions:drop'))).toBe(true);
  });

  it('keeps the diagnosis commands verbatim and the fix', () => {
    expect(commands(r)).toEqual([
      'ovs_dbg_listports | grep stu-1-1-17',
      'tcpdump -i vnet2 host 192.168.211.19',
      'ovs-appctl dpif/dump-flows vswtch0 | grep 192.168.211.19',
    ]);
    // The checks are diagnosis, not the fix: the fix itself has no command.
    expect(r.data.diagnosis?.steps.map((s) => s.command).filter(Boolean)).toHaveLength(3);
    expect(r.data.resolution?.steps.some((s) => s.command)).toBe(false);
    expect(r.data.rootCause.category).toBe('configuration');
    expect(r.data.resolution?.summary).toContain('允许');
  });
});
