/**
 * `npm run import` over the four seed documents (read from ../shared/seeds at
 * test time; without it the suite is skipped with one printed line): each
 * becomes a draft that passes the schema, carries the seed's ports, codes,
 * rates and times, and names no person. `--timezone` is checked on a fixture.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseRecordText } from '../../src/records/frontmatter.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport, type ImportReport } from '../../src/import/index.ts';
import { recordSchema, type RecordData } from '../../src/schema/record.ts';
import { SEEDS_DIR as SEEDS, hasShared } from '../support/shared.ts';

/** A hand-made Chinese announcement with times written without an offset. */
const ANNOUNCEMENT = path.resolve(import.meta.dirname, '../fixtures/import-text/zh-announcement.txt');
const SEED_PERSON_NAMES = ['戴丽丽', '王剑虎', '彭勇升', '邓文强', '帅志虎', '卫龙', '一一建和峰', '建和峰', '陈峰飞', 'kate', '牟良'];

interface Imported {
  file: string;
  raw: string;
  data: RecordData;
}

let out: string;
let report: ImportReport;
const bySeed = new Map<string, Imported>();

/** `HH:MM` of a time as read in +08:00. */
function shanghaiClock(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
}

describe.runIf(hasShared('seeds', 'import of the seed documents'))('import of the seed documents', () => {
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'import-seeds-'));
    report = await runImport({ inputs: [SEEDS], outDir: out });
    for (const item of report.items) {
      if (item.type !== 'written') continue;
      const raw = await readFile(item.file, 'utf8');
      const parsed = recordSchema.safeParse((parseRecordText(raw) as { ok: true; record: { data: unknown } }).record?.data);
      if (!parsed.success) throw new Error(`${item.file}: ${parsed.error.message}`);
      bySeed.set(path.basename(item.origin).slice(0, 3), { file: path.basename(item.file), raw, data: parsed.data });
    }
  }, 60_000);

  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes one draft per seed and nothing else', async () => {
    expect(report.counts).toEqual({ files: 4, lines: 0, written: 4, duplicates: 0, malformed: 0, existing: 0, failed: 0 });
    expect([...bySeed.keys()].sort()).toEqual(['000', '001', '002', '003']);
    expect((await readdir(out)).sort()).toEqual([...bySeed.values()].map((d) => d.file).sort());
  });

  it('marks every record a draft, with the attention list as comments at the top of the frontmatter', () => {
    for (const { raw, data } of bySeed.values()) {
      expect(data.draft).toBe(true);
      expect(raw.startsWith('---\n# Imported draft: check these before removing `draft: true`:\n# - timezone: assumed Asia/Shanghai')).toBe(true);
    }
  });

  it('names none of the people in the seeds, and says names were removed', () => {
    for (const [seed, { raw }] of bySeed) {
      for (const name of SEED_PERSON_NAMES) expect(raw.toLowerCase().includes(name), `${name} in ${seed}`).toBe(false);
    }
    for (const seed of ['000', '002', '003']) expect(bySeed.get(seed)!.raw).toMatch(/# - blameless: removed \d+ mention\(s\) of \d+ person name\(s\)/);
  });

  it('003 postmortem: 266, udp 5002, 41.48 %, 66.03 %, 94969, times and timeline', () => {
    const { data, file } = bySeed.get('003')!;
    expect(file).toBe(`2024-07-31-${data.id}.md`);
    expect(data.kind).toBe('postmortem');
    expect(data.date).toBe('2024-07-31');
    expect(data.title).toBe('门店下秤（顶尖秤）失败故障');
    expect(data.sourceSeverity).toBe('L4');
    expect(data.symptoms?.errors).toContainEqual({ code: '266' });
    expect(data.symptoms?.ports).toContainEqual({ port: 5002, protocol: 'udp' });
    expect(data.symptoms?.figures).toContainEqual({ label: '顶尖称下发失败率', value: 41.48, unit: '%' });
    const window = { start: new Date('2024-07-31T07:00:00+08:00'), end: new Date('2024-07-31T09:00:00+08:00') };
    expect(data.impact?.summary).toBe('在所有下发任务中，顶尖称下发失败率为41.48%');
    expect(data.impact?.metrics).toContainEqual({ label: '266报错失败率', value: 41.48, unit: '%', window });
    expect(data.impact?.metrics).toContainEqual({ label: '任务失败率', value: 66.03, unit: '%', window });
    expect(data.impact?.metrics).toContainEqual({ label: '下秤任务总数', value: 94969, window });
    expect(data.impact?.metrics).toHaveLength(24);
    expect(data.times.started?.toISOString()).toBe(new Date('2024-07-31T04:30:00+08:00').toISOString());
    expect(bySeed.get('003')!.raw).toContain("started: \"2024-07-31T04:30:00+08:00\"");
    expect(data.times.detected?.toISOString()).toBe(new Date('2024-07-31T07:38:00+08:00').toISOString());
    expect(data.times.mitigated?.toISOString()).toBe(new Date('2024-07-31T08:40:00+08:00').toISOString());
    expect(data.timeline.map((event) => shanghaiClock(event.at))).toEqual(['04:30', '07:38', '07:53', '08:17', '08:21', '08:38', '08:40']);
    expect(data.timeline.map((event) => event.type)).toEqual(['start', 'escalate', 'diagnose', 'escalate', 'note', 'diagnose', 'mitigate']);
    expect(data.workaround).toEqual({ summary: '秤服务yh-sod-scale-deviceadapter切回唐镇TCE后，业务反馈业务恢复正常', steps: [] });
    expect(data.actionItems).toHaveLength(5);
    for (const item of data.actionItems) expect([item.status, item.owner]).toEqual(['open', undefined]);
  });

  it('002 advisory: port 5555, more than 1020 connections, fixed in E1136H04, workaround commands', () => {
    const { data, file } = bySeed.get('002')!;
    expect(file).toBe(`2017-02-13-${data.id}.md`);
    expect(data.kind).toBe('advisory');
    expect(data.symptoms?.ports).toContainEqual({ port: 5555, protocol: 'tcp' });
    expect(data.symptoms?.figures).toContainEqual({ label: 'netstat -anp | grep 5555 | wc -l 返回值', value: 1020, op: '>' });
    expect(data.products).toEqual([
      { name: 'H3Cloud OS', versions: ['E1131 - E1136H01'], fixedIn: 'E1136H04' },
      { name: 'H3C License Server', versions: ['E2180P07H01'] },
    ]);
    expect(data.resolution?.summary).toBe('H3Cloud OS E1136H04及之后版本已经解决。');
    expect(data.workaround?.steps.slice(0, 2)).toEqual([
      {
        text: '执行ls -lh /opt/LicServer/log/，查看licmcore.log文件大小，如果该文件很大且占用磁盘大部分空间，则执行rm -rf /opt/LicServer/log/licmcore.log删除该日志文件。',
        command: 'ls -lh /opt/LicServer/log/\nrm -rf /opt/LicServer/log/licmcore.log',
        where: 'License Server',
      },
      { text: '执行service licsscore restart重启license-server核心进程。', command: 'service licsscore restart', where: 'License Server' },
    ]);
    expect(data.workaround?.steps.map((step) => step.where)).toContain('H3Cloud OS');
  });

  it('001 known issue: port 2222, ECONNRESET, 86400, 10.108.33.37; undated', () => {
    const { data, file } = bySeed.get('001')!;
    expect(file).toBe(`${data.id}.md`);
    expect(data.date).toBeUndefined();
    expect(data.kind).toBe('known-issue');
    expect(data.language).toBe('zh-Hant');
    expect(data.symptoms?.ports).toContainEqual({ port: 2222, protocol: 'tcp' });
    expect(data.symptoms?.errors).toContainEqual({ code: 'ECONNRESET' });
    expect(data.symptoms?.figures).toContainEqual({ label: 'nf_conntrack_tcp_timeout_established 默認值', value: 86400 });
    expect(data.symptoms?.hosts).toContain('10.108.33.37');
    expect(data.references).toEqual([{ title: '原文鏈接', url: 'https://blog.csdn.net/fengcai_ke/article/details/125717134' }]);
    expect(bySeed.get('001')!.raw).not.toContain('(wǎng)');
    expect(bySeed.get('001')!.raw).not.toContain('相關推薦');
  });

  it('000 support case: 192.168.211.19, port 8860, E1004P04, actions:drop', () => {
    const { data, file } = bySeed.get('000')!;
    expect(file).toBe(`2021-05-16-${data.id}.md`);
    expect(data.kind).toBe('support-case');
    expect(data.title).toBe('H3Cloud Learningspace作业分发报错, 提示: 失败重发');
    expect(data.symptoms?.hosts[0]).toBe('192.168.211.19');
    expect(data.symptoms?.errors).toEqual([{ message: '失败重发' }]);
    expect(data.symptoms?.ports).toContainEqual({ port: 8860 });
    expect(data.products).toEqual([{ name: 'Learningspace', versions: ['E1004P04'] }]);
    expect(data.symptoms?.identifiers).toContain('actions:drop');
    expect(data.symptoms?.logs.some((line) => line.endsWith('actions:drop'))).toBe(true);
    expect(data.rootCause).toEqual({ category: 'unknown', summary: '检查虚拟机使用的网络策略模板，规则均为拒绝，问题原因就在于此。' });
    expect(data.resolution?.summary).toBe('修改网络策略模板中出入口方向动作为允许后，网络连通性正常，作业分发功能正常。');
  });
});

describe('--timezone', { timeout: 60_000 }, () => {
  it('reads times written without an offset in the zone given, and says so', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'import-zone-'));
    try {
      const result = await runImport({ inputs: [ANNOUNCEMENT], outDir: dir, zone: 'UTC' });
      const written = result.items.find((item) => item.type === 'written');
      expect(written?.type === 'written' && written.attention[0]).toBe('timezone: UTC (from --timezone) applied to times written without an offset');
      const raw = await readFile(written!.type === 'written' ? written!.file : '', 'utf8');
      expect(raw).toContain('at: "2023-05-10T09:30:00Z"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
